import type { NetworkPredictor } from "../artifact/ModelArtifact.js";
import { predictWithPredictor } from "../artifact/predictWithPredictor.js";
import { maeOverMean, meanAbsolutePercentageError } from "../evaluation/metrics.js";
import { getColumn, type Matrix, selectColumns, selectRows } from "../matrix/Matrix.js";
import { fitLinearRegression } from "../models/fitLinearRegression.js";
import type { NetworkOptions } from "../network/NetworkEngine.js";
import { fitStandardScaler, scaleMatrix, unscaleMatrix } from "../preprocessing/standardScaler.js";

/** Trains many networks at once; `trainNetworks` of the fused engine fits this type. */
export type TrainMany = (
  jobs: readonly { x: Matrix; y: Matrix; options: NetworkOptions }[],
) => Promise<NetworkPredictor[]>;

export type SelectionModel = "LINEAR" | "NETWORK";
export type SelectionMetric = "MAPE" | "MAE_OVER_MEAN";

/** One model to fit on `fitRows` with `features` and to score on `validationRows`. */
export interface FeatureSetCandidate {
  features: readonly number[];
  fitRows: readonly number[];
  validationRows: readonly number[];
  /** Network settings; ignored by the linear model. */
  network: Omit<NetworkOptions, "lossWeights">;
}

export interface ScoreContext {
  /** Feature columns of every row. */
  x: Matrix;
  /** The single target of every row. */
  y: Matrix;
  model: SelectionModel;
  metric: SelectionMetric;
  trainMany: TrainMany;
}

/**
 * Fits each candidate on its fit rows, with scalers fitted on those rows only,
 * and returns its validation error in %. Networks of all candidates train in one
 * call, so an engine that trains many networks at once can interleave them.
 */
export async function scoreFeatureSets(
  candidates: readonly FeatureSetCandidate[],
  context: ScoreContext,
): Promise<number[]> {
  const prepared = candidates.map((candidate) => prepare(candidate, context));
  const predictors =
    context.model === "LINEAR"
      ? prepared.map(({ x, y }) => fitLinearRegression(x, y))
      : await context.trainMany(
          prepared.map(({ x, y }, i) => ({
            x,
            y,
            options: { ...(candidates[i] as FeatureSetCandidate).network, lossWeights: [1] },
          })),
        );

  return prepared.map(({ validationX, validationY, targetScaler }, i) => {
    const predictor = predictors[i];
    if (predictor === undefined) {
      throw new Error(`the trainer returned no predictor for candidate ${i}`);
    }

    const predicted = unscaleMatrix(predictWithPredictor(predictor, validationX), targetScaler);
    const error =
      context.metric === "MAPE"
        ? meanAbsolutePercentageError(getColumn(validationY, 0), getColumn(predicted, 0))
        : maeOverMean(getColumn(validationY, 0), getColumn(predicted, 0));

    return error ?? Number.POSITIVE_INFINITY;
  });
}

function prepare(candidate: FeatureSetCandidate, context: ScoreContext) {
  const features = selectColumns(context.x, candidate.features);
  const fitX = selectRows(features, candidate.fitRows);
  const fitY = selectRows(context.y, candidate.fitRows);
  const featureScaler = fitStandardScaler(fitX);
  const targetScaler = fitStandardScaler(fitY);

  return {
    x: scaleMatrix(fitX, featureScaler),
    y: scaleMatrix(fitY, targetScaler),
    validationX: scaleMatrix(selectRows(features, candidate.validationRows), featureScaler),
    validationY: selectRows(context.y, candidate.validationRows),
    targetScaler,
  };
}
