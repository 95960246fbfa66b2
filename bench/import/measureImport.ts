/**
 * Measures the import of a large lab table. It writes a CSV of --rows samples: 10 major
 * oxides in wt%, LOI, 16 REE in ppm and 3 metadata columns. Then it runs three steps, each in
 * its own process so that peak RSS is its own:
 * - the reference parses the file with csv-parse only;
 * - the service import reads, checks, converts and stores it through the API's importDataset
 *   service, as the application role, in a new database on the local PostgreSQL server;
 * - the HTTP import starts the API server in a child process, sends the file to POST /uploads
 *   and imports it with the importDataset mutation by upload id, as a client would. The peak
 *   RSS is the server's from the upload on, read from /proc (Linux only).
 * Every process runs with a V8 heap capped at HEAP_CAP_MB, so an import whose memory grew
 * with the file would fail. It prints rows per second, peak RSS and the RSS before the file
 * is read, and the ratios of each import to the reference.
 *
 * Usage: npx tsx bench/import/measureImport.ts [--rows 100000]
 *   [--database postgresql://postgres@127.0.0.1:5432/postgres]
 * Build @ree/core-ml, @ree/db and @ree/api first: `npx turbo run build --filter=@ree/api`.
 */
import { execFileSync, spawn } from "node:child_process";
import {
  createReadStream,
  mkdtempSync,
  openAsBlob,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { once } from "node:events";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { parse } from "csv-parse";

import { LAB_MAJORS, LAB_REE, writeLabTable } from "../../tests/support/labTable.js";

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
} else if (args.step === "serve") {
  await serveApi(args.database);
} else {
  await main(Number(args.rows), args.database);
}

async function main(rows: number, database: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "ree-import-bench-"));
  const file = join(dir, "lab_table.csv");
  try {
    await writeLabTable(file, rows);
    const reference = runStep("parse", file, database);
    const service = runStep("import", file, database);
    const http = await importOverHttp(file, database, join(dir, "uploads"));
    const rate = (m: Measurement) => m.rows / m.seconds;

    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model}), Node ${process.version}`);
    console.log(
      `file: ${rows} rows, ${LAB_REE.length + LAB_MAJORS.length + 1} content columns; heap cap ${HEAP_CAP_MB} MB`,
    );
    const describe = (m: Measurement) =>
      `${rate(m).toFixed(0)} rows/s in ${m.seconds.toFixed(1)} s, peak RSS ${m.peakRssMb.toFixed(0)} MB ` +
      `(${m.startRssMb.toFixed(0)} MB before reading the file)`;
    const compare = (m: Measurement) =>
      `speed ${(rate(m) / rate(reference)).toFixed(3)}, peak RSS ${(m.peakRssMb / reference.peakRssMb).toFixed(2)}`;
    console.log(`reference (csv-parse only): ${describe(reference)}`);
    console.log(`service import (check, convert, COPY): ${describe(service)}`);
    console.log(`HTTP import (upload, importDataset by upload id; server RSS): ${describe(http)}`);
    console.log(`service import / reference: ${compare(service)}`);
    console.log(`HTTP import / reference: ${compare(http)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
  const { openBenchDatabase, scratchDatabase } = await import("../support/benchDatabase.js");
  const scratch = scratchDatabase(database, "ree_bench_import");
  const logger = createLogger({ level: "warn", pretty: false });
  const { ownerPrisma, appPrisma, organizationId } = await openBenchDatabase(scratch.url, logger);
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
    await scratch.drop();
  }
}

/**
 * Starts the serve step, uploads the file and imports it by upload id over HTTP. The time
 * runs from the start of the upload to the mutation's response. RSS figures are the server's.
 */
async function importOverHttp(
  file: string,
  database: string,
  uploadDir: string,
): Promise<Measurement> {
  const script = fileURLToPath(import.meta.url);
  const server = spawn(
    process.execPath,
    [
      ...process.execArgv,
      `--max-old-space-size=${HEAP_CAP_MB}`,
      script,
      "--step",
      "serve",
      "--database",
      database,
    ],
    { env: { ...process.env, REE_UPLOAD_DIR: uploadDir }, stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    const [line] = (await once(createInterface({ input: server.stdout }), "line")) as [string];
    const { url, token } = JSON.parse(line) as { url: string; token: string };
    const pid = server.pid ?? 0;
    // Resets the peak to the current RSS, so that the peak leaves out the server's start-up.
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    const startRssMb = procStatusMb(pid, "VmRSS");
    const started = performance.now();
    const uploadId = await upload(new URL("/uploads?name=lab_table.csv", url), token, file);
    const rows = await importUpload(url, token, uploadId);

    return {
      rows,
      seconds: (performance.now() - started) / 1000,
      peakRssMb: procStatusMb(pid, "VmHWM"),
      startRssMb,
    };
  } finally {
    server.kill("SIGTERM");
    await once(server, "exit");
  }
}

async function upload(url: URL, token: string, file: string): Promise<string> {
  const response = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: await openAsBlob(file),
  });
  const body = (await response.json()) as { id?: string; error?: string };
  if (response.status !== 201 || body.id === undefined) {
    throw new Error(`upload failed with HTTP ${response.status}: ${body.error}`);
  }

  return body.id;
}

async function importUpload(url: string, token: string, uploadId: string): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      query:
        "mutation Import($input: ImportDatasetInput!) { importDataset(input: $input) { sampleCount } }",
      // Contents written with 3 decimals, such as "23.052", need a declared separator.
      variables: { input: { name: "bench", uploadId, options: { decimalSeparator: "." } } },
    }),
  });
  const body = (await response.json()) as {
    data?: { importDataset: { sampleCount: number } };
    errors?: unknown[];
  };
  if (!body.data) {
    throw new Error(`importDataset failed: ${JSON.stringify(body.errors)}`);
  }

  return body.data.importDataset.sampleCount;
}

/** Reads a memory figure of a process from /proc/<pid>/status, in MB. */
function procStatusMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(status)?.[1];
  if (kilobytes === undefined) {
    throw new Error(`/proc/${pid}/status has no ${field} line`);
  }

  return Number(kilobytes) / 1024;
}

/**
 * Serves the API on a new database as the application role, as a deployment does. Prints one
 * JSON line with the GraphQL URL and an owner's API token, then serves until SIGTERM and drops
 * the database.
 */
async function serveApi(database: string): Promise<void> {
  const { createLogger, createServer } = await import("@ree/api");
  const { createOwnerToken, openBenchDatabase, scratchDatabase } =
    await import("../support/benchDatabase.js");
  const scratch = scratchDatabase(database, "ree_bench_import_http");
  const logger = createLogger({ level: "warn", pretty: false });
  const { ownerPrisma, appPrisma, organizationId } = await openBenchDatabase(scratch.url, logger);
  const token = await createOwnerToken(ownerPrisma, organizationId);
  await ownerPrisma.$disconnect();
  const server = await createServer({ prisma: appPrisma, logger, debug: false });
  console.log(JSON.stringify({ url: await server.listen(0), token }));

  await once(process, "SIGTERM");
  await server.stop();
  await appPrisma.$disconnect();
  await scratch.drop();
}
