import { CompositionInput, Model, Prediction } from "@ree/schema/types";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";

import type { Context } from "../context.js";
import { ApiError } from "../errors/ApiError.js";
import { isUuid } from "../services/findOwned.js";
import { predict } from "../services/predict.js";
import { STUDY_ENSEMBLE_NAME } from "../seed/seedStudyModels.js";
import { toModel } from "../services/records.js";

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

  @Mutation(() => [Prediction], {
    description: "Predicts the REE contents of each composition with a model's ensemble.",
  })
  async predict(
    @Arg("modelId", () => ID) modelId: string,
    @Arg("compositions", () => [CompositionInput]) compositions: CompositionInput[],
    @Ctx() { models }: Context,
  ): Promise<Prediction[]> {
    if (!isUuid(modelId)) {
      throw ApiError.notFound("model", modelId);
    }

    const artifact = await models.get(modelId);

    return predict(artifact, compositions);
  }
}
