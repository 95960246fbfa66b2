import { describe, expect, it } from "vitest";

import { computeFeatureEffects } from "../analysis/computeFeatureEffects.js";
import type { PredictFunction } from "../analysis/PredictFunction.js";
import { predictWithArtifact } from "../artifact/predictWithArtifact.js";
import { createMatrix, matrixFromRows } from "../matrix/Matrix.js";
import { importTorchEnsemble } from "../pretrained/importTorchEnsemble.js";
import { readDataFile } from "./fixtures.js";

const coefficients = [2, -3, 0.5];

/** y = 1 + 2 x0 - 3 x1 + 0.5 x2, one output. */
const linear: PredictFunction = (x) => {
  const out = createMatrix(x.rows, 1);
  for (let i = 0; i < x.rows; i++) {
    let sum = 1;
    coefficients.forEach((c, j) => {
      sum += c * (x.data[i * x.columns + j] ?? NaN);
    });
    out.data[i] = sum;
  }

  return out;
};

// Columns chosen so that numpy.percentile gives round numbers. Column 0 has p20 1.8, p50 3
// and p80 4.2, column 1 has p50 30, and column 2 has p50 -1.
const data = matrixFromRows([
  [1, 10, -1],
  [2, 20, -1],
  [3, 30, -1],
  [4, 40, 5],
  [5, 50, -3],
]);

describe("computeFeatureEffects", () => {
  it("holds the other features at their medians", () => {
    const { reference, members } = computeFeatureEffects(linear, data);

    expect(reference).toEqual([3, 30, -1]);
    expect(members).toBe(1);
  });

  it("spans the 20th to 80th percentile", () => {
    const { effects } = computeFeatureEffects(linear, data, { points: 5, features: [0] });
    const [effect] = effects;

    expect(effects).toHaveLength(1);
    expect(effect?.feature).toBe(0);
    expect(effect?.grid).toHaveLength(5);
    expect(effect?.grid[0]).toBeCloseTo(1.8, 12);
    expect(effect?.grid[2]).toBeCloseTo(3, 12);
    expect(effect?.grid[4]).toBeCloseTo(4.2, 12);
  });

  it("follows the slope of a linear model", () => {
    const { effects } = computeFeatureEffects(linear, data, { points: 4 });
    const atReference = 1 + 2 * 3 - 3 * 30 + 0.5 * -1;

    for (const { feature, grid, mean, sd } of effects) {
      const reference = [3, 30, -1][feature] ?? NaN;
      grid.forEach((value, k) => {
        const expected = atReference + (coefficients[feature] ?? NaN) * (value - reference);
        expect(mean[k]).toBeCloseTo(expected, 10);
        expect(sd[k]).toBeNull();
      });
    }
  });

  it("honours custom percentiles", () => {
    const { effects } = computeFeatureEffects(linear, data, {
      features: [1],
      points: 2,
      lowerPercentile: 0,
      upperPercentile: 100,
    });

    expect(effects[0]?.grid).toEqual([10, 50]);
  });

  it.each([
    {
      case: "one point",
      options: { points: 1 },
      message: /points must be an integer at least 2, got 1/,
    },
    {
      case: "feature out of range",
      options: { features: [3] },
      message: /features\[0\] must be an integer in \[0, 2\], got 3/,
    },
    {
      case: "percentiles reversed",
      options: { lowerPercentile: 90, upperPercentile: 10 },
      message: /lowerPercentile must not exceed upperPercentile, got 90 and 10/,
    },
    {
      case: "percentile above 100",
      options: { upperPercentile: 120 },
      message: /upperPercentile must be a number in \[0, 100\], got 120/,
    },
  ])("rejects $case", ({ options, message }) => {
    expect(() => computeFeatureEffects(linear, data, options)).toThrow(message);
  });
});

describe("computeFeatureEffects on an ensemble", () => {
  const ensemble = importTorchEnsemble(
    JSON.parse(readDataFile("pretrained/study_ensemble_30.json")),
  );
  const compositions = matrixFromRows([
    [14.36, 26.88, 2.5, 7.41, 1.19, 0.44],
    [11.54, 27.43, 2.41, 8.74, 1.01, 0.57],
    [20.1, 5.2, 6.3, 2.2, 1.3, 0.1],
    [16.2, 12.4, 4.1, 4.0, 0.9, 0.2],
  ]);

  it("reports mean and sd over members", () => {
    const { effects, reference, members } = computeFeatureEffects(ensemble, compositions, {
      features: [1],
      points: 3,
    });
    const effect = effects[0];
    const rows = createMatrix(3, 6);
    effect?.grid.forEach((value, k) => {
      rows.data.set(reference, k * 6);
      rows.data[k * 6 + 1] = value;
    });
    const expected = predictWithArtifact(ensemble, rows);

    expect(members).toBe(30);
    for (let k = 0; k < 3; k++) {
      expect(effect?.mean[k]).toBeCloseTo(expected.mean.data[k * 17] ?? NaN, 9);
      expect(effect?.sd[k]).toBeCloseTo(expected.sd.data[k * 17] ?? NaN, 9);
    }
  });

  it("rejects data with other feature columns", () => {
    expect(() => computeFeatureEffects(ensemble, createMatrix(2, 5))).toThrow(
      /data must have the model's 6 feature columns \(Al2O3_mol_pct, .*\), got 5/,
    );
  });
});
