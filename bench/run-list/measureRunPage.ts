/**
 * Times pages of the `runs` connection at 1,000 runs against the list it replaced, which read
 * every run of the organisation in one query (Prisma findMany without results, newest first).
 *
 * The script creates its own database on the local PostgreSQL server, migrates it, inserts
 * 1,000 runs whose results are the size of a 30-repetition run on the ten US samples, and
 * serves the API on a loopback port. The API connects as the application role, under row-level
 * security, and each request sends an API token of the organisation's owner. It then times,
 * over HTTP:
 *
 * - the first page of 100, newest first (what the runs page loads first);
 * - the fifth page: the 100 runs after the 400th of the 500 that are SUCCEEDED or FAILED,
 *   sorted by test R2 (a deep keyset page on a computed sort key);
 *
 * and, in the same process, the reference: all 1,000 runs over HTTP with the same fields, in
 * two pages of 500 (what a list without virtualisation would load), plus the database read alone
 * that the list used before (findMany of every run, as the application role). Each figure is the median of `--repeats`
 * calls after one warm-up call, and is printed with its ratio to the reference. The database is
 * dropped at the end.
 *
 * Usage: npx tsx bench/run-list/measureRunPage.ts [--repeats 15]
 *   [--server postgresql://postgres@127.0.0.1:5432/postgres]
 */
import { randomUUID } from "node:crypto";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

import { createLogger, createServer } from "@ree/api";
import { type Prisma, runAsTenant } from "@ree/db";

import { createOwnerToken, openBenchDatabase, scratchDatabase } from "../support/benchDatabase.js";

const RUNS = 1000;
const PAGE = 100;
/** A 30-repetition evaluation of 10 samples with 2 model kinds stores 600 prediction rows. */
const PREDICTIONS_PER_RUN = 600;
const TARGETS = 17;

const { values: options } = parseArgs({
  options: {
    repeats: { type: "string", default: "15" },
    server: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
  },
});
const repeats = Number(options.repeats);
const database = scratchDatabase(options.server, "ree_bench_runs");

const logger = createLogger({ level: "warn", pretty: false });
const { ownerPrisma, appPrisma, organizationId } = await openBenchDatabase(database.url, logger);

try {
  await runAsTenant({ organizationId }, seed);
  const token = await createOwnerToken(ownerPrisma, organizationId);
  const server = await createServer({ prisma: appPrisma, logger });
  const apiUrl = await server.listen(0);
  const query = (variables: Record<string, unknown>) => queryRuns(apiUrl, token, variables);

  try {
    const everyRun = await median(async () => {
      const first = (await query({ first: RUNS / 2 })) as {
        runs: { pageInfo: { endCursor: string } };
      };
      await query({ first: RUNS / 2, after: first.runs.pageInfo.endCursor });
    });
    const findMany = await median(() =>
      runAsTenant({ organizationId }, () =>
        appPrisma.run.findMany({
          where: { organizationId },
          orderBy: { createdAt: "desc" },
          omit: { results: true },
        }),
      ),
    );
    const firstPage = await median(() => query({ first: PAGE }));
    const cursor = await cursorAfter(query, 400);
    const deepPage = await median(() =>
      query({
        first: PAGE,
        after: cursor,
        orderBy: { field: "TEST_R2_TOTAL", descending: true },
        filter: { statuses: ["SUCCEEDED", "FAILED"] },
      }),
    );

    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model}), Node ${process.version}`);
    console.log(`runs: ${RUNS}, page: ${PAGE}, median of ${repeats} calls after 1 warm-up`);
    console.log(`reference, all runs (HTTP, 2 x 500): ${everyRun.toFixed(1)} ms`);
    console.log(
      `findMany of all runs (database only): ${findMany.toFixed(1)} ms, ` +
        `${(findMany / everyRun).toFixed(2)} x reference`,
    );
    console.log(
      `first page, newest first (HTTP):     ${firstPage.toFixed(1)} ms, ` +
        `${(firstPage / everyRun).toFixed(2)} x reference`,
    );
    console.log(
      `fifth page, by R2, filtered (HTTP):  ${deepPage.toFixed(1)} ms, ` +
        `${(deepPage / everyRun).toFixed(2)} x reference`,
    );
  } finally {
    await server.stop();
  }
} finally {
  await ownerPrisma.$disconnect();
  await appPrisma.$disconnect();
  await database.drop();
}

/** Inserts the runs on one version of one data set, with results JSON of a realistic size. */
async function seed(): Promise<void> {
  const dataset = await ownerPrisma.dataset.create({
    data: { organizationId, name: "bench", columns: [], sampleCount: 10 },
  });
  const version = await ownerPrisma.datasetVersion.create({
    data: { organizationId, datasetId: dataset.id, number: 1, columns: [], sampleCount: 10 },
  });
  await ownerPrisma.dataset.update({
    where: { id: dataset.id },
    data: { latestVersionId: version.id },
  });
  const results = {
    labels: Array.from({ length: 10 }, (_, i) => String(i)),
    measured: Array.from({ length: 10 }, () => Array.from({ length: TARGETS }, () => 100)),
    models: ["LINEAR", "MULTI_TASK"].map((kind) => ({
      kind,
      modelId: null,
      secondsPerTraining: 1,
      metrics: [],
      predictions: Array.from({ length: PREDICTIONS_PER_RUN / 2 }, (_, i) => ({
        sample: i % 10,
        repetition: Math.floor(i / 10) + 1,
        split: i % 5 === 0 ? "TEST" : "TRAIN",
        values: Array.from({ length: TARGETS }, (_, j) => 100 + i + j),
      })),
    })),
  };
  const states = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED"] as const;
  const rows: Prisma.RunCreateManyInput[] = Array.from({ length: RUNS }, (_, i) => ({
    id: randomUUID(),
    organizationId,
    datasetId: dataset.id,
    datasetVersionId: version.id,
    name: `run ${i}`,
    status: states[i % 4]!,
    config: { task: "EVALUATION" },
    // Runs without results leave the column out, which stores SQL NULL.
    ...(i % 4 === 2 ? { results } : {}),
    testR2Total: i % 4 === 2 ? (i % 97) / 100 : null,
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
  }));
  for (let start = 0; start < rows.length; start += 100) {
    await ownerPrisma.run.createMany({ data: rows.slice(start, start + 100) });
  }
}

async function queryRuns(
  apiUrl: string,
  token: string,
  variables: Record<string, unknown>,
): Promise<unknown> {
  const response = await fetch(apiUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `query Runs($first: Int, $after: String, $orderBy: RunOrder, $filter: RunFilter) {
        runs(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
          edges { cursor node { id name status createdAt testR2Total dataset { id name } } }
          pageInfo { endCursor hasNextPage }
          totalCount
        }
      }`,
      variables,
    }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (body.errors) {
    throw new Error(`runs query failed: ${JSON.stringify(body.errors)}`);
  }

  return body.data;
}

/** Returns the cursor after the `count`th run in the deep page's order and filter. */
async function cursorAfter(
  query: (variables: Record<string, unknown>) => Promise<unknown>,
  count: number,
): Promise<string> {
  const data = (await query({
    first: count,
    orderBy: { field: "TEST_R2_TOTAL", descending: true },
    filter: { statuses: ["SUCCEEDED", "FAILED"] },
  })) as { runs: { pageInfo: { endCursor: string } } };

  return data.runs.pageInfo.endCursor;
}

async function median(call: () => Promise<unknown>): Promise<number> {
  await call();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }

  times.sort((a, b) => a - b);

  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}
