import {
  createMatrix,
  type EvaluationConfig,
  type EvaluationProgress,
  evaluateRepeated,
  type NetworkEngine,
  type TableColumn,
} from "@ree/core-ml";
import { type Prisma, type PrismaClient } from "@ree/db";

import type { Logger } from "../logger.js";
import type { RunResultsRecord } from "../services/records.js";

/** Shortest interval between two progress writes of one run, in ms. */
const PROGRESS_INTERVAL_MS = 500;

export interface ExecuteRunOptions {
  prisma: PrismaClient;
  engine: NetworkEngine;
  logger: Logger;
  onProgress?: (runId: string, progress: EvaluationProgress) => void;
}

/**
 * Executes a queued run: trains and scores every model kind, then stores the
 * models and results with the SUCCEEDED status in one transaction. Any error
 * marks the run FAILED with the error's message.
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
    const evaluations = await evaluateRepeated(data, config, {
      engine,
      onProgress: progress.report,
    });
    await progress.flush();

    await prisma.$transaction(async (tx) => {
      const models = [];
      for (const evaluation of evaluations) {
        const model = await tx.model.create({
          data: {
            organizationId: run.organizationId,
            teamId: run.teamId,
            runId,
            datasetId: run.datasetId,
            name: `${evaluation.kind} from ${run.name}`,
            kind: evaluation.kind,
            artifact: evaluation.artifact as unknown as Prisma.InputJsonValue,
          },
        });
        models.push({ ...evaluation, modelId: model.id });
      }

      const results: RunResultsRecord = {
        labels: [...data.labels],
        measured: measuredTargets(data, config),
        models: models.map(
          ({ kind, modelId, secondsPerTraining, metrics, predictions, analyses }) => ({
            kind,
            modelId,
            secondsPerTraining,
            metrics,
            predictions,
            analyses,
          }),
        ),
      };
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
      data: { status: "FAILED", finishedAt: new Date(), error: message },
    });
  }
}

async function loadEvaluationData(prisma: PrismaClient, datasetId: string, columnsJson: unknown) {
  const columns = columnsJson as TableColumn[];
  const samples = await prisma.sample.findMany({
    where: { datasetId },
    orderBy: { position: "asc" },
    select: { label: true, values: true },
  });
  const values = createMatrix(samples.length, columns.length);
  samples.forEach((sample, i) => values.data.set(sample.values, i * columns.length));

  return { labels: samples.map((sample) => sample.label), columns, values };
}

function measuredTargets(
  data: Awaited<ReturnType<typeof loadEvaluationData>>,
  config: EvaluationConfig,
): number[][] {
  const indices = config.targets.map((name) => data.columns.findIndex((c) => c.name === name));

  return data.labels.map((_, i) =>
    indices.map((j) => data.values.data[i * data.columns.length + j] ?? NaN),
  );
}

/**
 * Writes progress at most every PROGRESS_INTERVAL_MS and never two writes at
 * once, so a fast training does not flood the database.
 */
function throttleProgress(
  prisma: PrismaClient,
  runId: string,
  log: Logger,
  listener: (progress: EvaluationProgress) => void,
) {
  let latest: EvaluationProgress | undefined;
  let lastWrite = 0;
  let writing: Promise<void> = Promise.resolve();

  const write = (progress: EvaluationProgress) => {
    lastWrite = Date.now();
    writing = writing
      .then(async () => {
        await prisma.run.update({ where: { id: runId }, data: { progress: { ...progress } } });
      })
      .catch((error: unknown) => log.warn({ err: error }, "progress update failed"));
  };

  return {
    report(progress: EvaluationProgress) {
      latest = progress;
      listener(progress);
      if (Date.now() - lastWrite >= PROGRESS_INTERVAL_MS) {
        write(progress);
      }
    },
    async flush() {
      if (latest) {
        write(latest);
      }

      await writing;
    },
  };
}
