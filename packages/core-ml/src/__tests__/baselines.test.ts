import SVM from "libsvm-js/asm.js";
import { describe, expect, it } from "vitest";

import { predictWithPredictor } from "../artifact/predictWithPredictor.js";
import { DEFAULT_BASELINES, resolveBaselineConfig } from "../evaluation/BaselineConfig.js";
import { createMatrix, type Matrix, matrixFromRows, matrixToRows } from "../matrix/Matrix.js";
import { fitGradientBoosting } from "../models/fitGradientBoosting.js";
import { fitRandomForest } from "../models/fitRandomForest.js";
import { fitSupportVectorRegression } from "../models/fitSupportVectorRegression.js";
import { createRandom } from "../random/createRandom.js";

/** Rows of `columns` uniform values in [-1, 1) from a seeded generator. */
function uniformRows(rows: number, columns: number, seed: number): Matrix {
  const random = createRandom(seed);

  return createMatrix(
    rows,
    columns,
    Float64Array.from({ length: rows * columns }, () => 2 * random.next() - 1),
  );
}

function column(x: Matrix, j: number): number[] {
  return matrixToRows(x).map((row) => row[j] ?? NaN);
}

function meanSquaredError(truth: readonly number[], guess: Matrix): number {
  return (
    truth.reduce((sum, value, i) => sum + (value - (guess.data[i] ?? NaN)) ** 2, 0) / truth.length
  );
}

describe("fitRandomForest", () => {
  const x = matrixFromRows(Array.from({ length: 20 }, (_, i) => [i, (i * 7) % 5]));
  // Levels of 0 and 1 with a small ripple: ml-cart refuses a split at the root that leaves
  // no error at all, which only a target of exactly two values can offer.
  const step = column(x, 0).map((value) => (value < 10 ? 0 : 1) + 0.001 * Math.sin(value));
  const forest = { ...DEFAULT_BASELINES.randomForest, trees: 25, seed: 3 };

  it("fits a step exactly without bootstrap samples", () => {
    const predictor = fitRandomForest(x, step, { ...forest, bootstrap: false });

    predictWithPredictor(predictor, x).data.forEach((value, i) => {
      expect(value).toBeCloseTo(step[i] ?? NaN, 12);
    });
  });

  it("fits a step away from its edge with bootstrap samples", () => {
    const predicted = predictWithPredictor(fitRandomForest(x, step, forest), x).data;

    for (const i of [0, 1, 2, 3, 4, 5, 15, 16, 17, 18, 19]) {
      expect(predicted[i]).toBeCloseTo(i < 10 ? 0 : 1, 2);
    }
  });

  it("grows the same forest from the same seed and another from another seed", () => {
    const y = column(x, 0).map((value, i) => Math.sin(value) + i / 10);

    expect(fitRandomForest(x, y, forest)).toEqual(fitRandomForest(x, y, forest));
    expect(fitRandomForest(x, y, { ...forest, seed: 4 })).not.toEqual(
      fitRandomForest(x, y, forest),
    );
  });

  it("maps the columns of each tree's feature draw back to the features", () => {
    const y = column(x, 1);
    const predictor = fitRandomForest(x, y, { ...forest, maxFeatures: 0.5, bootstrap: false });
    const usedFeatures = new Set(predictor.trees.flatMap((tree) => tree.feature));

    expect(predictor.trees.some((tree) => tree.feature[0] === 1)).toBe(true);
    expect([...usedFeatures].every((feature) => feature >= -1 && feature <= 1)).toBe(true);
  });
});

describe("fitGradientBoosting", () => {
  const x = uniformRows(40, 3, 7);
  const y = matrixToRows(x).map(([a = 0, b = 0, c = 0]) => Math.sin(3 * a) + b * c);
  const boosting = { ...DEFAULT_BASELINES.gradientBoosting, seed: 1 };

  it("predicts the training mean with one stump of depth 0", () => {
    const predictor = fitGradientBoosting(x, y, { ...boosting, rounds: 1, maxDepth: 0 });
    const mean = y.reduce((sum, value) => sum + value, 0) / y.length;

    for (const value of predictWithPredictor(predictor, x).data) {
      expect(value).toBeCloseTo(mean, 12);
    }
  });

  it.each([
    { subsample: 1, learningRate: 0.1 },
    { subsample: 0.5, learningRate: 0.3 },
  ])("lowers the training error with more rounds, subsample $subsample", (settings) => {
    const errors = [1, 5, 20, 100].map((rounds) =>
      meanSquaredError(
        y,
        predictWithPredictor(fitGradientBoosting(x, y, { ...boosting, ...settings, rounds }), x),
      ),
    );

    for (let i = 1; i < errors.length; i++) {
      expect(errors[i]).toBeLessThan(errors[i - 1] ?? NaN);
    }
  });

  it("maps each tree's feature order back to the features", () => {
    const third = column(x, 2);
    const predictor = fitGradientBoosting(x, third, { ...boosting, rounds: 5 });
    const splitFeatures = new Set(
      predictor.trees.flatMap((tree) => tree.feature.filter((feature) => feature >= 0)),
    );

    expect([...splitFeatures]).toEqual([2]);
  });

  it("draws the same subsamples from the same seed", () => {
    const options = { ...boosting, subsample: 0.5, rounds: 10 };

    expect(fitGradientBoosting(x, y, options)).toEqual(fitGradientBoosting(x, y, options));
    expect(fitGradientBoosting(x, y, { ...options, seed: 2 })).not.toEqual(
      fitGradientBoosting(x, y, options),
    );
  });
});

describe("fitSupportVectorRegression", () => {
  const x = matrixFromRows(Array.from({ length: 21 }, (_, i) => [-1 + i / 10]));
  const line = column(x, 0).map((value) => 2 * value + 1);
  const svr = {
    ...DEFAULT_BASELINES.svr,
    kernel: "LINEAR" as const,
    cost: 100,
    epsilon: 0.1,
    tolerance: 1e-6,
  };

  it("recovers a line within epsilon with a linear kernel", () => {
    const predictor = fitSupportVectorRegression(x, line, svr);
    const probe = matrixFromRows([[-0.95], [-0.33], [0.21], [0.87]]);
    const predicted = predictWithPredictor(predictor, probe).data;

    column(probe, 0).forEach((value, i) => {
      expect(Math.abs((predicted[i] ?? NaN) - (2 * value + 1))).toBeLessThanOrEqual(0.1 + 1e-6);
    });
  });

  it("keeps only rows on or outside the tube as support vectors", () => {
    const predictor = fitSupportVectorRegression(x, line, { ...svr, epsilon: 0.5 });

    expect(predictor.supportVectors.length).toBeGreaterThan(0);
    expect(predictor.supportVectors.length).toBeLessThan(x.rows);
  });

  it("predicts what libsvm predicts with an RBF kernel", () => {
    const x3 = uniformRows(25, 3, 5);
    const y = matrixToRows(x3).map(([a = 0, b = 0, c = 0]) => a * b - c ** 2);
    const predictor = fitSupportVectorRegression(x3, y, DEFAULT_BASELINES.svr);
    const probe = uniformRows(10, 3, 6);
    const svm = new SVM({
      type: SVM.SVM_TYPES.EPSILON_SVR,
      kernel: SVM.KERNEL_TYPES.RBF,
      gamma: predictor.gamma,
      cost: 1,
      epsilon: 0.1,
      tolerance: 1e-3,
      quiet: true,
    });
    svm.train(matrixToRows(x3), y);
    const expected = matrixToRows(probe).map((row) => svm.predictOne(row));
    svm.free();

    expect(predictor.gamma).toBeCloseTo(1 / (3 * variance(x3.data)), 12);
    Array.from(predictWithPredictor(predictor, probe).data).forEach((value, i) => {
      expect(value).toBeCloseTo(expected[i] ?? NaN, 12);
    });
  });
});

function variance(values: Float64Array): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;

  return values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
}

describe("resolveBaselineConfig", () => {
  it("fills the settings left out with scikit-learn's defaults", () => {
    const config = resolveBaselineConfig({ svr: { cost: 10 } });

    expect(config.svr).toEqual({ ...DEFAULT_BASELINES.svr, cost: 10 });
    expect(config.randomForest.trees).toBe(100);
    expect(config.gradientBoosting).toEqual({
      rounds: 100,
      learningRate: 0.1,
      maxDepth: 3,
      minSamplesSplit: 2,
      subsample: 1,
    });
  });

  it.each([
    [
      { randomForest: { trees: 0 } },
      /baselines\.randomForest\.trees must be an integer of at least 1, got 0/,
    ],
    [
      { gradientBoosting: { subsample: 1.5 } },
      /baselines\.gradientBoosting\.subsample must be a share in \(0, 1\], got 1\.5/,
    ],
    [{ svr: { epsilon: -1 } }, /baselines\.svr\.epsilon must be zero or more, got -1/],
    [
      { svr: { kernel: "POLY" as "RBF" } },
      /baselines\.svr\.kernel must be "RBF" or "LINEAR", got "POLY"/,
    ],
  ])("rejects %j", (partial, message) => {
    expect(() => resolveBaselineConfig(partial)).toThrow(message);
  });
});
