import { countSelectionUnits, type EvaluationConfig } from "@ree/core-ml";
import type { Prisma } from "@ree/db";

import type { JobSettings } from "./JobSettings.js";

/** Part sizes from the job settings. */
type PartSizes = Pick<JobSettings, "repetitionsPerJob" | "gridCellsPerJob">;

/** The work of one part: repetition indices of an evaluation, or selection units. */
interface PartPlan {
  repetitions: number[];
  units: number[];
}

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
  | "MERGE_RETRIED"
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
 * repetitions for an evaluation or a feature elimination, groups of
 * `gridCellsPerJob` cells for a grid search, a single part for a transfer.
 */
export async function queueRunParts(
  db: Database,
  run: { id: string; organizationId: string },
  config: EvaluationConfig,
  sizes: PartSizes,
): Promise<void> {
  const parts = planParts(config, sizes);
  for (const { repetitions, units } of parts) {
    const part = await db.runPart.create({
      data: { runId: run.id, organizationId: run.organizationId, repetitions, units },
    });
    await addPartJob(db, part.id);
  }

  await recordEvent(db, run, "QUEUED", `queued as ${parts.length} job(s)`);
}

/**
 * Queues the job of a part, after `delayMs`. A job that fails is not retried:
 * the part records the error, and a lost worker's parts are queued again by
 * the heartbeat instead. The part's id is the job key, so queueing a part
 * whose job still waits replaces that job instead of adding a second one.
 */
export async function addPartJob(db: Database, partId: string, delayMs = 0): Promise<void> {
  await db.$executeRaw`
    SELECT graphile_worker.add_job(
      ${EXECUTE_RUN_PART_TASK},
      json_build_object('partId', ${partId}::text),
      run_at => now() + make_interval(secs => ${delayMs / 1000}),
      max_attempts => 1,
      job_key => ${partId}::text)`;
}

/**
 * Names a part's work from 1 for people: "repetitions 3-4", "repetition 5",
 * "selection units 1-5", or "the transfer".
 */
export function describePart(part: {
  repetitions: readonly number[];
  units: readonly number[];
}): string {
  if (part.repetitions.length > 0) {
    return describeRange(part.repetitions, "repetition", "repetitions");
  }

  if (part.units.length > 0) {
    return describeRange(part.units, "selection unit", "selection units");
  }

  return "the transfer";
}

function describeRange(indices: readonly number[], singular: string, plural: string): string {
  const first = (indices[0] ?? 0) + 1;
  const last = (indices.at(-1) ?? 0) + 1;

  return first === last ? `${singular} ${first}` : `${plural} ${first}-${last}`;
}

function planParts(config: EvaluationConfig, sizes: PartSizes): PartPlan[] {
  if (config.task === "TRANSFER") {
    return [{ repetitions: [], units: [] }];
  }

  if (config.task === "EVALUATION") {
    return groupIndices(config.repetitions, sizes.repetitionsPerJob).map((repetitions) => ({
      repetitions,
      units: [],
    }));
  }

  const size = config.task === "GRID_SEARCH" ? sizes.gridCellsPerJob : sizes.repetitionsPerJob;

  return groupIndices(countSelectionUnits(config), size).map((units) => ({
    repetitions: [],
    units,
  }));
}

function groupIndices(count: number, size: number): number[][] {
  const groups: number[][] = [];
  for (let start = 0; start < count; start += size) {
    groups.push(Array.from({ length: Math.min(size, count - start) }, (_, i) => start + i));
  }

  return groups;
}
