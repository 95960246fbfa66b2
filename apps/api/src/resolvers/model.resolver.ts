import {
  Model,
  ModelConnection,
  ModelKind,
  Prediction,
  PredictArgs,
  PredictionColumns,
} from "@ree/schema/types";
import type { ModelArtifact } from "@ree/core-ml";
import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";

import type { Context } from "../context.js";
import { ApiError } from "../errors/ApiError.js";
import { isUuid } from "../services/findOwned.js";
import {
  DEFAULT_LIST_PAGE,
  newestFirstConnection,
  newestFirstQuery,
} from "../services/newestFirstPage.js";
import { nameFilter } from "../services/nameFilter.js";
import { predict, predictColumns } from "../services/predict.js";
import { STUDY_ENSEMBLE_NAME } from "../seed/seedStudyModels.js";
import { toModel } from "../services/records.js";

/** Artifacts already reported as lacking a domain, so that the warning is logged once per model. */
const modelsWithoutDomain = new WeakSet<ModelArtifact>();

@Resolver(() => Model)
export class ModelResolver {
  @Query(() => ModelConnection, {
    description: "Trained models, one page at a time, newest first.",
  })
  async models(
    @Ctx() { prisma }: Context,
    @Arg("first", () => Int, { defaultValue: DEFAULT_LIST_PAGE, description: "1 to 500." })
    first: number,
    @Arg("after", () => String, { nullable: true, description: "endCursor of the previous page." })
    after: string | null | undefined,
    @Arg("name", () => String, {
      nullable: true,
      description: "Keeps the models whose name contains this text, ignoring case.",
    })
    name: string | null | undefined,
    @Arg("kind", () => ModelKind, { nullable: true, description: "Keeps the models of this kind." })
    kind: ModelKind | null | undefined,
  ): Promise<ModelConnection> {
    // Row-level security keeps the organisation's own models and those shared with it.
    const query = newestFirstQuery("models", first, after ?? null);
    const filter = { ...nameFilter(name), ...(kind ? { kind } : {}) };
    // TODO: let owners pick a default model per organisation; the newest study ensemble is it for now.
    const [rows, totalCount, defaultModel] = await Promise.all([
      prisma.model.findMany({ ...query, where: { ...query.where, ...filter } }),
      prisma.model.count({ where: filter }),
      prisma.model.findFirst({
        where: { runId: null, name: STUDY_ENSEMBLE_NAME },
        orderBy: query.orderBy,
        select: { id: true },
      }),
    ]);

    return newestFirstConnection("models", first, rows, totalCount, (row) =>
      toModel(row, defaultModel?.id ?? null),
    );
  }

  @Query(() => Model, { description: "One model with its format, domain and export paths." })
  async model(@Arg("id", () => ID) id: string, @Ctx() { prisma }: Context): Promise<Model> {
    // Row-level security finds the organisation's own models and those shared with it.
    const row = isUuid(id) ? await prisma.model.findFirst({ where: { id } }) : null;
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
    @Args() { modelId, compositions, screeningThreshold }: PredictArgs,
    @Ctx() context: Context,
  ): Promise<Prediction[]> {
    const artifact = await loadArtifact(modelId, context);

    return predict(artifact, compositions, { screeningThreshold });
  }

  @Mutation(() => PredictionColumns, {
    description:
      "Predicts as `predict` does and returns a list per target; for large batches, such as a " +
      "10,000-row file, which it answers in a fraction of `predict`'s time.",
  })
  async predictColumns(
    @Args() { modelId, compositions, screeningThreshold }: PredictArgs,
    @Ctx() context: Context,
  ): Promise<PredictionColumns> {
    const artifact = await loadArtifact(modelId, context);

    return predictColumns(artifact, compositions, { screeningThreshold });
  }
}

/** Reads a model's artifact for prediction, warning once per model without a training domain. */
async function loadArtifact(modelId: string, { models, logger }: Context): Promise<ModelArtifact> {
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

  return artifact;
}
