/**
 * Measures the import of a large lab table. It writes a CSV of --rows samples: 10 major
 * oxides in wt%, LOI, 16 REE in ppm and 3 metadata columns. Then it runs two steps, each in
 * its own process so that peak RSS is its own: the reference parses the file with csv-parse
 * only, and the import reads, checks, converts and stores it through the API's importDataset
 * service, in a new database on the local PostgreSQL server. The import connects as the
 * application role, as the API does. Both run with a V8 heap capped
 * at HEAP_CAP_MB, so an import whose memory grew with the file would fail. It prints rows per
 * second, peak RSS and the RSS before the file is read, and the ratios of the two steps.
 *
 * Usage: npx tsx bench/import/measureImport.ts [--rows 100000]
 *   [--database postgresql://postgres@127.0.0.1:5432/postgres]
 */
import { execFileSync } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { once } from "node:events";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { parse } from "csv-parse";

const MAJORS = ["SiO2", "Al2O3", "Fe2O3", "CaO", "MgO", "Na2O", "K2O", "TiO2", "P2O5", "MnO"];
const MAJOR_WT = [52.1, 24.3, 6.8, 5.2, 1.6, 0.9, 1.8, 1.1, 0.4, 0.05];
const REE = [
  "La",
  "Ce",
  "Pr",
  "Nd",
  "Sm",
  "Eu",
  "Gd",
  "Tb",
  "Dy",
  "Ho",
  "Er",
  "Tm",
  "Yb",
  "Lu",
  "Y",
  "Sc",
];
const REE_PPM = [62, 125, 14, 55, 11, 2.3, 10, 1.6, 9.5, 1.9, 5.4, 0.8, 5.1, 0.75, 52, 28];

/** Old-space limit of each measured process, in MB. */
const HEAP_CAP_MB = 128;

interface Measurement {
  rows: number;
  seconds: number;
  peakRssMb: number;
  /** RSS once the modules are loaded, before the file is read. */
  startRssMb: number;
}

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    database: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
    step: { type: "string" },
    file: { type: "string" },
  },
});

if (args.step === "parse") {
  report(await parseOnly(args.file ?? ""));
} else if (args.step === "import") {
  report(await importThroughService(args.file ?? "", args.database));
} else {
  await main(Number(args.rows), args.database);
}

async function main(rows: number, database: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "ree-import-bench-"));
  const file = join(dir, "lab_table.csv");
  try {
    await writeTable(file, rows);
    const reference = runStep("parse", file, database);
    const ours = runStep("import", file, database);
    const rate = (m: Measurement) => m.rows / m.seconds;

    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model}), Node ${process.version}`);
    console.log(
      `file: ${rows} rows, ${REE.length + MAJORS.length + 1} content columns; heap cap ${HEAP_CAP_MB} MB`,
    );
    const describe = (m: Measurement) =>
      `${rate(m).toFixed(0)} rows/s in ${m.seconds.toFixed(1)} s, peak RSS ${m.peakRssMb.toFixed(0)} MB ` +
      `(${m.startRssMb.toFixed(0)} MB before reading the file)`;
    console.log(`reference (csv-parse only): ${describe(reference)}`);
    console.log(`import (check, convert, store): ${describe(ours)}`);
    console.log(
      `import / reference: speed ${(rate(ours) / rate(reference)).toFixed(3)}, peak RSS ${(ours.peakRssMb / reference.peakRssMb).toFixed(2)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes a wide table with reproducible pseudo-random contents around typical coal-ash values. */
async function writeTable(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  let state = 12345;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;

    return state / 2147483648;
  };

  const header = [
    "Sample ID",
    "Basin",
    "Plant",
    "Ash type",
    ...MAJORS.map((o) => `${o} (wt%)`),
    "LOI (wt%)",
    ...REE.map((e) => `${e} (ppm)`),
  ];
  out.write(`${header.join(",")}\n`);
  for (let i = 0; i < rows; i += 1) {
    const majors = MAJOR_WT.map((w) => w * (0.9 + 0.2 * random()));
    const loi = Math.max(0.1, 99 - majors.reduce((a, b) => a + b, 0));
    const ree = REE_PPM.map((p) => p * (0.7 + 0.6 * random()));
    const line = [
      `S${i + 1}`,
      "Appalachian",
      `Plant ${i % 50}`,
      i % 3 === 0 ? "bottom ash" : "fly ash",
      ...majors.map((v) => v.toFixed(3)),
      loi.toFixed(2),
      ...ree.map((v) => v.toFixed(2)),
    ];
    if (!out.write(`${line.join(",")}\n`)) {
      await once(out, "drain");
    }
  }

  out.end();
  await once(out, "finish");
}

function runStep(step: string, file: string, database: string): Measurement {
  const script = fileURLToPath(import.meta.url);
  const output = execFileSync(
    process.execPath,
    [
      ...process.execArgv,
      `--max-old-space-size=${HEAP_CAP_MB}`,
      script,
      "--step",
      step,
      "--file",
      file,
      "--database",
      database,
    ],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );

  return JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as Measurement;
}

function report(measurement: Measurement): void {
  console.log(JSON.stringify(measurement));
}

function peakRssMb(): number {
  // maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS / 1024;
}

function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

async function parseOnly(file: string): Promise<Measurement> {
  const startRssMb = rssMb();
  const started = performance.now();
  let rows = 0;
  const parser = createReadStream(file).pipe(
    parse({ bom: true, trim: true, skip_empty_lines: true }),
  );
  for await (const record of parser) {
    rows += (record as string[]).length > 0 ? 1 : 0;
  }

  const seconds = (performance.now() - started) / 1000;

  return { rows: rows - 1, seconds, peakRssMb: peakRssMb(), startRssMb };
}

async function importThroughService(file: string, database: string): Promise<Measurement> {
  const { createLogger, importDataset } = await import("@ree/api");
  const { runAsTenant } = await import("@ree/db");
  const { openBenchDatabase } = await import("../support/benchDatabase.js");
  const pg = (await import("pg")).default;
  const base = new URL(database);
  const url = new URL(base);
  url.pathname = `/ree_bench_import_${process.pid}`;
  const logger = createLogger({ level: "warn", pretty: false });
  const { ownerPrisma, appPrisma, organizationId } = await openBenchDatabase(url.href, logger);
  try {
    const startRssMb = rssMb();
    const started = performance.now();
    const dataset = await runAsTenant({ organizationId }, () =>
      importDataset(appPrisma, organizationId, {
        name: "bench",
        table: { format: "csv", chunks: createReadStream(file) },
        // Contents written with 3 decimals, such as "23.052", need a declared separator.
        options: { decimalSeparator: "." },
      }),
    );

    return {
      rows: dataset.sampleCount,
      seconds: (performance.now() - started) / 1000,
      peakRssMb: peakRssMb(),
      startRssMb,
    };
  } finally {
    await ownerPrisma.$disconnect();
    await appPrisma.$disconnect();
    const client = new pg.Client({ connectionString: base.href });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
    await client.end();
  }
}
