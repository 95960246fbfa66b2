import { createNetworkEngine, runSelection } from "@ree/core-ml";
import { CancelRunDocument, RunJobsDocument } from "@ree/schema/documents";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { graphqlData } from "../support/graphqlRequest.js";
import { pollUntil } from "../support/poll.js";
import { readRunData } from "../support/runData.js";
import { importUsDemo, startSmallRun, waitForRun } from "../support/runs.js";
import { setEnv } from "../support/env.js";
import { createWorkerPool, type WorkerProcess } from "../support/spawnWorker.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";

const FEATURES = ["Al2O3_mol_pct", "CaO_mol_pct", "Fe2O3_mol_pct"];

/** Four repetitions of about 1 s each on one core (measured in process), one job each. */
const ELIMINATION = {
  task: "FEATURE_ELIMINATION" as const,
  features: FEATURES,
  seed: 7,
  selection: { repetitions: 4 },
  network: { epochs: 15_000 },
};

/** Four cells of about 0.9 s each on one core (measured in process), one job each. */
const GRID_SEARCH = {
  task: "GRID_SEARCH" as const,
  features: FEATURES,
  seed: 7,
  selection: {
    repetitions: 2,
    grid: {
      hiddenUnits: [
        [4, 2],
        [8, 4],
      ],
      learningRate: [1e-1, 1e-2],
      weightDecay: [1e-3],
    },
  },
  network: { epochs: 150_000 },
};

const PART_SIZES = { REE_REPETITIONS_PER_JOB: "1", REE_GRID_CELLS_PER_JOB: "1" };
const WORKER_ENV = { REE_HEARTBEAT_MS: "500", ...PART_SIZES };

let stack: TestStack;
let datasetId: string;
let restoreEnv: (() => void) | undefined;
const workers = createWorkerPool(WORKER_ENV);

beforeAll(async () => {
  // The API splits runs into parts when they start, so it reads the part sizes too.
  restoreEnv = setEnv(PART_SIZES);
  stack = await startTestStack({ worker: false });
  datasetId = await importUsDemo(stack.apiUrl);
});

afterEach(() => workers.stopAll());

afterAll(async () => {
  await stack?.stop();
  restoreEnv?.();
});

function startWorkerProcess(): WorkerProcess {
  return workers.start(stack.databaseUrl);
}

async function readEvents(id: string) {
  const { run } = await graphqlData(stack.apiUrl, RunJobsDocument, { id });

  return run?.events ?? [];
}

/** Polls until a part of the run is DONE, another RUNNING, and the progress counts the first. */
async function untilOnePartDone(id: string) {
  await pollUntil(
    async () => {
      const parts = await stack.prisma.runPart.findMany({ where: { runId: id } });
      const run = await stack.prisma.run.findUniqueOrThrow({ where: { id } });

      return {
        done: parts.filter((part) => part.status === "DONE").length,
        running: parts.filter((part) => part.status === "RUNNING").length,
        fraction: (run.progress as { fraction: number }).fraction,
      };
    },
    ({ done, running, fraction }) =>
      done >= 1 && running >= 1 && fraction >= 1 / ELIMINATION.selection.repetitions,
    "a selection unit finished and the next one started",
  );
}

/** Runs `config` on `count` new worker processes and stops them once it ends. */
async function runOnWorkers(count: number, config: typeof ELIMINATION | typeof GRID_SEARCH) {
  const runWorkers = createWorkerPool(WORKER_ENV);
  for (let i = 0; i < count; i++) {
    runWorkers.start(stack.databaseUrl);
  }

  try {
    const id = await startSmallRun(stack.apiUrl, datasetId, config);
    const finished = await waitForRun(stack.apiUrl, id);
    const { run } = await graphqlData(stack.apiUrl, RunJobsDocument, { id });
    const finishers = (run?.events ?? [])
      .filter((event) => event.kind === "PART_FINISHED")
      .map((event) => event.message.replace(/^.* finished on /, ""));
    const stored = await stack.prisma.run.findUniqueOrThrow({ where: { id } });

    return {
      id,
      status: finished.status,
      completion: run?.completion,
      parts: await stack.prisma.runPart.count({ where: { runId: id } }),
      finishers,
      results: stored.results as Record<string, unknown>,
    };
  } finally {
    await runWorkers.stopAll();
  }
}

/** Runs the run's selection task in this process, all units at once, as stored JSON. */
async function inProcessResults(id: string): Promise<unknown> {
  const { config, data } = await readRunData(stack.prisma, id);
  const engine = await createNetworkEngine(process.env.REE_TRAINING_ENGINE);

  return JSON.parse(JSON.stringify(await runSelection(data, config, { engine }))) as unknown;
}

describe.each([
  ["a feature elimination", ELIMINATION, "featureElimination"],
  ["a grid search", GRID_SEARCH, "gridSearch"],
] as const)("%s on two workers", (_, config, key) => {
  it("stores the one-worker and in-process result", async () => {
    const single = await runOnWorkers(1, config);
    const shared = await runOnWorkers(2, config);
    const inProcess = (await inProcessResults(shared.id)) as Record<string, unknown>;

    expect(single.status).toBe("SUCCEEDED");
    expect(shared.status).toBe("SUCCEEDED");
    expect(shared.parts).toBe(4);
    expect(shared.completion).toEqual({
      finished: 4,
      total: 4,
      unit: key === "gridSearch" ? "grid cells" : "repetitions",
    });
    expect(shared.finishers).toHaveLength(4);
    expect(new Set(shared.finishers).size).toBe(2);
    expect(shared.results[key]).toEqual(single.results[key]);
    expect(shared.results[key]).toEqual(inProcess[key]);
  });
});

describe("a feature elimination whose worker is killed with SIGKILL", () => {
  it("finishes on other workers with the in-process result", async () => {
    const doomed = startWorkerProcess();
    const id = await startSmallRun(stack.apiUrl, datasetId, ELIMINATION);
    await untilOnePartDone(id);
    await doomed.kill();

    startWorkerProcess();
    startWorkerProcess();
    const finished = await waitForRun(stack.apiUrl, id);
    const events = await readEvents(id);
    const stored = await stack.prisma.run.findUniqueOrThrow({ where: { id } });
    const inProcess = (await inProcessResults(id)) as Record<string, unknown>;

    expect(finished.status).toBe("SUCCEEDED");
    expect(events.some((e) => e.kind === "WORKER_LOST")).toBe(true);
    expect(events.some((e) => e.kind === "PART_STARTED" && e.message.endsWith("(attempt 2)"))).toBe(
      true,
    );
    expect(events.filter((e) => e.kind === "PART_FINISHED")).toHaveLength(4);
    expect((stored.results as Record<string, unknown>).featureElimination).toEqual(
      inProcess.featureElimination,
    );
  });
});

describe("a grid search whose worker is killed while it merges the results", () => {
  it("is merged once by one of the other workers", async () => {
    // The pause keeps the doomed worker between the merge, with the best cell's retraining,
    // and the store; the kill lands inside it.
    const doomed = workers.start(stack.databaseUrl, { REE_TEST_FINISH_PAUSE_MS: "60000" });
    const id = await startSmallRun(stack.apiUrl, datasetId, GRID_SEARCH);
    await pollUntil(
      () => stack.prisma.runPart.findMany({ where: { runId: id } }),
      (parts) => parts.length > 0 && parts.every((part) => part.status === "DONE"),
      "every cell stored",
    );
    await doomed.kill();
    const atKill = await stack.prisma.run.findUniqueOrThrow({ where: { id } });

    startWorkerProcess();
    startWorkerProcess();
    const finished = await waitForRun(stack.apiUrl, id);
    const events = await readEvents(id);
    const retried = events.filter((event) => event.kind === "MERGE_RETRIED");
    const stored = await stack.prisma.run.findUniqueOrThrow({ where: { id } });
    const inProcess = (await inProcessResults(id)) as Record<string, unknown>;

    expect(atKill.status).toBe("RUNNING");
    expect(finished.status).toBe("SUCCEEDED");
    expect(retried).toHaveLength(1);
    expect(retried[0]?.message).toMatch(
      /^\S+ stopped while merging the results of the parts; merging again on \S+:\d+$/,
    );
    expect(events.filter((event) => event.kind === "SUCCEEDED")).toHaveLength(1);
    expect(events.filter((event) => event.kind === "PART_FINISHED")).toHaveLength(4);
    expect((stored.results as Record<string, unknown>).gridSearch).toEqual(inProcess.gridSearch);
  });
});

describe("cancelling a feature elimination", () => {
  it("stops its worker and keeps the finished units", async () => {
    startWorkerProcess();
    const id = await startSmallRun(stack.apiUrl, datasetId, ELIMINATION);
    await untilOnePartDone(id);

    const { cancelRun } = await graphqlData(stack.apiUrl, CancelRunDocument, { id });
    const events = await pollUntil(
      () => readEvents(id),
      (list) => list.some((event) => event.kind === "PART_STOPPED"),
      "the worker stopped",
      10_000,
    );
    const stored = await stack.prisma.run.findUniqueOrThrow({ where: { id } });
    const doneParts = await stack.prisma.runPart.count({ where: { runId: id, status: "DONE" } });
    const { run } = await graphqlData(stack.apiUrl, RunJobsDocument, { id });

    expect(cancelRun.status).toBe("CANCELLED");
    // One unit per part, and the evaluation repetitions stay uncounted.
    expect(run?.completion).toEqual({ finished: doneParts, total: 4, unit: "repetitions" });
    expect(doneParts).toBeGreaterThanOrEqual(1);
    expect(run?.finishedRepetitions).toBe(0);
    expect(events.find((e) => e.kind === "PART_STOPPED")?.message).toMatch(
      /^selection unit \d stopped on .*: the run is CANCELLED/,
    );
    expect(events.find((e) => e.kind === "CANCELLED")?.message).toMatch(
      /cancelled by request; [1-3] of 4 selection units had finished/,
    );
    expect(stored.results).toBeNull();
  });
});
