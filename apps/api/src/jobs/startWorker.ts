import type { NetworkEngine } from "@ree/core-ml";
import { type PrismaClient, runAsTenant } from "@ree/db";
import { Logger as WorkerLogger, run, type Runner } from "graphile-worker";

import type { Logger } from "../logger.js";
import { EXECUTE_RUN_TASK } from "../services/startRun.js";
import { executeRun, type ExecuteRunOptions } from "./executeRun.js";

export interface WorkerOptions {
  /** The job queue's database, as a user that may install its schema. */
  databaseUrl: string;
  /** A tenant client; each run executes as the organisation that owns it. */
  prisma: PrismaClient;
  engine: NetworkEngine;
  logger: Logger;
  /**
   * Runs executed at once by this worker; training is CPU-bound, so more than
   * the cores available only slows each run down.
   * @default 1
   */
  concurrency?: number;
  onProgress?: ExecuteRunOptions["onProgress"];
}

/** Starts a worker that executes queued runs from the PostgreSQL job queue. */
export async function startWorker(options: WorkerOptions): Promise<Runner> {
  const { databaseUrl, concurrency = 1, logger, ...execution } = options;
  const runner = await run({
    connectionString: databaseUrl,
    concurrency,
    noHandleSignals: true,
    logger: toWorkerLogger(logger),
    pollInterval: 1000,
    taskList: {
      [EXECUTE_RUN_TASK]: async (payload) => {
        const { runId } = payload as { runId: string };
        const organizationId = await runOrganization(execution.prisma, runId);
        await runAsTenant({ organizationId }, () => executeRun(runId, { ...execution, logger }));
      },
    },
  });
  logger.info({ concurrency, engine: options.engine.name }, "worker started");

  return runner;
}

/** The organisation that owns a run, read through a function that reveals nothing else. */
async function runOrganization(prisma: PrismaClient, runId: string): Promise<string | undefined> {
  const rows = await runAsTenant(
    {},
    () => prisma.$queryRaw<{ organization: string | null }[]>`
      SELECT ree_run_organization(${runId}::uuid)::text AS organization`,
  );

  return rows[0]?.organization ?? undefined;
}

/**
 * Sends graphile-worker's own messages to the service logger instead of the
 * console, with the job's id in place of the whole job row.
 */
function toWorkerLogger(logger: Logger): WorkerLogger {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const method = level === "warning" ? "warn" : level;
    const { job, ...rest } = (meta ?? {}) as { job?: { id?: string } };
    logger[method]({ workerId: scope.workerId, jobId: job?.id, ...rest }, message);
  });
}
