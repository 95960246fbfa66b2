import { countSelectionUnits, type EvaluationConfig } from "@ree/core-ml";
import type { PrismaClient } from "@ree/db";

import { ApiError } from "../errors/ApiError.js";
import { ApiErrorCode } from "../errors/ApiErrorCode.js";
import { recordEvent } from "../jobs/runParts.js";
import { isUuid } from "./findOwned.js";
import { type Caller, mayWrite } from "./writeAccess.js";

/**
 * Cancels a queued or running run. Its workers see the status at their next
 * heartbeat and stop at the next epoch. Repetitions that finished stay stored
 * with their parts and are counted in finishedRepetitions. The run's organisation cancels it,
 * and so does one it is shared with for writing; a READ share gets "not found", as a stranger does.
 */
export async function cancelRun(prisma: PrismaClient, caller: Caller, id: string) {
  const run = isUuid(id) ? await prisma.run.findFirst({ where: { id } }) : null;
  if (!run || !(await mayWrite(prisma, caller, run.organizationId, { runId: id }))) {
    throw ApiError.notFound("run", id);
  }

  return prisma.$transaction(async (tx) => {
    const cancelled = await tx.run.updateMany({
      where: { id, status: { in: ["QUEUED", "RUNNING"] } },
      data: {
        status: "CANCELLED",
        finishedAt: new Date(),
        progress: { ...(run.progress as object), message: "cancelled" },
      },
    });
    if (cancelled.count === 0) {
      const current = await tx.run.findUniqueOrThrow({ where: { id } });
      throw new ApiError(
        ApiErrorCode.CONFLICT,
        `run "${id}" is ${current.status}; only QUEUED or RUNNING runs can be cancelled`,
        { status: current.status },
      );
    }

    await recordEvent(
      tx,
      run,
      "CANCELLED",
      `cancelled by request; ${await describeFinished(tx, run)}`,
    );

    return tx.run.findUniqueOrThrow({ where: { id }, omit: { results: true } });
  });
}

/** Describes how much of the run finished: "3 of 20 repetitions had finished". */
async function describeFinished(
  prisma: Pick<PrismaClient, "runPart">,
  run: { id: string; config: unknown },
): Promise<string> {
  const config = run.config as EvaluationConfig;
  if (config.task === "FEATURE_ELIMINATION" || config.task === "GRID_SEARCH") {
    const finished = await finishedUnits(prisma, run.id);

    return `${finished} of ${countSelectionUnits(config)} selection units had finished`;
  }

  const finished = await finishedRepetitions(prisma, run.id);

  return `${finished} of ${config.repetitions} repetitions had finished`;
}

/** Repetitions of the run whose outcomes are stored. */
export async function finishedRepetitions(
  prisma: Pick<PrismaClient, "runPart">,
  runId: string,
): Promise<number> {
  const parts = await prisma.runPart.findMany({
    where: { runId, status: "DONE" },
    select: { repetitions: true },
  });

  return parts.reduce((sum, part) => sum + part.repetitions.length, 0);
}

/** Selection units (repetitions of a feature elimination, grid cells) of the run whose outcomes are stored. */
export async function finishedUnits(
  prisma: Pick<PrismaClient, "runPart">,
  runId: string,
): Promise<number> {
  const parts = await prisma.runPart.findMany({
    where: { runId, status: "DONE" },
    select: { units: true },
  });

  return parts.reduce((sum, part) => sum + part.units.length, 0);
}
