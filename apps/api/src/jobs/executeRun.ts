import {
  type EvaluationConfig,
  type EvaluationProgress,
  evaluateRepeated,
  type ModelArtifact,
  type NetworkEngine,
  runSelection,
} from "@ree/core-ml";
import type { Prisma, PrismaClient } from "@ree/db";

import type { Logger } from "../logger.js";
import type { RunResultsRecord } from "../services/records.js";
import { loadEvaluationData, measuredTargets } from "./loadEvaluationData.js";
import { throttleProgress } from "./throttleProgress.js";

export interface ExecuteRunOptions {
  prisma: PrismaClient;
  engine: NetworkEngine;
  logger: Logger;
  onProgress?: (runId: string, progress: EvaluationProgress) => void;
}

/**
 * Executes a queued run: evaluates its models, or runs its feature
 * elimination or grid search, then stores the results, any trained models
 * and the SUCCEEDED status in one transaction. Any error marks the run FAILED
 * with the error's message.
 */
export async function executeRun(runId: string, options: ExecuteRunOptions): Promise<void> {
  const { prisma, engine, logger } = options;
  const log = logger.child({ runId });
  const run = await prisma.run.findUnique({ where: { id: runId }, include: { dataset: true } });
  if (!run) {
    log.warn("run not found; its job is dropped");

    return;
  }

  await prisma.run.update({
    where: { id: runId },
    data: { status: "RUNNING", startedAt: new Date(), backend: engine.name },
  });
  log.info({ backend: engine.name }, "run started");

  try {
    const config = run.config as unknown as EvaluationConfig;
    const data = await loadEvaluationData(prisma, run.datasetId, run.dataset.columns);
    const progress = throttleProgress(prisma, runId, log, (p) => options.onProgress?.(runId, p));
    const results: RunResultsRecord = {
      labels: [...data.labels],
      measured: measuredTargets(data, config),
      models: [],
    };
    const evaluations =
      config.task === "EVALUATION"
        ? await evaluateRepeated(data, config, { engine, onProgress: progress.report })
        : [];
    if (config.task !== "EVALUATION") {
      Object.assign(
        results,
        await runSelection(data, config, { engine, onProgress: progress.report }),
      );
    }

    await progress.flush();

    await prisma.$transaction(async (tx) => {
      for (const {
        artifact,
        kind,
        secondsPerTraining,
        metrics,
        predictions,
        analyses,
      } of evaluations) {
        const model = await tx.model.create({
          data: {
            organizationId: run.organizationId,
            teamId: run.teamId,
            runId,
            datasetId: run.datasetId,
            name: `${kind} from ${run.name}`,
            kind,
            artifact: withTrainingData(artifact, run.dataset) as unknown as Prisma.InputJsonValue,
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
          progress: { ...(run.progress as object), fraction: 1, message: "finished" },
        },
      });
    });
    log.info(
      { seconds: evaluations.map((e) => ({ kind: e.kind, perTraining: e.secondsPerTraining })) },
      "run succeeded",
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error({ err: error }, "run failed");
    await prisma.run.update({
      where: { id: runId },
      data: {
        status: "FAILED",
        finishedAt: new Date(),
        error: message,
        progress: { ...(run.progress as object), message: "failed" },
      },
    });
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
