import { setTimeout as sleep } from "node:timers/promises";

import {
  BASELINE_KINDS,
  combineRepetitions,
  type EvaluationConfig,
  mergeSelectionUnits,
  type ModelArtifact,
  type NetworkEngine,
  type RepetitionOutcome,
  type SelectionUnitOutcome,
  type TransferResult,
} from "@ree/core-ml";
import type { Prisma, PrismaClient } from "@ree/db";

import type { Logger } from "../logger.js";
import type { RunResultsRecord } from "../services/records.js";
import { bestTestR2 } from "./bestTestR2.js";
import { findRunDataset, loadRunData, measuredTargets } from "./loadEvaluationData.js";
import { recordEvent } from "./runParts.js";

/** Maximum duration of the transaction that stores a run's results, in ms. */
const STORE_TIMEOUT_MS = 120_000;

/**
 * Combines the outcomes of every part once all are DONE, and stores the
 * results, the trained ensembles and the SUCCEEDED status in one transaction.
 * The run's row lock makes one caller store them when two parts finish at once.
 * Selection units merge in unit order, and a grid search retrains its best cell on
 * `engine` here to report its test error. A caller that dies in between leaves the run
 * RUNNING with every part DONE; the heartbeat of another worker then calls this again.
 * `pauseMs` waits between the merge and the store, so that tests can kill a worker there.
 */
export async function finishRunIfComplete(
  prisma: PrismaClient,
  runId: string,
  log: Logger,
  engine: NetworkEngine,
  pauseMs = 0,
): Promise<void> {
  const run = await prisma.run.findUniqueOrThrow({
    where: { id: runId },
    include: { parts: { orderBy: { id: "asc" } } },
  });
  if (run.status !== "RUNNING" || run.parts.some((part) => part.status !== "DONE")) {
    return;
  }

  const config = run.config as unknown as EvaluationConfig;
  const dataset = await findRunDataset(prisma, run);
  const data = await loadRunData(prisma, run);
  const results: RunResultsRecord = {
    labels: [...data.labels],
    measured: measuredTargets(data, config),
    models: [],
  };
  const evaluations =
    config.task === "EVALUATION"
      ? combineRepetitions(
          data,
          config,
          run.parts.flatMap((part) => part.outcomes as unknown as RepetitionOutcome[]),
        )
      : [];
  if (config.task === "TRANSFER") {
    results.transfer = run.parts[0]?.outcomes as unknown as TransferResult;
  } else if (config.task !== "EVALUATION") {
    const outcomes = run.parts.flatMap(
      (part) => part.outcomes as unknown as SelectionUnitOutcome[],
    );
    Object.assign(results, await mergeSelectionUnits(data, config, outcomes, { engine }));
  }

  if (pauseMs > 0) {
    await sleep(pauseMs);
  }

  const stored = await prisma.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text FROM "Run" WHERE id = ${runId}::uuid FOR UPDATE`;
      if (locked?.status !== "RUNNING") {
        return false;
      }

      for (const {
        artifact,
        kind,
        secondsPerTraining,
        metrics,
        predictions,
        analyses,
      } of evaluations) {
        // Baseline ensembles are not stored as models: their trees take tens of megabytes
        // even for a 10-sample table, so their results keep no model id.
        if ((BASELINE_KINDS as readonly string[]).includes(kind)) {
          results.models.push({
            kind,
            modelId: null,
            secondsPerTraining,
            metrics,
            predictions,
            analyses,
          });
          continue;
        }

        const model = await tx.model.create({
          data: {
            organizationId: run.organizationId,
            teamId: run.teamId,
            runId,
            datasetId: run.datasetId,
            datasetVersionId: run.datasetVersionId,
            name: `${kind} from ${run.name}`,
            kind,
            artifact: withTrainingData(artifact, dataset) as unknown as Prisma.InputJsonValue,
          },
        });
        results.models.push({
          kind,
          modelId: model.id,
          secondsPerTraining,
          metrics,
          predictions,
          analyses,
        });
      }

      await tx.run.update({
        where: { id: runId },
        data: {
          status: "SUCCEEDED",
          finishedAt: new Date(),
          results: results as unknown as Prisma.InputJsonValue,
          testR2Total: bestTestR2(results.models),
          progress: { ...(run.progress as object), fraction: 1, message: "finished" },
        },
      });
      await recordEvent(tx, run, "SUCCEEDED", `results of ${run.parts.length} part(s) stored`);

      return true;
    },
    { timeout: STORE_TIMEOUT_MS },
  );
  if (stored) {
    log.info({ parts: run.parts.length }, "run succeeded");
  }
}

/** Names the data set in the artifact, so that it travels with an exported model. */
function withTrainingData(
  artifact: ModelArtifact,
  dataset: { id: string; name: string },
): ModelArtifact {
  if (!artifact.training) {
    return artifact;
  }

  return {
    ...artifact,
    training: { ...artifact.training, datasetId: dataset.id, datasetName: dataset.name },
  };
}

/** Marks a queued or running run FAILED with the reason, unless it already ended. */
export async function failRun(
  prisma: PrismaClient,
  run: { id: string; organizationId: string },
  reason: string,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const failed = await tx.run.updateMany({
      where: { id: run.id, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "FAILED", finishedAt: new Date(), error: reason },
    });
    if (failed.count > 0) {
      await recordEvent(tx, run, "FAILED", reason);
    }
  });
}
