/**
 * Load-tests the GraphQL API from this process against a server in another
 * (serveApi.ts), on loopback, with autocannon:
 *
 * 1. single predictions with the study ensemble at 50 concurrent clients (p50, p99),
 *    against `{ __typename }` at the same concurrency as the server's floor, and against
 *    /health, which skips authentication and GraphQL, as a reference for the machine's load;
 * 2. one 10,000-composition prediction batch, as objects (PredictDocument) and as a list
 *    per target (PredictColumnsDocument), against the same prediction computed in this
 *    process without GraphQL;
 * 3. pages of 500 samples of a 100,000-sample data set: a full walk by cursor,
 *    and 50 clients reading deep pages, with the server's resident memory.
 *
 * Usage: npx turbo run build && npx tsx bench/api-load/loadApi.ts [--seconds 10] [--single-only]
 *   [--profile DIR]
 * --single-only stops after step 1. --profile writes the server's CPU profile (node --cpu-prof)
 * into DIR when it stops.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { createMatrix, type ModelArtifact, predictWithArtifact } from "@ree/core-ml";
import { createPrismaClient } from "@ree/db";
import { PredictColumnsDocument, PredictDocument } from "@ree/schema/documents";
import autocannon from "autocannon";
import { print } from "graphql";

/** Targets of the product: p99 of one prediction at 50 clients, and one 10,000 batch. */
const TARGET_P99_MS = 20;
const TARGET_BATCH_MS = 1000;
const CLIENTS = 50;
/** USER_HZ of Linux on x86 and ARM, the unit of CPU times in /proc/<pid>/stat. */
const CLOCK_TICKS_PER_SECOND = 100;
const BATCH = 10_000;
const PAGE = 500;
/** Concurrent readers of sample pages: a page is 500 rows, so fewer clients than for predictions. */
const PAGE_CLIENTS = 10;

const { values: options } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    "single-only": { type: "boolean", default: false },
    profile: { type: "string" },
  },
});
const seconds = Number(options.seconds);

interface Served {
  url: string;
  modelId: string;
  datasetId: string;
  /** API token of the organisation's owner, sent with every request. */
  token: string;
  pid: number;
}

const STUDY_OXIDES = ["Al2O3", "CaO", "Fe2O3", "MgO", "TiO2", "P2O5"];

/** Returns a composition near the middle of the US ashes, varied by `i` so no two are alike. */
function composition(i: number) {
  const base = [22.1, 4.3, 5.8, 1.6, 0.9, 0.2];

  return {
    label: `c${i}`,
    oxides: STUDY_OXIDES.map((oxide, j) => ({
      oxide,
      molPercent: (base[j] ?? 1) * (1 + ((i * (j + 3)) % 17) / 100),
    })),
  };
}

async function startServer(): Promise<{ served: Served; child: ChildProcess }> {
  const script = fileURLToPath(new URL("./serveApi.ts", import.meta.url));
  const profile = options.profile ? ["--cpu-prof", "--cpu-prof-dir", options.profile] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (line.startsWith("{")) {
      return { served: JSON.parse(line) as Served, child };
    }
  }

  throw new Error("serveApi.ts exited before printing its URL");
}

/**
 * Posts a GraphQL request, once more when the socket was closed: the server
 * closes keep-alive sockets idle for 5 s, and fetch may pick one just then.
 */
async function post(url: string, token: string, body: unknown): Promise<Response> {
  const send = () =>
    fetch(url, {
      method: "POST",
      headers: jsonHeaders(token),
      body: JSON.stringify(body),
    });

  return send().catch(send);
}

/**
 * Runs autocannon for `seconds` with `clients` connections; latencies in ms. The body is sent
 * once first: GraphQL errors, such as a refused token, come with status 200, so autocannon
 * alone would count them as successful responses.
 */
async function cannon({ url, token, pid }: Served, body: unknown, clients = CLIENTS) {
  const check = (await (await post(url, token, body)).json()) as { errors?: unknown };
  if (check.errors) {
    throw new Error(`the load's request failed: ${JSON.stringify(check.errors)}`);
  }

  const cpuBefore = cpuMs(pid);
  const result = await autocannon({
    url,
    method: "POST",
    connections: clients,
    duration: seconds,
    headers: jsonHeaders(token),
    body: JSON.stringify(body),
  });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${result.errors} errors and ${result.non2xx} non-2xx responses from ${url}`);
  }

  return {
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    serverCpuMs: (cpuMs(pid) - cpuBefore) / result.requests.total,
  };
}

/**
 * Returns the CPU time a process has used, user and system, in ms. Per request it varies less
 * than latency with the load of other processes on a shared machine.
 */
function cpuMs(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name, in clock ticks.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);

  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

function jsonHeaders(token: string): Record<string, string> {
  return { "content-type": "application/json", authorization: `Bearer ${token}` };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function residentMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);

  return Number(line?.[1] ?? NaN) / 1024;
}

const samplesQuery = `query Samples($id: ID!, $after: String) {
  dataset(id: $id) { samples(first: ${PAGE}, after: $after) { nodes { label values } pageInfo { endCursor hasNextPage } } }
}`;

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus()[0]?.model ?? "?"}, ${availableParallelism()} cores, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}, Node ${process.version}`,
  );
  const { served, child } = await startServer();
  try {
    await measure(served);
  } finally {
    // Waits for the exit, when the server writes its CPU profile.
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await exited;
  }
}

async function measure(served: Served): Promise<void> {
  const { url, modelId, datasetId, token, pid } = served;
  const predictOne = {
    query: print(PredictDocument),
    variables: { modelId, compositions: [composition(0)] },
  };
  // /health reads no credential and runs no GraphQL, so it measures the machine, not the code.
  const health = await cannon({ ...served, url: url.replace(/\/graphql$/, "/health") }, {});
  const floor = await cannon(served, { query: "{ __typename }" });
  const single = await cannon(served, predictOne);
  console.log(
    `\nsingle prediction, ${CLIENTS} clients, ${seconds} s: p50 ${single.p50} ms, p99 ${single.p99} ms, ${single.perSecond.toFixed(0)} req/s` +
      `\n  floor ({ __typename }): p50 ${floor.p50} ms, p99 ${floor.p99} ms, ${floor.perSecond.toFixed(0)} req/s` +
      `\n  reference (/health, no GraphQL): p50 ${health.p50} ms, p99 ${health.p99} ms, ${health.perSecond.toFixed(0)} req/s` +
      `; p99 / reference p99: single ${(single.p99 / Math.max(1, health.p99)).toFixed(2)}, floor ${(floor.p99 / Math.max(1, health.p99)).toFixed(2)}` +
      `\n  p99 / target ${TARGET_P99_MS} ms: ${(single.p99 / TARGET_P99_MS).toFixed(2)}; p99 / floor p99: ${(single.p99 / Math.max(1, floor.p99)).toFixed(2)}` +
      `; p50 / floor p50: ${(single.p50 / Math.max(1, floor.p50)).toFixed(2)}` +
      `; req/s / floor req/s: ${(single.perSecond / floor.perSecond).toFixed(2)}` +
      `\n  server CPU per request: ${single.serverCpuMs.toFixed(2)} ms, floor ${floor.serverCpuMs.toFixed(2)} ms` +
      `; single / floor: ${(single.serverCpuMs / floor.serverCpuMs).toFixed(2)}`,
  );
  if (options["single-only"]) {
    return;
  }

  const compositions = Array.from({ length: BATCH }, (_, i) => composition(i));
  const batchBody = { query: print(PredictDocument), variables: { modelId, compositions } };
  const batchTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const response = await post(url, token, batchBody);
    const json = (await response.json()) as { errors?: unknown; data?: { predict: unknown[] } };
    if (json.errors || json.data?.predict.length !== BATCH) {
      throw new Error(`batch failed: ${JSON.stringify(json.errors)}`);
    }

    batchTimes.push(performance.now() - started);
  }

  const columnsBody = { ...batchBody, query: print(PredictColumnsDocument) };
  const columnTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const response = await post(url, token, columnsBody);
    const json = (await response.json()) as {
      errors?: unknown;
      data?: { predictColumns: { labels: unknown[] } };
    };
    if (json.errors || json.data?.predictColumns.labels.length !== BATCH) {
      throw new Error(`batch as columns failed: ${JSON.stringify(json.errors)}`);
    }

    columnTimes.push(performance.now() - started);
  }

  const prisma = createPrismaClient(
    process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ree_bench_api",
  );
  const model = await prisma.model.findUniqueOrThrow({ where: { id: modelId } });
  await prisma.$disconnect();
  const artifact = model.artifact as unknown as ModelArtifact;
  const x = createMatrix(BATCH, artifact.features.length);
  compositions.forEach((c, i) =>
    x.data.set(
      artifact.features.map((f) => c.oxides.find((o) => o.oxide === f)?.molPercent ?? 0),
      i * artifact.features.length,
    ),
  );
  const computeTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    predictWithArtifact(artifact, x);
    computeTimes.push(performance.now() - started);
  }

  const batchMs = median(batchTimes);
  const computeMs = median(computeTimes);
  console.log(
    `\n${BATCH}-composition batch over GraphQL: median ${batchMs.toFixed(0)} ms of 5 (${batchTimes.map((t) => t.toFixed(0)).join(", ")})` +
      `\n  the same prediction in this process: median ${computeMs.toFixed(0)} ms` +
      `\n  batch / target ${TARGET_BATCH_MS} ms: ${(batchMs / TARGET_BATCH_MS).toFixed(2)}; batch / in-process: ${(batchMs / computeMs).toFixed(2)}`,
  );
  const columnsMs = median(columnTimes);
  console.log(
    `${BATCH}-composition batch as columns (predictColumns): median ${columnsMs.toFixed(0)} ms of 5 (${columnTimes.map((t) => t.toFixed(0)).join(", ")})` +
      `\n  columns / target ${TARGET_BATCH_MS} ms: ${(columnsMs / TARGET_BATCH_MS).toFixed(2)}; columns / in-process: ${(columnsMs / computeMs).toFixed(2)}`,
  );

  const rssBefore = residentMiB(pid);
  const walkStarted = performance.now();
  let after: string | null = null;
  let pages = 0;
  let rows = 0;
  for (;;) {
    const response = await post(url, token, {
      query: samplesQuery,
      variables: { id: datasetId, after },
    });
    const json = (await response.json()) as {
      data?: {
        dataset: {
          samples: {
            nodes: unknown[];
            pageInfo: { endCursor: string | null; hasNextPage: boolean };
          };
        };
      };
    };
    if (!json.data) {
      throw new Error(`page ${pages + 1} failed: ${JSON.stringify(json)}`);
    }

    const { nodes, pageInfo } = json.data.dataset.samples;
    pages++;
    rows += nodes.length;
    if (!pageInfo.hasNextPage) {
      break;
    }

    after = pageInfo.endCursor;
  }

  const walkMs = performance.now() - walkStarted;
  console.log(
    `\n${rows} samples read in ${pages} pages of ${PAGE}: ${walkMs.toFixed(0)} ms, ${(walkMs / pages).toFixed(1)} ms per page` +
      `\n  server resident memory: ${rssBefore.toFixed(0)} MiB before the walk, ${residentMiB(pid).toFixed(0)} MiB after`,
  );

  const deepCursor = Buffer.from(`position:${99_000}`).toString("base64url");
  const deep = await cannon(
    served,
    {
      query: samplesQuery,
      variables: { id: datasetId, after: deepCursor },
    },
    PAGE_CLIENTS,
  );
  const first = await cannon(
    served,
    {
      query: samplesQuery,
      variables: { id: datasetId, after: null },
    },
    PAGE_CLIENTS,
  );
  console.log(
    `  ${PAGE_CLIENTS} clients on page 1: p50 ${first.p50} ms, p99 ${first.p99} ms, ${first.perSecond.toFixed(0)} pages/s` +
      `\n  ${PAGE_CLIENTS} clients on the page after row 99,000: p50 ${deep.p50} ms, p99 ${deep.p99} ms, ${deep.perSecond.toFixed(0)} pages/s` +
      `\n  deep p50 / first-page p50: ${(deep.p50 / Math.max(1, first.p50)).toFixed(2)}`,
  );
}

await main();
