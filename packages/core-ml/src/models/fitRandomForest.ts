import type { DecisionTreeRegression } from "ml-cart";
import { RandomForestRegression } from "ml-random-forest";

import type { TreeEnsemblePredictor } from "../artifact/ModelArtifact.js";
import type { RandomForestConfig } from "../evaluation/BaselineConfig.js";
import { matrixToRows, type Matrix } from "../matrix/Matrix.js";
import { cartTreeOptions } from "./cartTreeOptions.js";
import { flattenCartTree } from "./flattenCartTree.js";

export interface RandomForestOptions extends RandomForestConfig {
  /** Seed of the bootstrap samples and feature draws. */
  seed: number;
}

/**
 * Fits a random forest regressor to one target with ml-random-forest. Every tree grows on
 * a bootstrap sample, and the forest predicts the mean of its trees.
 * @see https://scikit-learn.org/1.3/modules/generated/sklearn.ensemble.RandomForestRegressor.html
 */
export function fitRandomForest(
  x: Matrix,
  y: ArrayLike<number>,
  options: RandomForestOptions,
): TreeEnsemblePredictor {
  const { trees, maxDepth, minSamplesSplit, maxFeatures, bootstrap, seed } = options;
  const featureCount = Math.max(1, Math.floor(maxFeatures * x.columns));
  const forest = new RandomForestRegression({
    nEstimators: trees,
    // ml-random-forest reads any number in (0, 1] as a share, so a count of 1 would mean every
    // feature. It floors share x features, and half a feature more keeps that floor exact.
    maxFeatures: featureCount === x.columns ? 1 : (featureCount + 0.5) / x.columns,
    replacement: false,
    useSampleBagging: bootstrap,
    noOOB: true,
    seed,
    treeOptions: cartTreeOptions({ maxDepth, minSamplesSplit }),
  });
  forest.train(matrixToRows(x), Array.from(y));

  const estimators = (forest.estimators ?? []) as unknown as DecisionTreeRegression[];
  const columns = forest.indexes ?? [];

  return {
    type: "trees",
    intercept: 0,
    scale: 1 / estimators.length,
    trees: estimators.map((estimator, i) => flattenCartTree(estimator.root, columns[i])),
  };
}
