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
 * The run, and the models it trains, belong to the caller's organisation, also
 * when the data set is another's shared with it.
 */
export async function startRun(
  prisma: PrismaClient,
  organizationId: string,
  input: RunConfigInput,
) {
  const dataset = await findRunnableDataset(prisma, organizationId, input.datasetId);
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

/**
 * Finds a data set the organisation may train on: its own, or one shared with the whole
 * organisation. The worker reads the samples as the organisation, without the user's teams, so
 * a data set shared with a team only would be invisible to it.
 */
async function findRunnableDataset(prisma: PrismaClient, organizationId: string, id: string) {
  // Row-level security finds the organisation's own data sets and those shared with it.
  const dataset = isUuid(id) ? await prisma.dataset.findFirst({ where: { id } }) : null;
  if (!dataset) {
    throw ApiError.notFound("data set", id);
  }

  const sharedWithOrganization =
    dataset.organizationId === organizationId ||
    (await prisma.share.count({
      where: { datasetId: id, granteeOrganizationId: organizationId },
    })) > 0;
  if (!sharedWithOrganization) {
    throw ApiError.badInput(
      `data set "${id}" is shared with one of your teams only, and runs execute for the whole ` +
        "organisation; ask its owner to share it with your organisation",
    );
  }

  return dataset;
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

/**
 * Finds the parent model of a TRANSFER run: the organisation's own, or one shared with the
 * whole organisation, READ or WRITE, since the run fine-tunes a copy and leaves the parent as
 * it is. The worker reads the parent as the organisation, without the user's teams, so a model
 * shared with a team only would be invisible to it.
 */
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

  // Row-level security finds the organisation's own models and those shared with it.
  const parent = isUuid(id)
    ? await prisma.model.findFirst({
        where: { id },
        select: { id: true, name: true, artifact: true, organizationId: true },
      })
    : null;
  if (!parent) {
    throw ApiError.notFound("model", id);
  }

  const sharedWithOrganization =
    parent.organizationId === organizationId ||
    (await prisma.share.count({ where: { modelId: id, granteeOrganizationId: organizationId } })) >
      0;
  if (!sharedWithOrganization) {
    throw ApiError.badInput(
      `model "${id}" is shared with one of your teams only, and runs execute for the whole ` +
        "organisation; ask its owner to share it with your organisation",
    );
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
