import { DecisionTreeRegression } from "ml-cart";

import type { TreeEnsemblePredictor } from "../artifact/ModelArtifact.js";
import type { GradientBoostingConfig } from "../evaluation/BaselineConfig.js";
import { matrixToRows, type Matrix } from "../matrix/Matrix.js";
import { createRandom, shuffle } from "../random/createRandom.js";
import { cartTreeOptions } from "./cartTreeOptions.js";
import { flattenCartTree } from "./flattenCartTree.js";

export interface GradientBoostingOptions extends GradientBoostingConfig {
  /** Seed of the row subsamples and feature orders. */
  seed: number;
}

/**
 * Fits gradient-boosted regression trees to one target with squared error, as scikit-learn's
 * GradientBoostingRegressor does. It starts from the mean, fits each round's tree to the
 * residuals of a row subsample, and adds that tree times the learning rate.
 * Each tree gets the features in a new random order, because ml-cart keeps the first of
 * tied splits and scikit-learn a random one. Ties are common on few rows: on the bundled
 * US data (8 training rows), reversing a fixed order moved the mean test MAPE from 13 to 39 %.
 * The loop runs over ml-cart's trees because no maintained JavaScript library offers
 * gradient boosting.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.ensemble.GradientBoostingRegressor.html
 */
export function fitGradientBoosting(
  x: Matrix,
  y: ArrayLike<number>,
  options: GradientBoostingOptions,
): TreeEnsemblePredictor {
  const { rounds, learningRate, maxDepth, minSamplesSplit, subsample, seed } = options;
  const rows = matrixToRows(x);
  const targets = Array.from(y);
  const intercept = targets.reduce((sum, value) => sum + value, 0) / targets.length;
  const fitted = targets.map(() => intercept);
  const random = createRandom(seed);
  const allRows = rows.map((_, i) => i);
  const allFeatures = Array.from({ length: x.columns }, (_, j) => j);
  const inBag = Math.max(1, Math.floor(subsample * rows.length));

  const trees = Array.from({ length: rounds }, () => {
    const sample = subsample < 1 ? shuffle(allRows, random).slice(0, inBag) : allRows;
    const order = shuffle(allFeatures, random);
    const permuted = rows.map((row) => order.map((j) => row[j] ?? NaN));
    const tree = new DecisionTreeRegression(cartTreeOptions({ maxDepth, minSamplesSplit }));
    tree.train(
      sample.map((i) => permuted[i] ?? []),
      sample.map((i) => (targets[i] ?? NaN) - (fitted[i] ?? NaN)),
    );
    tree.predict(permuted).forEach((step, i) => {
      fitted[i] = (fitted[i] ?? NaN) + learningRate * step;
    });

    return flattenCartTree(tree.root, order);
  });

  return { type: "trees", intercept, scale: learningRate, trees };
}
