import {
  Dataset,
  FeatureEffect,
  FeatureEliminationResult,
  GridSearchResult,
  ModelResult,
  NoiseLevel,
  Run,
  RunConfigInput,
  RunConnection,
  RunFilter,
  RunOrder,
  SamplePrediction,
  ScreeningResult,
  ShapResult,
  TransferResult,
} from "@ree/schema/types";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../context.js";
import { loadersOf } from "../loaders.js";
import { isUuid } from "../services/findOwned.js";
import {
  type ModelResultRecord,
  type RunResultsRecord,
  toDataset,
  toRun,
} from "../services/records.js";
import { DEFAULT_RUN_PAGE, runPage } from "../services/runPage.js";
import { startRun } from "../services/startRun.js";
import { toTransferResult } from "../services/transferResult.js";

/** A ModelResult that carries what its predictions field resolver needs. */
type ModelResultSource = ModelResult & {
  record: ModelResultRecord;
  labels: string[];
  measured: number[][];
  features: string[];
  targets: string[];
};

@Resolver(() => Run)
export class RunResolver {
  @Query(() => RunConnection, { description: "Runs, one page at a time; newest first by default." })
  runs(
    @Arg("first", () => Int, { defaultValue: DEFAULT_RUN_PAGE, description: "At most 500." })
    first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("orderBy", () => RunOrder, { nullable: true }) orderBy: RunOrder | null,
    @Arg("filter", () => RunFilter, { nullable: true }) filter: RunFilter | null,
    @Ctx() { prisma, organizationId }: Context,
  ): Promise<RunConnection> {
    return runPage(prisma, organizationId, {
      first,
      after: after ?? null,
      orderBy: orderBy ?? null,
      filter: filter ?? null,
    });
  }

  @Query(() => Run, { nullable: true })
  async run(@Arg("id", () => ID) id: string, @Ctx() { prisma }: Context): Promise<Run | null> {
    const row = isUuid(id)
      ? await prisma.run.findFirst({ where: { id }, omit: { results: true } })
      : null;

    return row ? toRun({ ...row, results: null }) : null;
  }

  @FieldResolver(() => Dataset, {
    nullable: true,
    description:
      "Null when the caller can no longer read it: the run was trained on a data set shared " +
      "with its organisation, and that share was revoked.",
  })
  async dataset(@Root() run: Run, @Ctx() context: Context): Promise<Dataset | null> {
    const { datasetId } = run as Run & { datasetId: string };
    const row = await loadersOf(context).datasets.load(datasetId);

    return row ? toDataset(row) : null;
  }

  @FieldResolver(() => [ModelResult], { description: "Empty until the run succeeds." })
  async results(@Root() run: Run, @Ctx() context: Context): Promise<ModelResultSource[]> {
    const results = await loadResults(context, run.id);

    return (results?.models ?? []).map((record) => ({
      kind: record.kind,
      modelId: record.modelId,
      secondsPerTraining: record.secondsPerTraining,
      metrics: record.metrics,
      record,
      labels: results?.labels ?? [],
      measured: results?.measured ?? [],
      features: run.config.features,
      targets: run.config.targets,
    }));
  }

  @FieldResolver(() => FeatureEliminationResult, {
    nullable: true,
    description: "Null unless the run is a finished FEATURE_ELIMINATION.",
  })
  async featureElimination(
    @Root() run: Run,
    @Ctx() context: Context,
  ): Promise<FeatureEliminationResult | null> {
    return (await loadResults(context, run.id))?.featureElimination ?? null;
  }

  @FieldResolver(() => GridSearchResult, {
    nullable: true,
    description: "Null unless the run is a finished GRID_SEARCH.",
  })
  async gridSearch(@Root() run: Run, @Ctx() context: Context): Promise<GridSearchResult | null> {
    return (await loadResults(context, run.id))?.gridSearch ?? null;
  }

  @FieldResolver(() => TransferResult, {
    nullable: true,
    description: "Null unless the run is a finished TRANSFER.",
  })
  async transfer(@Root() run: Run, @Ctx() context: Context): Promise<TransferResult | null> {
    const results = await loadResults(context, run.id);

    return results?.transfer ? toTransferResult(results.transfer, results.labels) : null;
  }

  @Mutation(() => Run, {
    description: "Records a run and queues it; returns at once, before any training.",
  })
  async startRun(
    @Arg("config", () => RunConfigInput) config: RunConfigInput,
    @Ctx() { prisma, organizationId, logger }: Context,
  ): Promise<Run> {
    const row = await startRun(prisma, organizationId, config);
    logger.info({ runId: row.id, datasetId: row.datasetId }, "run queued");

    return toRun(row);
  }
}

async function loadResults(context: Context, runId: string): Promise<RunResultsRecord | null> {
  return (await loadersOf(context).runResults.load(runId)) as RunResultsRecord | null;
}

@Resolver(() => ModelResult)
export class ModelResultResolver {
  @FieldResolver(() => [SamplePrediction], {
    description: "Measured and predicted values of one target, for every sample and repetition.",
  })
  predictions(
    @Root() result: ModelResultSource,
    @Arg("target", () => String, {
      nullable: true,
      description: "Target column; default the run's first target (the total REE).",
    })
    target: string | null | undefined,
  ): SamplePrediction[] {
    const index = target ? result.targets.indexOf(target) : 0;
    if (index < 0) {
      return [];
    }

    return result.record.predictions.map((prediction) => ({
      sampleLabel: result.labels[prediction.sample] ?? String(prediction.sample),
      repetition: prediction.repetition,
      split: prediction.split,
      measured: result.measured[prediction.sample]?.[index] ?? NaN,
      predicted: prediction.values[index] ?? NaN,
    })) as SamplePrediction[];
  }

  @FieldResolver(() => ShapResult, {
    nullable: true,
    description: "Null unless the run asked for SHAP.",
  })
  shap(@Root() result: ModelResultSource): ShapResult | null {
    const shap = result.record.analyses?.shap;
    if (!shap) {
      return null;
    }

    return {
      method: shap.method,
      expectedValue: shap.expectedValue,
      features: result.features,
      importance: shap.importance,
      samples: shap.values.map((values, i) => ({
        sampleLabel: result.labels[i] ?? String(i),
        values,
        featureValues: shap.featureValues[i] ?? [],
      })),
    };
  }

  @FieldResolver(() => [FeatureEffect], {
    nullable: true,
    description: "Null unless the run asked for FEATURE_EFFECTS.",
  })
  featureEffects(@Root() result: ModelResultSource): FeatureEffect[] | null {
    const effects = result.record.analyses?.featureEffects;

    return (
      effects?.effects.map(({ feature, grid, mean, sd }) => ({
        feature: result.features[feature] ?? String(feature),
        referenceValue: effects.reference[feature] ?? NaN,
        grid,
        mean,
        sd,
      })) ?? null
    );
  }

  @FieldResolver(() => [NoiseLevel], {
    nullable: true,
    description: "Null unless the run asked for NOISE.",
  })
  noise(@Root() result: ModelResultSource): NoiseLevel[] | null {
    return result.record.analyses?.noise?.levels ?? null;
  }

  @FieldResolver(() => ScreeningResult, {
    nullable: true,
    description: "Null unless the run asked for SCREENING.",
  })
  screening(@Root() result: ModelResultSource): ScreeningResult | null {
    const screening = result.record.analyses?.screening;
    if (!screening) {
      return null;
    }

    const metric = ({ value, reason }: { value: number | null; reason?: string }) => ({
      value,
      reason: reason ?? null,
    });

    return {
      threshold: screening.threshold,
      confusion: screening.confusion,
      iou: metric(screening.iou),
      precision: metric(screening.precision),
      recall: metric(screening.recall),
      accuracy: metric(screening.accuracy),
      averagePrecision: metric(screening.averagePrecision),
      curve: screening.curve.map(({ decisionThreshold, precision, recall }) => ({
        decisionThreshold,
        precision: metric(precision),
        recall: metric(recall),
      })),
    };
  }
}
