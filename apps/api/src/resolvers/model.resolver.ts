import { CompositionInput, Model, Prediction } from "@ree/schema/types";
import type { ModelArtifact } from "@ree/core-ml";
import { Arg, Ctx, Float, ID, Mutation, Query, Resolver } from "type-graphql";

import type { Context } from "../context.js";
import { ApiError } from "../errors/ApiError.js";
import { isUuid } from "../services/findOwned.js";
import { predict } from "../services/predict.js";
import { STUDY_ENSEMBLE_NAME } from "../seed/seedStudyModels.js";
import { toModel } from "../services/records.js";

/** Artifacts already reported as lacking a domain, so that the warning is logged once per model. */
const modelsWithoutDomain = new WeakSet<ModelArtifact>();

@Resolver(() => Model)
export class ModelResolver {
  @Query(() => [Model], { description: "Trained models, newest first." })
  async models(@Ctx() { prisma }: Context): Promise<Model[]> {
    // Row-level security keeps the organisation's own models and those shared with it.
    const rows = await prisma.model.findMany({
      orderBy: { createdAt: "desc" },
    });

    // TODO: let owners pick a default model per organisation; the study ensemble is it for now.
    const defaultModel = rows.find((row) => row.runId === null && row.name === STUDY_ENSEMBLE_NAME);

    return rows.map((row) => toModel(row, defaultModel?.id ?? null));
  }

  @Query(() => [Model], {
    description: "Trained models, newest first, as a plain list with their details.",
  })
  async modelList(@Ctx() { prisma, organizationId }: Context): Promise<Model[]> {
    const rows = await prisma.model.findMany({
      where: { organizationId },
      orderBy: { createdAt: "desc" },
    });
    const defaultModel = rows.find((row) => row.runId === null && row.name === STUDY_ENSEMBLE_NAME);

    return rows.map((row) => toModel(row, defaultModel?.id ?? null));
  }

  @Query(() => Model, { description: "One model with its format, domain and export paths." })
  async model(
    @Arg("id", () => ID) id: string,
    @Ctx() { prisma, organizationId }: Context,
  ): Promise<Model> {
    const row = isUuid(id) ? await prisma.model.findFirst({ where: { id, organizationId } }) : null;
    if (!row) {
      throw ApiError.notFound("model", id);
    }

    const isDefault = row.runId === null && row.name === STUDY_ENSEMBLE_NAME;

    return toModel(row, isDefault ? row.id : null);
  }

  @Mutation(() => [Prediction], {
    description:
      "Predicts the REE contents of each composition with a model's ensemble, with the " +
      "screening class and the reasons a composition is outside the training domain.",
  })
  async predict(
    @Arg("modelId", () => ID) modelId: string,
    @Arg("compositions", () => [CompositionInput]) compositions: CompositionInput[],
    @Ctx() { models, logger }: Context,
    @Arg("screeningThreshold", () => Float, {
      nullable: true,
      description: "Threshold of the screening class in the target unit; default the model's own.",
    })
    screeningThreshold?: number | null,
  ): Promise<Prediction[]> {
    if (!isUuid(modelId)) {
      throw ApiError.notFound("model", modelId);
    }

    const artifact = await models.get(modelId);
    if (!artifact.domain && !modelsWithoutDomain.has(artifact)) {
      modelsWithoutDomain.add(artifact);
      logger.warn(
        { modelId },
        "model has no training domain (format version 1); its predictions carry no domain warnings",
      );
    }

    return predict(artifact, compositions, { screeningThreshold });
  }
}
