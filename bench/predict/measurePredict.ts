/**
 * Measures GraphQL prediction against the target of a batch of 10,000
 * compositions returned in under a second. It starts the API in a child
 * process (startBenchApi.ts, NODE_ENV=production) on a new database of a local
 * PostgreSQL server with the study's 30-member ensemble stored, and times over
 * HTTP, from request to parsed response:
 *
 * - the batch in one `predict` mutation, selecting what a screening station
 *   reads: the total with its spread, the screening class and the warnings;
 * - the same batch selecting every one of the 17 targets as well (the
 *   dashboard's PredictDocument);
 * - the same numbers as a list per target (`predictColumns`, the dashboard's
 *   PredictColumnsDocument for files);
 * - a single composition, one request at a time.
 *
 * The reference, measured in this process in the same run, is
 * predictWithArtifact on the same rows: the arithmetic alone, without GraphQL,
 * JSON or domain checks. The compositions are the 22 bundled ashes (10 US, 12
 * Polish) with each oxide scaled by a random factor from 0.8 to 1.2, so that
 * some fall outside the training domain and carry warnings.
 *
 * Usage: npx tsx bench/predict/measurePredict.ts [--repeats 5] [--singles 200]
 * The server is BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres);
 * the API creates and drops its own database there.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import {
  createMatrix,
  createRandom,
  importTorchEnsemble,
  parseTable,
  predictWithArtifact,
} from "@ree/core-ml";
import {
  PredictColumnsDocument,
  PredictDocument,
  type PredictVariables,
} from "@ree/schema/documents";
import { print } from "graphql";

const BATCH_SIZE = 10_000;
const TARGET_MS = 1000;
const OXIDES = ["Al2O3", "CaO", "Fe2O3", "MgO", "TiO2", "P2O5"];
const DATA_FILES = [
  "data/song2024_doe_demo10pct_molar.csv",
  "data/song2024_franus2015_polish_molar.csv",
];
const ENSEMBLE_FILE = "data/pretrained/study_ensemble_30.json";

/** The batch as a screening station requests it: the total, the class and the warnings. */
const SCREENING_QUERY = `
  mutation Screen($modelId: ID!, $compositions: [CompositionInput!]!) {
    predict(modelId: $modelId, compositions: $compositions) {
      label
      total { value sd p5 p95 }
      screening { high shareAbove }
      warnings { kind message }
    }
  }
`;

type Composition = PredictVariables["compositions"][number];

/** The line that startBenchApi.ts prints once it serves. */
interface BenchApi {
  apiUrl: string;
  modelId: string;
  /** API token of the organisation's owner, sent with every request. */
  token: string;
}

const { values: args } = parseArgs({
  options: {
    repeats: { type: "string", default: "5" },
    singles: { type: "string", default: "200" },
  },
});
const repeats = Number(args.repeats);
const singles = Number(args.singles);

const api = spawn(
  process.execPath,
  ["--import", "tsx", fileURLToPath(new URL("startBenchApi.ts", import.meta.url))],
  { env: { ...process.env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "inherit"] },
);

try {
  const { apiUrl, modelId, token } = await readStartLine();
  const artifact = importTorchEnsemble(JSON.parse(readFileSync(ENSEMBLE_FILE, "utf8")));
  const batch = drawCompositions(BATCH_SIZE);
  const post = (query: string, compositions: Composition[]) =>
    postPredict(apiUrl, token, query, { modelId, compositions });

  // The first request loads the model into the server's cache and warms its code.
  await post(SCREENING_QUERY, batch);
  const reference = timeRepeats(repeats, () => predictWithArtifact(artifact, toMatrix(batch)));
  let warned = 0;
  const screeningTimes = await timeRepeatsAsync(repeats, async () => {
    const { predict: predictions = [] } = await post(SCREENING_QUERY, batch);
    warned = predictions.filter((prediction) => prediction.warnings.length > 0).length;
  });
  const fullTimes = await timeRepeatsAsync(repeats, () => post(print(PredictDocument), batch));
  const columnTimes = await timeRepeatsAsync(repeats, () =>
    post(print(PredictColumnsDocument), batch),
  );
  const singleTimes = await timeRepeatsAsync(singles, () =>
    post(SCREENING_QUERY, batch.slice(0, 1)),
  );

  const referenceMedian = median(reference);
  const report = (name: string, times: number[]) => {
    const middle = median(times);
    console.log(`${name}: ${format(times)} ms, median ${middle.toFixed(0)} ms`);
    console.log(
      `  target ${TARGET_MS} ms / median: ${(TARGET_MS / middle).toFixed(2)} (1 or more meets it); ` +
        `median / reference: ${(middle / referenceMedian).toFixed(2)}`,
    );
  };

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(`machine: ${cpus().length} CPUs (${cpu}), Node ${process.version}`);
  console.log(
    `load average at the end: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(" ")}`,
  );
  console.log(`model: study ensemble, ${artifact.members.length} members`);
  console.log(
    `reference, predictWithArtifact in process on the same ${BATCH_SIZE} rows: ` +
      `${format(reference)} ms, median ${referenceMedian.toFixed(0)} ms`,
  );
  report(`batch of ${BATCH_SIZE}, total + class + warnings`, screeningTimes);
  console.log(`  compositions with domain warnings: ${warned} of ${BATCH_SIZE}`);
  report(`batch of ${BATCH_SIZE}, every target (PredictDocument)`, fullTimes);
  report(`batch of ${BATCH_SIZE}, every target as columns (PredictColumnsDocument)`, columnTimes);
  console.log(
    `single composition, ${singles} requests one after another: ` +
      `median ${median(singleTimes).toFixed(1)} ms, p99 ${percentile(singleTimes, 99).toFixed(1)} ms`,
  );
} finally {
  // The API drops its database on SIGTERM; wait for it, or the database is left behind.
  const exited = once(api, "exit");
  api.kill("SIGTERM");
  await exited;
}

/** Waits for startBenchApi.ts to print its URL, model and API token. */
async function readStartLine(): Promise<BenchApi> {
  const lines = createInterface({ input: api.stdout });
  for await (const line of lines) {
    if (line.startsWith("{")) {
      return JSON.parse(line) as BenchApi;
    }
  }

  throw new Error("the bench API exited before printing its URL; see its output above");
}

function drawCompositions(count: number): Composition[] {
  const ashes = DATA_FILES.flatMap((file) => {
    const table = parseTable(readFileSync(file, "utf8"));
    const column = (oxide: string) => table.columns.findIndex((c) => c.name === `${oxide}_mol_pct`);

    return table.labels.map((_, i) =>
      OXIDES.map((oxide) => table.values.data[i * table.values.columns + column(oxide)] ?? NaN),
    );
  });
  const random = createRandom(1);

  return Array.from({ length: count }, (_, i) => {
    const ash = ashes[i % ashes.length] ?? [];

    return {
      label: `ash ${i + 1}`,
      oxides: OXIDES.map((oxide, j) => ({
        oxide,
        molPercent: Math.min(100, (ash[j] ?? 0) * (0.8 + 0.4 * random.next())),
      })),
    };
  });
}

function toMatrix(compositions: Composition[]) {
  const x = createMatrix(compositions.length, OXIDES.length);
  compositions.forEach(({ oxides }, i) => {
    oxides.forEach(({ molPercent }, j) => {
      x.data[i * OXIDES.length + j] = molPercent;
    });
  });

  return x;
}

async function postPredict(
  apiUrl: string,
  token: string,
  query: string,
  variables: { modelId: string; compositions: Composition[] },
) {
  const response = await fetch(apiUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: { predict?: { warnings: unknown[] }[]; predictColumns?: unknown };
    errors?: { message: string }[];
  };
  if (!body.data) {
    throw new Error(`predict failed: ${body.errors?.[0]?.message ?? response.status}`);
  }

  return body.data;
}

function timeRepeats(count: number, run: () => unknown): number[] {
  return Array.from({ length: count }, () => {
    const started = performance.now();
    run();

    return performance.now() - started;
  });
}

async function timeRepeatsAsync(count: number, run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }

  return times;
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = ((sorted.length - 1) * p) / 100;
  const low = sorted[Math.floor(position)] ?? NaN;
  const high = sorted[Math.ceil(position)] ?? NaN;

  return low + (high - low) * (position - Math.floor(position));
}

function format(times: number[]): string {
  return times.map((time) => time.toFixed(0)).join(", ");
}
