import { CancelRunDocument, RunJobsDocument } from "@ree/schema/documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { setEnv } from "../support/env.js";
import { graphqlData, graphqlRequest } from "../support/graphqlRequest.js";
import { pollUntil } from "../support/poll.js";
import { importUsDemo, startSmallRun, waitForRun } from "../support/runs.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";

/**
 * Several seconds per repetition (17 single-task networks of 50,000 epochs), so that a
 * cancellation lands while parts train even when the heartbeat is late on loaded cores.
 */
const SLOW_RUN = { repetitions: 4, models: ["SINGLE_TASK" as const], network: { epochs: 50_000 } };

let stack: TestStack;
let datasetId: string;
let restoreEnv: (() => void) | undefined;

beforeAll(async () => {
  // One job per repetition, so that a cancellation falls between stored repetitions.
  restoreEnv = setEnv({ REE_REPETITIONS_PER_JOB: "1" });
  stack = await startTestStack({
    concurrency: 2,
    settings: {
      repetitionsPerJob: 1,
      gridCellsPerJob: 100,
      heartbeatMs: 200,
      maxPartAttempts: 3,
      maxRunningRunsPerTeam: 1,
    },
  });
  datasetId = await importUsDemo(stack.apiUrl);
});

afterAll(async () => {
  await stack?.stop();
  restoreEnv?.();
});

const readJobs = async (id: string) => {
  const { run } = await graphqlData(stack.apiUrl, RunJobsDocument, { id });
  if (!run) {
    throw new Error(`run ${id} not found`);
  }

  return run;
};

describe("cancelRun", () => {
  it("stops the worker at the next epoch and keeps the finished repetitions", async () => {
    const id = await startSmallRun(stack.apiUrl, datasetId, SLOW_RUN);
    // Cancelled while a later part trains: the first two run together, so one of them may be
    // about to finish when the other is seen finished.
    await pollUntil(
      async () => ({
        finished: (await readJobs(id)).finishedRepetitions,
        running: await stack.prisma.runPart.count({ where: { runId: id, status: "RUNNING" } }),
      }),
      ({ finished, running }) => finished >= 2 && running >= 1,
      "two repetitions finished and another is training",
    );

    const { cancelRun } = await graphqlData(stack.apiUrl, CancelRunDocument, { id });
    const stopped = await pollUntil(
      () => readJobs(id),
      (run) => run.events.some((event) => event.kind === "PART_STOPPED"),
      "the worker stopped",
      10_000,
    );
    // Let any part the heartbeat had not yet reached end as well.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await readJobs(id);
    const stored = await stack.prisma.run.findUniqueOrThrow({ where: { id } });

    expect(cancelRun.status).toBe("CANCELLED");
    expect(stopped.events.find((e) => e.kind === "PART_STOPPED")?.message).toMatch(
      /stopped on .*: the run is CANCELLED/,
    );
    expect(after.status).toBe("CANCELLED");
    expect(after.finishedRepetitions).toBeGreaterThanOrEqual(1);
    expect(after.finishedRepetitions).toBeLessThan(SLOW_RUN.repetitions);
    expect(after.events.find((e) => e.kind === "CANCELLED")?.message).toMatch(
      /cancelled by request; \d of 4 repetitions had finished/,
    );
    expect(stored.results).toBeNull();
    expect(await stack.prisma.model.count({ where: { runId: id } })).toBe(0);
  });

  it("refuses a run that already ended, with the CONFLICT code", async () => {
    const id = await startSmallRun(stack.apiUrl, datasetId);
    await waitForRun(stack.apiUrl, id);
    const { errors } = await graphqlRequest(stack.apiUrl, CancelRunDocument, { id });

    expect(errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(errors?.[0]?.message).toBe(
      `run "${id}" is SUCCEEDED; only QUEUED or RUNNING runs can be cancelled`,
    );
  });

  it("names an unknown run with NOT_FOUND", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const { errors } = await graphqlRequest(stack.apiUrl, CancelRunDocument, { id });

    expect(errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("running runs per team", () => {
  it("keeps a second run QUEUED while the limit of one is reached", async () => {
    const first = await startSmallRun(stack.apiUrl, datasetId, { ...SLOW_RUN, repetitions: 2 });
    const second = await startSmallRun(stack.apiUrl, datasetId, { repetitions: 2 });
    // The worker runs two jobs at once, so only the limit keeps the second run waiting.
    const waiting = await pollUntil(
      () => stack.prisma.run.findUniqueOrThrow({ where: { id: second } }),
      (run) => (run.progress as { message?: string }).message?.startsWith("waiting:") === true,
      "the second run waited",
    );
    await waitForRun(stack.apiUrl, first);
    await waitForRun(stack.apiUrl, second);
    const [a, b] = await Promise.all(
      [first, second].map((id) => stack.prisma.run.findUniqueOrThrow({ where: { id } })),
    );

    expect(waiting.status).toBe("QUEUED");
    expect((waiting.progress as { message: string }).message).toBe(
      "waiting: 1 runs of this team are running, the limit is 1",
    );
    expect([a?.status, b?.status]).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    expect(b?.startedAt?.getTime()).toBeGreaterThanOrEqual(a?.finishedAt?.getTime() ?? Infinity);
  });
});
