import {
  countSelectionUnits,
  type EvaluationConfig,
  type EvaluationProgress,
  evaluateRepetitions,
  evaluateTransfer,
  type ModelArtifact,
  type NetworkEngine,
  runSelectionUnits,
} from "@ree/core-ml";
import type { Prisma, PrismaClient, Run, RunPart } from "@ree/db";

import type { Logger } from "../logger.js";
import { finishedRepetitions, finishedUnits } from "../services/cancelRun.js";
import { failRun, finishRunIfComplete } from "./finishRun.js";
import type { JobSettings } from "./JobSettings.js";
import { loadRunData } from "./loadEvaluationData.js";
import type { PartLeases } from "./PartLeases.js";
import { addPartJob, describePart, recordEvent } from "./runParts.js";
import { throttleProgress } from "./throttleProgress.js";

export interface ExecuteRunOptions {
  prisma: PrismaClient;
  engine: NetworkEngine;
  logger: Logger;
  settings: JobSettings;
  leases: PartLeases;
  onProgress?: (runId: string, progress: EvaluationProgress) => void;
}

/** The graphile-worker job executing a part, and the worker that locked it. */
export interface PartJob {
  id: string;
  workerId: string;
}

type Claim =
  | { kind: "skip"; reason: string }
  | { kind: "wait"; reason: string }
  | { kind: "run"; part: RunPart; run: Run };

/**
 * Executes one part of a run: takes it, trains its repetitions (or runs its
 * selection units, or the transfer), stores what it produced, and stores the
 * run's results when it was the last part. An error marks the run FAILED with its message;
 * a cancelled run or a part taken over by another worker stops at the next epoch.
 */
export async function executeRunPart(
  partId: string,
  job: PartJob,
  options: ExecuteRunOptions,
): Promise<void> {
  const { prisma, engine, logger, settings, leases } = options;
  const log = logger.child({ partId, workerId: job.workerId });
  // If the claim itself fails (the database is unreachable), the job fails without
  // a retry and the part stays QUEUED. The heartbeat queues such parts again.
  const claim = await claimPart(prisma, partId, job, options);
  if (claim.kind !== "run") {
    log.info({ reason: claim.reason }, claim.kind === "wait" ? "part waits" : "part skipped");
    if (claim.kind === "wait") {
      await addPartJob(prisma, partId, settings.heartbeatMs);
    }

    return;
  }

  const { part, run } = claim;
  const runLog = log.child({ runId: run.id });
  const signal = leases.hold(part.id, run.id, job.workerId);
  try {
    const config = run.config as unknown as EvaluationConfig;
    const data = await loadRunData(prisma, run);
    const progress = throttleProgress(prisma, run.id, runLog, (p) =>
      options.onProgress?.(run.id, p),
    );
    const onProgress = await runShare(prisma, run.id, config, part, progress.report);
    const evaluation = { engine, onProgress, signal };
    const outcomes =
      config.task === "EVALUATION"
        ? await evaluateRepetitions(data, config, part.repetitions, evaluation)
        : config.task === "TRANSFER"
          ? await evaluateTransfer(data, await loadParentArtifact(prisma, run), config, evaluation)
          : await runSelectionUnits(data, config, part.units, evaluation);
    await progress.flush();

    if (await storePart(prisma, part, run, job, outcomes)) {
      await finishRunIfComplete(prisma, run.id, runLog, engine, settings.finishPauseMs);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (signal.aborted) {
      const reason = signal.reason instanceof Error ? signal.reason.message : String(signal.reason);
      runLog.info({ reason }, "part stopped");
      await releasePart(prisma, part, job);
      await recordEvent(
        prisma,
        run,
        "PART_STOPPED",
        `${describePart(part)} stopped on ${job.workerId}: ${reason}`,
      );
    } else {
      runLog.error({ err: error }, "run failed");
      await failRun(prisma, run, message);
    }
  } finally {
    leases.release(part.id);
  }
}

/**
 * Takes a queued part of a queued or running run. A run's first part starts
 * the run only while its team runs fewer than the limit. The advisory lock on
 * the team makes that count and the start atomic across workers.
 */
async function claimPart(
  prisma: PrismaClient,
  partId: string,
  job: PartJob,
  { engine, settings }: ExecuteRunOptions,
): Promise<Claim> {
  const found = await prisma.runPart.findUnique({ where: { id: partId }, include: { run: true } });
  if (!found) {
    return { kind: "skip", reason: "the part no longer exists" };
  }

  const owner = found.run.teamId ?? found.run.organizationId;

  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${owner}))`;
    const run = await tx.run.findUniqueOrThrow({ where: { id: found.runId } });
    if (run.status !== "QUEUED" && run.status !== "RUNNING") {
      return { kind: "skip", reason: `the run is ${run.status}` };
    }

    if (run.status === "QUEUED") {
      const running = await tx.run.count({ where: { status: "RUNNING", ...sameTeam(run) } });
      if (running >= settings.maxRunningRunsPerTeam) {
        const reason = `waiting: ${running} runs of this team are running, the limit is ${settings.maxRunningRunsPerTeam}`;
        await tx.run.update({
          where: { id: run.id },
          data: { progress: { ...(run.progress as object), message: reason } },
        });

        return { kind: "wait", reason };
      }

      await tx.run.update({
        where: { id: run.id },
        data: { status: "RUNNING", startedAt: new Date(), backend: engine.name },
      });
      await recordEvent(tx, run, "STARTED", `started on ${job.workerId} (${engine.name} engine)`);
    }

    const claimed = await tx.runPart.updateMany({
      where: { id: partId, status: "QUEUED" },
      data: {
        status: "RUNNING",
        workerId: job.workerId,
        jobId: BigInt(job.id),
        attempts: { increment: 1 },
      },
    });
    if (claimed.count === 0) {
      return { kind: "skip", reason: "another worker holds or finished the part" };
    }

    await tx.$executeRaw`
      UPDATE "RunPart" SET "heartbeatAt" = clock_timestamp() AT TIME ZONE 'UTC' WHERE id = ${partId}::uuid`;
    const part = await tx.runPart.findUniqueOrThrow({ where: { id: partId } });
    await recordEvent(
      tx,
      run,
      "PART_STARTED",
      `${describePart(part)} started on ${job.workerId} (attempt ${part.attempts})`,
    );

    return { kind: "run", part, run: { ...run, status: "RUNNING" } };
  });
}

/**
 * Turns a part's progress into the run's: the part's fraction scaled by its
 * share of the repetitions (or selection units), after those already finished
 * by other parts.
 */
async function runShare(
  prisma: PrismaClient,
  runId: string,
  config: EvaluationConfig,
  part: RunPart,
  report: (progress: EvaluationProgress) => void,
): Promise<(progress: EvaluationProgress) => void> {
  if (config.task === "TRANSFER") {
    return report;
  }

  const [total, finished, own] =
    config.task === "EVALUATION"
      ? [config.repetitions, await finishedRepetitions(prisma, runId), part.repetitions.length]
      : [countSelectionUnits(config), await finishedUnits(prisma, runId), part.units.length];
  const done = finished / total;
  const share = own / total;

  return (progress) => report({ ...progress, fraction: done + share * progress.fraction });
}

/**
 * Loads the artifact of a TRANSFER run's parent model as the run's organisation: its own, or
 * another's shared with it.
 */
async function loadParentArtifact(prisma: PrismaClient, run: Run): Promise<ModelArtifact> {
  const parent = run.parentModelId
    ? await prisma.model.findFirst({
        where: { id: run.parentModelId },
        select: { artifact: true },
      })
    : null;
  if (!parent) {
    throw new Error(
      `parent model "${run.parentModelId ?? "none"}" not found: it was deleted, or its share ` +
        "revoked, after the run was queued; start the transfer again with another model",
    );
  }

  return parent.artifact as unknown as ModelArtifact;
}

function sameTeam(run: Run): Prisma.RunWhereInput {
  return run.teamId ? { teamId: run.teamId } : { organizationId: run.organizationId, teamId: null };
}

/** Gives a stopped part back to the queue, so the heartbeat does not take it for lost. */
async function releasePart(prisma: PrismaClient, part: RunPart, job: PartJob): Promise<void> {
  await prisma.runPart.updateMany({
    where: { id: part.id, status: "RUNNING", workerId: job.workerId },
    data: { status: "QUEUED", workerId: null, jobId: null, heartbeatAt: null },
  });
}

/**
 * Stores a part's outcomes unless another worker took it over meanwhile;
 * returns whether it stored them.
 */
async function storePart(
  prisma: PrismaClient,
  part: RunPart,
  run: Run,
  job: PartJob,
  outcomes: unknown,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const stored = await tx.runPart.updateMany({
      where: { id: part.id, status: "RUNNING", workerId: job.workerId },
      data: {
        status: "DONE",
        outcomes: outcomes as Prisma.InputJsonValue,
        finishedAt: new Date(),
      },
    });
    if (stored.count > 0) {
      await recordEvent(
        tx,
        run,
        "PART_FINISHED",
        `${describePart(part)} finished on ${job.workerId}`,
      );
    }

    return stored.count > 0;
  });
}
