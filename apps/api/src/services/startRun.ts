import {
  type EvaluationConfig,
  type ModelArtifact,
  type ModelKind,
  type PartialEvaluationConfig,
  resolveEvaluationConfig,
  resolveTransferConfig,
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
  const parent =
    input.task === "TRANSFER" ? await findParentModel(prisma, organizationId, input) : null;
  let config;
  try {
    if (parent) {
      const artifact = parent.artifact as unknown as ModelArtifact;
      config = resolveTransferConfig(
        toPartialConfig(input),
        columns,
        artifact,
        dataset.sampleCount,
      );
    } else {
      config = resolveEvaluationConfig(toPartialConfig(input), columns);
      testSize(dataset.sampleCount, config.testFraction);
    }
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) {
      throw ApiError.badInput(`invalid run config: ${error.message}`);
    }

    throw error;
  }

  const settings = readJobSettings();

  return prisma.$transaction(async (tx) => {
    const run = await tx.run.create({
      data: {
        organizationId,
        datasetId: dataset.id,
        datasetVersionId: dataset.latestVersionId,
        name: input.name?.trim() || defaultRunName(config, dataset.name, parent?.name),
        config: config as unknown as Prisma.InputJsonValue,
        parentModelId: parent?.id ?? null,
        progress: { ...QUEUED_PROGRESS, repetitions: config.repetitions },
      },
    });
    await queueRunParts(tx, run, config, settings);

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
    ...(input.transfer && { transfer: defined({ ...input.transfer }) }),
  };
}

/** Finds the parent model of a TRANSFER run in the caller's organisation. */
async function findParentModel(
  prisma: PrismaClient,
  organizationId: string,
  input: RunConfigInput,
): Promise<{ id: string; name: string; artifact: unknown }> {
  const id = input.transfer?.parentModelId;
  if (!id) {
    throw ApiError.badInput(
      "invalid run config: transfer.parentModelId is missing; a TRANSFER run needs the model to transfer",
    );
  }

  const parent = isUuid(id)
    ? await prisma.model.findFirst({
        where: { id, organizationId },
        select: { id: true, name: true, artifact: true },
      })
    : null;
  if (!parent) {
    throw ApiError.notFound("model", id);
  }

  return parent;
}

const MODEL_KIND_NAMES: Readonly<Record<ModelKind, string>> = {
  LINEAR: "linear regression",
  SINGLE_TASK: "single-task network",
  MULTI_TASK: "multi-task network",
  RANDOM_FOREST: "random forest",
  GRADIENT_BOOSTING: "gradient boosting",
  SVR: "SVR",
};

function defaultRunName(
  config: EvaluationConfig,
  datasetName: string,
  parentName = "a model",
): string {
  switch (config.task) {
    case "EVALUATION": {
      const kinds = config.models.map((kind) => MODEL_KIND_NAMES[kind]).join(" and ");

      return `${kinds.charAt(0).toUpperCase()}${kinds.slice(1)} on ${datasetName}`;
    }

    case "FEATURE_ELIMINATION":
      return `Feature elimination (${config.selection.repetitions} repetitions) on ${datasetName}`;
    case "GRID_SEARCH":
      return `Grid search on ${datasetName}`;
    case "TRANSFER":
      return `Transfer of ${parentName} to ${datasetName}`;
  }
}
