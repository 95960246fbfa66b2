import {
  type EvaluationConfig,
  type ModelKind,
  type PartialEvaluationConfig,
  resolveEvaluationConfig,
  testSize,
  type TableColumn,
} from "@ree/core-ml";
import type { Prisma, PrismaClient } from "@ree/db";
import type { RunConfigInput } from "@ree/schema/types";

import { ApiError } from "../errors/ApiError.js";
import { readJobSettings } from "../jobs/JobSettings.js";
import { queueRunParts } from "../jobs/runParts.js";
import { isUuid } from "./findOwned.js";
import { QUEUED_PROGRESS } from "./records.js";

/**
 * Records a run with its full config and queues the jobs that execute it, in
 * one transaction: a run is never stored without its jobs, nor the reverse.
 */
export async function startRun(
  prisma: PrismaClient,
  organizationId: string,
  input: RunConfigInput,
) {
  const dataset = isUuid(input.datasetId)
    ? await prisma.dataset.findFirst({ where: { id: input.datasetId, organizationId } })
    : null;
  if (!dataset) {
    throw ApiError.notFound("data set", input.datasetId);
  }

  const columns = dataset.columns as unknown as TableColumn[];
  let config;
  try {
    config = resolveEvaluationConfig(toPartialConfig(input), columns);
    testSize(dataset.sampleCount, config.testFraction);
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) {
      throw ApiError.badInput(`invalid run config: ${error.message}`);
    }

    throw error;
  }

  const { repetitionsPerJob } = readJobSettings();

  return prisma.$transaction(async (tx) => {
    const run = await tx.run.create({
      data: {
        organizationId,
        datasetId: dataset.id,
        name: input.name?.trim() || defaultRunName(config, dataset.name),
        config: config as unknown as Prisma.InputJsonValue,
        progress: { ...QUEUED_PROGRESS, repetitions: config.repetitions },
      },
    });
    await queueRunParts(tx, run, config, repetitionsPerJob);

    return run;
  });
}

function toPartialConfig(input: RunConfigInput): PartialEvaluationConfig {
  const network = input.network ?? {};
  const defined = <T extends object>(value: T) =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));

  return {
    ...defined({
      features: input.features,
      targets: input.targets,
      split: input.split,
      testFraction: input.testFraction,
      repetitions: input.repetitions,
      seed: input.seed,
      models: input.models,
      analyses: input.analyses,
      screeningThreshold: input.screeningThreshold,
      task: input.task,
    }),
    network: defined({ ...network }),
    selection: defined({ ...input.selection }),
  };
}

const MODEL_KIND_NAMES: Readonly<Record<ModelKind, string>> = {
  LINEAR: "linear regression",
  SINGLE_TASK: "single-task network",
  MULTI_TASK: "multi-task network",
};

function defaultRunName(config: EvaluationConfig, datasetName: string): string {
  switch (config.task) {
    case "EVALUATION": {
      const kinds = config.models.map((kind) => MODEL_KIND_NAMES[kind]).join(" and ");

      return `${kinds.charAt(0).toUpperCase()}${kinds.slice(1)} on ${datasetName}`;
    }

    case "FEATURE_ELIMINATION":
      return `Feature elimination (${config.selection.repetitions} repetitions) on ${datasetName}`;
    case "GRID_SEARCH":
      return `Grid search on ${datasetName}`;
  }
}
