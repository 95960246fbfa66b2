import type { EvaluationConfig } from "@ree/core-ml";
import type { Prisma } from "@ree/db";

/** Task name of the job that executes one part of a run. */
export const EXECUTE_RUN_PART_TASK = "execute-run-part";

/** The Prisma client, or the client of an interactive transaction. */
export type Database = Prisma.TransactionClient;

export type RunEventKind =
  | "QUEUED"
  | "STARTED"
  | "PART_STARTED"
  | "PART_FINISHED"
  | "PART_STOPPED"
  | "WORKER_LOST"
  | "SUCCEEDED"
  | "FAILED"
  | "CANCELLED";

/** Appends an entry to the run's log of events. */
export async function recordEvent(
  db: Database,
  run: { id: string; organizationId: string },
  kind: RunEventKind,
  message: string,
): Promise<void> {
  await db.runEvent.create({
    data: { runId: run.id, organizationId: run.organizationId, kind, message },
  });
}

/**
 * Splits a run into parts, one job each: groups of `repetitionsPerJob`
 * repetitions for an evaluation, a single part for a selection task.
 */
export async function queueRunParts(
  db: Database,
  run: { id: string; organizationId: string },
  config: EvaluationConfig,
  repetitionsPerJob: number,
): Promise<void> {
  const groups =
    config.task === "EVALUATION" ? groupRepetitions(config.repetitions, repetitionsPerJob) : [[]];
  for (const repetitions of groups) {
    const part = await db.runPart.create({
      data: { runId: run.id, organizationId: run.organizationId, repetitions },
    });
    await addPartJob(db, part.id);
  }

  await recordEvent(db, run, "QUEUED", `queued as ${groups.length} job(s)`);
}

/**
 * Queues the job of a part, after `delayMs`. A job that fails is not retried:
 * the part records the error, and a lost worker's parts are queued again by
 * the heartbeat instead.
 */
export async function addPartJob(db: Database, partId: string, delayMs = 0): Promise<void> {
  await db.$executeRaw`
    SELECT graphile_worker.add_job(
      ${EXECUTE_RUN_PART_TASK},
      json_build_object('partId', ${partId}::text),
      run_at => now() + make_interval(secs => ${delayMs / 1000}),
      max_attempts => 1)`;
}

/** Names repetitions from 1 for people: "repetitions 3-4", "repetition 5", "the selection". */
export function describeRepetitions(repetitions: readonly number[]): string {
  const first = repetitions[0];
  const last = repetitions.at(-1);
  if (first === undefined || last === undefined) {
    return "the selection";
  }

  return first === last ? `repetition ${first + 1}` : `repetitions ${first + 1}-${last + 1}`;
}

function groupRepetitions(count: number, size: number): number[][] {
  const groups: number[][] = [];
  for (let start = 0; start < count; start += size) {
    groups.push(Array.from({ length: Math.min(size, count - start) }, (_, i) => start + i));
  }

  return groups;
}
