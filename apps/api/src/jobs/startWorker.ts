import type { NetworkEngine } from "@ree/core-ml";
import { createPrismaClient, ensureWorkerRole, type PrismaClient, runAsTenant } from "@ree/db";
import { Logger as WorkerLogger, run, type Runner } from "graphile-worker";

import type { Logger } from "../logger.js";
import { executeRunPart, type ExecuteRunOptions } from "./executeRunPart.js";
import { type JobSettings, readJobSettings } from "./JobSettings.js";
import { PartLeases } from "./PartLeases.js";
import { EXECUTE_RUN_PART_TASK } from "./runParts.js";
import { startHeartbeat } from "./startHeartbeat.js";

export interface WorkerOptions {
  /**
   * The job queue's database, as the tables' owner: a user that may install the queue's schema
   * and create roles (CREATEROLE); it needs no superuser.
   */
  databaseUrl: string;
  /** A tenant client; each run executes as the organisation that owns it. */
  prisma: PrismaClient;
  engine: NetworkEngine;
  logger: Logger;
  /**
   * Jobs executed at once by this worker; training is CPU-bound, so more than
   * the cores available only slows each job down.
   * @default 1
   */
  concurrency?: number;
  /** @default readJobSettings() */
  settings?: JobSettings;
  onProgress?: ExecuteRunOptions["onProgress"];
}

export interface RunWorker {
  stop(): Promise<void>;
}

/**
 * Starts a worker that executes the parts of queued runs from the PostgreSQL
 * job queue, with the heartbeat that watches them. Any number of workers, in
 * any number of processes and machines, may share one database.
 */
export async function startWorker(options: WorkerOptions): Promise<RunWorker> {
  const { databaseUrl, concurrency = 1, logger, prisma, engine, onProgress } = options;
  const settings = options.settings ?? readJobSettings();
  const leases = new PartLeases();
  const execution: ExecuteRunOptions = { prisma, engine, logger, settings, leases, onProgress };
  // The heartbeat watches the parts of every organisation, and a job names its part alone, so
  // both connect as the worker role. Its policies show it the parts and runs of every
  // organisation and no other data. Each part then executes as its organisation's tenant.
  const maintenance = createPrismaClient(await ensureWorkerRole(databaseUrl));
  // The first query of a process took over a second in tests on 2 loaded cores.
  // Running it here keeps it from delaying the claim of the first part.
  await prisma.$queryRaw`SELECT 1`;
  const runner: Runner = await run({
    connectionString: databaseUrl,
    concurrency,
    noHandleSignals: true,
    logger: toWorkerLogger(logger),
    pollInterval: Math.min(1000, settings.heartbeatMs),
    taskList: {
      [EXECUTE_RUN_PART_TASK]: async (payload, helpers) => {
        const { partId } = payload as { partId: string };
        const workerId = helpers.job.locked_by ?? "unknown worker";
        const organizationId = await partOrganization(maintenance, partId);
        await runAsTenant({ organizationId }, () =>
          executeRunPart(partId, { id: helpers.job.id, workerId }, execution),
        );
      },
    },
  });
  const heartbeat = startHeartbeat(maintenance, leases, settings, logger, {
    tenantPrisma: prisma,
    engine,
  });
  logger.info({ concurrency, engine: engine.name, ...settings }, "worker started");

  return {
    async stop() {
      await heartbeat.stop();
      await runner.stop();
      await maintenance.$disconnect();
    },
  };
}

/** Finds the organisation that owns a part's run; undefined when the part no longer exists. */
async function partOrganization(
  maintenance: PrismaClient,
  partId: string,
): Promise<string | undefined> {
  const part = await maintenance.runPart.findUnique({
    where: { id: partId },
    select: { organizationId: true },
  });

  return part?.organizationId;
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
