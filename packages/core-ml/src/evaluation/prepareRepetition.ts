import { getColumn, type Matrix, selectRows } from "../matrix/Matrix.js";
import {
  fitStandardScaler,
  scaleMatrix,
  type StandardScaler,
} from "../preprocessing/standardScaler.js";
import { createRandom } from "../random/createRandom.js";
import { randomSplit } from "../split/randomSplit.js";
import type { Split } from "../split/Split.js";
import { stratifiedSplit } from "../split/stratifiedSplit.js";
import type { EvaluationConfig } from "./EvaluationConfig.js";

/** One repetition's split and the training rows scaled with scalers fitted on them alone. */
export interface Repetition {
  split: Split;
  featureScaler: StandardScaler;
  targetScaler: StandardScaler;
  scaledX: Matrix;
  scaledY: Matrix;
  /** Targets of the training rows in their own units, for mean loss weights. */
  yTrain: Matrix;
  seed: number;
}

export function prepareRepetition(
  x: Matrix,
  y: Matrix,
  config: EvaluationConfig,
  seed: number,
): Repetition {
  const split = drawSplit(y, config, seed);
  const xTrain = selectRows(x, split.train);
  const yTrain = selectRows(y, split.train);
  const featureScaler = fitStandardScaler(xTrain);
  const targetScaler = fitStandardScaler(yTrain);

  return {
    split,
    featureScaler,
    targetScaler,
    scaledX: scaleMatrix(xTrain, featureScaler),
    scaledY: scaleMatrix(yTrain, targetScaler),
    yTrain,
    seed,
  };
}

function drawSplit(y: Matrix, config: EvaluationConfig, seed: number): Split {
  const random = createRandom(seed);
  const { testFraction } = config;

  return config.split === "STRATIFIED"
    ? stratifiedSplit(getColumn(y, 0), random, { testFraction })
    : randomSplit(y.rows, random, { testFraction });
}
