import { hostname } from "node:os";

import type { NetworkEngine } from "@ree/core-ml";
import { Prisma, type PrismaClient, runAsTenant } from "@ree/db";

import type { Logger } from "../logger.js";
import { failRun, finishRunIfComplete } from "./finishRun.js";
import { type JobSettings, STALE_HEARTBEATS } from "./JobSettings.js";
import type { PartLeases } from "./PartLeases.js";
import { addPartJob, describePart, EXECUTE_RUN_PART_TASK, recordEvent } from "./runParts.js";

interface StalePart {
  id: string;
  runId: string;
  organizationId: string;
  repetitions: number[];
  units: number[];
  attempts: number;
  workerId: string | null;
  jobId: bigint | null;
}

/** Clients and engine for merging again the results of a run whose worker died while merging. */
export interface MergeRetry {
  /** A tenant client: the merge executes as the organisation that owns the run. */
  tenantPrisma: PrismaClient;
  engine: NetworkEngine;
}

/**
 * Starts the heartbeat timer. Every `heartbeatMs` it renews the parts this
 * process executes and stops those whose run was cancelled or that another
 * worker took over. It also queues again the parts of workers that stopped
 * beating (killed, frozen or cut off), or fails their run after `maxPartAttempts` starts,
 * and merges again the results of runs whose worker stopped while merging them.
 */
export function startHeartbeat(
  prisma: PrismaClient,
  leases: PartLeases,
  settings: JobSettings,
  log: Logger,
  retry: MergeRetry,
): { stop(): Promise<void> } {
  // Merges run beside the beat, which must go on renewing this process's parts meanwhile.
  const merges = new Set<Promise<void>>();
  let beating: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    beating = beating
      .then(async () => {
        await renewLeases(prisma, leases);
        await takeOverStaleParts(prisma, settings, log);
        await takeOverUnclaimedJobs(prisma, settings, log);
        await requeueJoblessParts(prisma, log);
        for (const merge of await retryStrandedMerges(prisma, leases, settings, log, retry)) {
          // Failing the run failed too (the database is unreachable, say): the run stays
          // stranded, and a later beat retries it.
          const tracked = merge
            .catch((error: unknown) => log.warn({ err: error }, "merge retry failed"))
            .finally(() => merges.delete(tracked));
          merges.add(tracked);
        }
      })
      .catch((error: unknown) => log.warn({ err: error }, "heartbeat failed"));
  }, settings.heartbeatMs);

  return {
    async stop() {
      clearInterval(timer);
      await beating;
      await Promise.all(merges);
    },
  };
}

/**
 * Renews the parts this process holds: RUNNING ones while they train, and a DONE one while
 * its worker merges the run's results, so that no other worker merges them at the same time.
 */
async function renewLeases(prisma: PrismaClient, leases: PartLeases): Promise<void> {
  for (const [partId, { runId, workerId }] of leases.entries()) {
    const renewed = await prisma.$executeRaw`
      UPDATE "RunPart" SET "heartbeatAt" = now() AT TIME ZONE 'UTC'
      WHERE id = ${partId}::uuid AND status IN ('RUNNING', 'DONE') AND "workerId" = ${workerId}`;
    if (renewed === 0) {
      leases.abort(partId, "another worker took the part over");
      continue;
    }

    const run = await prisma.run.findUnique({ where: { id: runId }, select: { status: true } });
    if (run?.status !== "RUNNING") {
      leases.abort(partId, `the run is ${run?.status ?? "deleted"}`);
    }
  }
}

async function takeOverStaleParts(
  prisma: PrismaClient,
  settings: JobSettings,
  log: Logger,
): Promise<void> {
  const staleSeconds = (STALE_HEARTBEATS * settings.heartbeatMs) / 1000;
  // One statement, so two workers never take over the same part; the CTE
  // returns each part's worker and job from before the update.
  const stale = await prisma.$queryRaw<StalePart[]>`
    WITH stale AS (
      SELECT id, "workerId", "jobId" FROM "RunPart"
      WHERE status = 'RUNNING'
        AND "heartbeatAt" < now() AT TIME ZONE 'UTC' - make_interval(secs => ${staleSeconds})
      FOR UPDATE SKIP LOCKED)
    UPDATE "RunPart" AS part
    SET status = 'QUEUED', "workerId" = NULL, "jobId" = NULL, "heartbeatAt" = NULL
    FROM stale WHERE part.id = stale.id
    RETURNING part.id, part."runId", part."organizationId", part.repetitions, part.units,
      part.attempts,
      stale."workerId", stale."jobId"`;

  for (const part of stale) {
    await releaseJob(prisma, part);
    const run = { id: part.runId, organizationId: part.organizationId };
    const lost = `${part.workerId ?? "a worker"} sent no heartbeat for ${staleSeconds} s while training ${describePart(part)}`;
    log.warn({ runId: part.runId, partId: part.id, workerId: part.workerId }, "worker lost");
    if (part.attempts >= settings.maxPartAttempts) {
      await failRun(
        prisma,
        run,
        `${lost}; the part was started ${part.attempts} times, the limit (REE_MAX_PART_ATTEMPTS)`,
      );
      continue;
    }

    await prisma.$transaction(async (tx) => {
      await recordEvent(tx, run, "WORKER_LOST", `${lost}; queued again`);
      await addPartJob(tx, part.id);
    });
  }
}

/**
 * Queues again the parts whose job a worker locked but never claimed: a live
 * worker claims its part within milliseconds, so such a worker died between
 * the two steps. This reads graphile-worker's job table, which has no public view.
 */
async function takeOverUnclaimedJobs(
  prisma: PrismaClient,
  settings: JobSettings,
  log: Logger,
): Promise<void> {
  const staleSeconds = (STALE_HEARTBEATS * settings.heartbeatMs) / 1000;
  const unclaimed = await prisma.$queryRaw<
    (Pick<StalePart, "runId" | "organizationId" | "repetitions" | "units"> & {
      jobId: bigint;
      workerId: string;
      partId: string;
    })[]
  >`
    SELECT job.id AS "jobId", job.locked_by AS "workerId", part.id::text AS "partId",
      part."runId", part."organizationId", part.repetitions, part.units
    FROM graphile_worker._private_jobs AS job
    JOIN graphile_worker._private_tasks AS task ON task.id = job.task_id
    JOIN "RunPart" AS part ON part.id::text = job.payload->>'partId'
    WHERE task.identifier = ${EXECUTE_RUN_PART_TASK}
      AND job.locked_at < now() - make_interval(secs => ${staleSeconds})
      AND part.status = 'QUEUED'`;

  for (const { jobId, workerId, partId, runId, organizationId, ...part } of unclaimed) {
    log.warn({ runId, partId, workerId }, "job locked but never claimed");
    await releaseJob(prisma, { workerId, jobId });
    await prisma.$transaction(async (tx) => {
      const lost = `${workerId} took the job of ${describePart(part)} but did not start it within ${staleSeconds} s; queued again`;
      await recordEvent(tx, { id: runId, organizationId }, "WORKER_LOST", lost);
      await addPartJob(tx, partId);
    });
  }
}

/**
 * Queues again the queued parts of queued or running runs that have no live
 * job: none waiting, none locked by a worker. That happens when a worker's
 * claim of the part failed (the database was unreachable, say), which fails
 * its job without a retry, or when queueing a part's next job failed.
 */
async function requeueJoblessParts(prisma: PrismaClient, log: Logger): Promise<void> {
  const jobless = await prisma.$queryRaw<{ id: string }[]>`
    SELECT part.id::text
    FROM "RunPart" AS part
    JOIN "Run" AS run ON run.id = part."runId"
    WHERE part.status = 'QUEUED'
      AND run.status IN ('QUEUED', 'RUNNING')
      AND NOT EXISTS (${liveJobOf(EXECUTE_RUN_PART_TASK)})`;

  for (const { id } of jobless) {
    await prisma.$transaction(async (tx) => {
      // The row lock and the second look make one worker queue the part when two find it.
      const [part] = await tx.$queryRaw<
        Pick<StalePart, "runId" | "organizationId" | "repetitions" | "units">[]
      >`
        SELECT part."runId", part."organizationId", part.repetitions, part.units
        FROM "RunPart" AS part
        WHERE part.id = ${id}::uuid AND part.status = 'QUEUED'
          AND NOT EXISTS (${liveJobOf(EXECUTE_RUN_PART_TASK)})
        FOR UPDATE SKIP LOCKED`;
      if (!part) {
        return;
      }

      log.warn({ runId: part.runId, partId: id }, "queued part had no live job");
      // graphile-worker keeps a job after its last failed attempt, so the part's dead jobs go here.
      await tx.$executeRaw`
        SELECT graphile_worker.complete_jobs(array(
          SELECT job.id FROM graphile_worker._private_jobs AS job
          WHERE job.payload->>'partId' = ${id}::text))`;
      await recordEvent(
        tx,
        { id: part.runId, organizationId: part.organizationId },
        "QUEUED",
        `${describePart(part)} had no live job, because its last one failed before it started; queued again`,
      );
      await addPartJob(tx, id);
    });
  }
}

/**
 * Finds runs still RUNNING whose parts are all DONE and silent for STALE_HEARTBEATS
 * intervals: their last worker died while merging the results (finishRunIfComplete). Takes
 * each run's first part, so that one worker merges again, and returns the merges it started.
 * A run whose merge was retried `maxPartAttempts` times fails instead.
 */
async function retryStrandedMerges(
  prisma: PrismaClient,
  leases: PartLeases,
  settings: JobSettings,
  log: Logger,
  retry: MergeRetry,
): Promise<Promise<void>[]> {
  const staleSeconds = (STALE_HEARTBEATS * settings.heartbeatMs) / 1000;
  const workerId = `${hostname()}:${process.pid}`;
  // The stale heartbeat is a condition on the locked row itself, so a worker that waited for
  // another's lock reads the renewed heartbeat and skips the part.
  const stranded = await prisma.$queryRaw<
    { partId: string; runId: string; organizationId: string; lostWorkerId: string | null }[]
  >`
    WITH stranded AS (
      SELECT part.id, part."workerId"
      FROM "RunPart" AS part
      JOIN "Run" AS run ON run.id = part."runId"
      WHERE run.status = 'RUNNING'
        AND part.status = 'DONE'
        AND (part."heartbeatAt" IS NULL
          OR part."heartbeatAt" < now() AT TIME ZONE 'UTC' - make_interval(secs => ${staleSeconds}))
        AND part.id = (
          SELECT first.id FROM "RunPart" AS first
          WHERE first."runId" = part."runId" ORDER BY first.id LIMIT 1)
        AND NOT EXISTS (
          SELECT 1 FROM "RunPart" AS other
          WHERE other."runId" = part."runId"
            AND (other.status <> 'DONE'
              OR other."heartbeatAt" >= now() AT TIME ZONE 'UTC' - make_interval(secs => ${staleSeconds})))
      FOR UPDATE OF part SKIP LOCKED)
    UPDATE "RunPart" AS part
    SET "workerId" = ${workerId}, "heartbeatAt" = now() AT TIME ZONE 'UTC'
    FROM stranded WHERE part.id = stranded.id
    RETURNING part.id::text AS "partId", part."runId"::text AS "runId",
      part."organizationId"::text AS "organizationId", stranded."workerId" AS "lostWorkerId"`;

  const merges: Promise<void>[] = [];
  for (const { partId, runId, organizationId, lostWorkerId } of stranded) {
    const run = { id: runId, organizationId };
    const lost = `${lostWorkerId ?? "a worker"} stopped while merging the results of the parts`;
    log.warn({ runId, workerId: lostWorkerId }, "worker lost while merging");
    const retries = await prisma.runEvent.count({ where: { runId, kind: "MERGE_RETRIED" } });
    if (retries >= settings.maxPartAttempts) {
      await failRun(
        prisma,
        run,
        `${lost}; the merge was retried ${retries} times, the limit (REE_MAX_PART_ATTEMPTS)`,
      );
      continue;
    }

    await recordEvent(prisma, run, "MERGE_RETRIED", `${lost}; merging again on ${workerId}`);
    merges.push(mergeAgain(prisma, leases, log, retry, { partId, run, workerId }));
  }

  return merges;
}

/**
 * Merges a stranded run's results as its organisation, holding the lease of the part taken,
 * and fails the run with the reason when the merge throws.
 */
async function mergeAgain(
  prisma: PrismaClient,
  leases: PartLeases,
  log: Logger,
  { tenantPrisma, engine }: MergeRetry,
  {
    partId,
    run,
    workerId,
  }: { partId: string; run: { id: string; organizationId: string }; workerId: string },
): Promise<void> {
  leases.hold(partId, run.id, workerId);
  try {
    await runAsTenant({ organizationId: run.organizationId }, () =>
      finishRunIfComplete(tenantPrisma, run.id, log.child({ runId: run.id }), engine),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error({ err: error, runId: run.id }, "merge failed");
    await failRun(
      prisma,
      run,
      `merging the results of the parts failed on ${workerId}: ${message}`,
    );
  } finally {
    leases.release(partId);
  }
}

/** Builds a subquery that finds a waiting or locked job of `task` for the row `part` of "RunPart". */
function liveJobOf(task: string): Prisma.Sql {
  return Prisma.sql`
    SELECT 1
    FROM graphile_worker._private_jobs AS job
    JOIN graphile_worker._private_tasks AS task ON task.id = job.task_id
    WHERE task.identifier = ${task}
      AND job.payload->>'partId' = part.id::text
      AND (job.locked_at IS NOT NULL OR job.attempts < job.max_attempts)`;
}

/**
 * Deletes the lost worker's job from graphile-worker's queue: it stays locked
 * for four hours otherwise, and the part now has a new job.
 */
async function releaseJob(
  prisma: PrismaClient,
  part: Pick<StalePart, "workerId" | "jobId">,
): Promise<void> {
  if (part.workerId === null || part.jobId === null) {
    return;
  }

  await prisma.$executeRaw`SELECT graphile_worker.force_unlock_workers(ARRAY[${part.workerId}]::text[])`;
  await prisma.$executeRaw`SELECT graphile_worker.complete_jobs(ARRAY[${part.jobId}]::bigint[])`;
}
