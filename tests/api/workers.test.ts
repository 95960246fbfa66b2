import { createNetworkEngine, evaluateRepeated } from "@ree/core-ml";
import { RunJobsDocument } from "@ree/schema/documents";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { graphqlData } from "../support/graphqlRequest.js";
import { pollUntil } from "../support/poll.js";
import { readRunData } from "../support/runData.js";
import { importUsDemo, startSmallRun, waitForRun } from "../support/runs.js";
import { setEnv } from "../support/env.js";
import { createWorkerPool, type WorkerProcess } from "../support/spawnWorker.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";

/** Four repetitions of about a second each on one core, one job per repetition. */
const CONFIG = {
  repetitions: 4,
  seed: 7,
  models: ["LINEAR" as const, "SINGLE_TASK" as const],
  network: { epochs: 6000 },
};
const WORKER_ENV = { REE_HEARTBEAT_MS: "500", REE_REPETITIONS_PER_JOB: "1" };

let stack: TestStack;
let datasetId: string;
let restoreEnv: (() => void) | undefined;
const workers = createWorkerPool(WORKER_ENV);

beforeAll(async () => {
  restoreEnv = setEnv({ REE_REPETITIONS_PER_JOB: "1" });
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

async function readJobs(id: string) {
  const { run } = await graphqlData(stack.apiUrl, RunJobsDocument, { id });
  if (!run) {
    throw new Error(`run ${id} not found`);
  }

  return run;
}

/** Reads the stored results without timings, which differ from run to run. */
async function storedResults(id: string) {
  const run = await stack.prisma.run.findUniqueOrThrow({ where: { id } });
  const results = run.results as { models: { secondsPerTraining?: number; modelId?: string }[] };

  return results.models.map(({ secondsPerTraining: _s, modelId: _m, ...rest }) => rest);
}

/** Evaluates the run's config in this process, all repetitions at once, as stored JSON. */
async function uninterruptedResults(id: string) {
  const { config, data } = await readRunData(stack.prisma, id);
  const engine = await createNetworkEngine(process.env.REE_TRAINING_ENGINE);
  const evaluations = await evaluateRepeated(data, config, { engine });

  return JSON.parse(
    JSON.stringify(
      evaluations.map(({ kind, metrics, predictions, analyses }) => ({
        kind,
        metrics,
        predictions,
        analyses,
      })),
    ),
  ) as unknown;
}

describe("a worker killed with SIGKILL", () => {
  it("leaves its run to other workers, which finish it with the uninterrupted results", async () => {
    const doomed = startWorkerProcess();
    const id = await startSmallRun(stack.apiUrl, datasetId, CONFIG);
    // Killed in the middle of a repetition, after one is stored.
    await pollUntil(
      () => stack.prisma.runPart.findMany({ where: { runId: id } }),
      (parts) =>
        parts.some((part) => part.status === "DONE") &&
        parts.some((part) => part.status === "RUNNING"),
      "a repetition finished and the next one started",
    );
    await doomed.kill();
    const atKill = await readJobs(id);

    startWorkerProcess();
    startWorkerProcess();
    const finished = await waitForRun(stack.apiUrl, id);
    const { events } = await readJobs(id);
    const lost = events.filter((event) => event.kind === "WORKER_LOST");

    expect(finished.status).toBe("SUCCEEDED");
    expect(atKill.status).toBe("RUNNING");
    expect(atKill.finishedRepetitions).toBeLessThan(CONFIG.repetitions);
    expect(lost.length).toBeGreaterThanOrEqual(1);
    // The part in training is lost by its heartbeat; a job the worker had locked but not yet
    // started may be reported first.
    expect(
      lost.some((event) =>
        /sent no heartbeat for 1.5 s while training repetition \d; queued again/.test(
          event.message,
        ),
      ),
    ).toBe(true);
    expect(events.some((e) => e.kind === "PART_STARTED" && e.message.endsWith("(attempt 2)"))).toBe(
      true,
    );
    // Repetitions stored before the kill were not trained again.
    expect(events.filter((e) => e.kind === "PART_FINISHED")).toHaveLength(CONFIG.repetitions);
    expect(await storedResults(id)).toEqual(await uninterruptedResults(id));
  });
});

describe("two workers", () => {
  it("share one run and store the results of a single process", async () => {
    startWorkerProcess();
    startWorkerProcess();
    const id = await startSmallRun(stack.apiUrl, datasetId, CONFIG);
    const finished = await waitForRun(stack.apiUrl, id);
    const { events } = await readJobs(id);
    const finishers = new Set(
      events
        .filter((event) => event.kind === "PART_FINISHED")
        .map((event) => event.message.replace(/^.* finished on /, "")),
    );

    expect(finished.status).toBe("SUCCEEDED");
    expect(finishers.size).toBe(2);
    expect(await storedResults(id)).toEqual(await uninterruptedResults(id));
  });
});

describe("a queued part whose job failed before its claim", () => {
  it("is queued again by the heartbeat and trained", async () => {
    const id = await startSmallRun(stack.apiUrl, datasetId);
    // What graphile-worker leaves when a job with one attempt throws, as it does when the
    // worker cannot reach the database to claim the part: unlocked, out of attempts.
    const failed = await stack.prisma.$executeRaw`
      UPDATE graphile_worker._private_jobs
      SET attempts = max_attempts, last_error = 'connect ECONNREFUSED 127.0.0.1:5432'
      WHERE payload->>'partId' IN (SELECT id::text FROM "RunPart" WHERE "runId" = ${id}::uuid)`;

    startWorkerProcess();
    const finished = await waitForRun(stack.apiUrl, id, 60_000);
    const { events } = await readJobs(id);
    const requeued = events.filter((event) => /had no live job/.test(event.message));

    expect(failed).toBe(2);
    expect(finished.status).toBe("SUCCEEDED");
    expect(requeued).toHaveLength(2);
    expect(requeued[0]?.kind).toBe("QUEUED");
  });
});
