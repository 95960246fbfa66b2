import { describe, expect, it } from "vitest";

import { computeNoiseSensitivity } from "../analysis/computeNoiseSensitivity.js";
import { fitNormal } from "../analysis/fitNormal.js";
import type { PredictFunction } from "../analysis/PredictFunction.js";
import { createMatrix, matrixFromRows } from "../matrix/Matrix.js";
import { importTorchEnsemble } from "../pretrained/importTorchEnsemble.js";
import { readDataFile } from "./fixtures.js";

const coefficients = [3, -1, 0.5];

/** y = 10 + 3 x0 - x1 + 0.5 x2, one output. */
const linear: PredictFunction = (x) => {
  const out = createMatrix(x.rows, 1);
  for (let i = 0; i < x.rows; i++) {
    let sum = 10;
    coefficients.forEach((c, j) => {
      sum += c * (x.data[i * x.columns + j] ?? NaN);
    });
    out.data[i] = sum;
  }

  return out;
};

const sample = matrixFromRows([[20, 40, -8]]);

describe("computeNoiseSensitivity", () => {
  it("matches the analytic sd for a linear model", () => {
    // The change is sum_j c_j * (p / 100) |x_j| z_j, so its sd is
    // (p / 100) sqrt(sum_j (c_j x_j)^2) = (p / 100) sqrt(3600 + 1600 + 16) = 0.7222 p.
    const { levels } = computeNoiseSensitivity(linear, sample, {
      noisePercents: [2, 4],
      draws: 20_000,
      seed: 5,
    });

    for (const { noisePercent, fit, changes } of levels) {
      const sd = (noisePercent / 100) * Math.sqrt(3600 + 1600 + 16);
      expect(changes.rows).toBe(1);
      expect(changes.columns).toBe(20_000);
      expect(fit.count).toBe(20_000);
      // The standard error of the sd estimate is sd / sqrt(2n) = 0.5 %, so 2 % is 4 SE.
      expect(Math.abs(fit.sd / sd - 1)).toBeLessThan(0.02);
      // The standard error of the mean is sd / sqrt(n), so this bound is 4 SE.
      expect(Math.abs(fit.mean)).toBeLessThan((4 * sd) / Math.sqrt(20_000));
    }
  });

  it("returns zero change without noise", () => {
    const { levels } = computeNoiseSensitivity(linear, sample, { noisePercents: [0], draws: 3 });

    expect(Array.from(levels[0]?.changes.data ?? [])).toEqual([0, 0, 0]);
    expect(levels[0]?.fit).toEqual({ mean: 0, sd: 0, count: 3 });
  });

  it("repeats with a seed and varies with another", () => {
    const first = computeNoiseSensitivity(linear, sample, { draws: 4, seed: 1 });
    const second = computeNoiseSensitivity(linear, sample, { draws: 4, seed: 1 });
    const other = computeNoiseSensitivity(linear, sample, { draws: 4, seed: 2 });

    expect(second.levels[1]?.fit).toEqual(first.levels[1]?.fit);
    expect(other.levels[1]?.fit.mean).not.toBe(first.levels[1]?.fit.mean);
  });

  it("defaults to 2 % and 4 % noise", () => {
    const { levels, draws, output } = computeNoiseSensitivity(linear, sample);

    expect(levels.map((level) => level.noisePercent)).toEqual([2, 4]);
    expect(draws).toBe(1);
    expect(output).toBe(0);
  });

  it("lays out changes as samples x (draws x members)", () => {
    const ensemble = importTorchEnsemble(
      JSON.parse(readDataFile("pretrained/study_ensemble_30.json")),
    );
    const compositions = matrixFromRows([
      [14.36, 26.88, 2.5, 7.41, 1.19, 0.44],
      [11.54, 27.43, 2.41, 8.74, 1.01, 0.57],
    ]);
    const { levels, members } = computeNoiseSensitivity(ensemble, compositions, { draws: 2 });

    expect(members).toBe(30);
    expect(levels[0]?.changes.rows).toBe(2);
    expect(levels[0]?.changes.columns).toBe(60);
    expect(levels[0]?.fit.count).toBe(120);
  });

  it.each([
    {
      case: "no levels",
      options: { noisePercents: [] },
      message: /noisePercents must contain at least one level, got none/,
    },
    {
      case: "negative level",
      options: { noisePercents: [2, -1] },
      message: /noisePercents\[1\] must be a finite number >= 0, got -1/,
    },
    {
      case: "zero draws",
      options: { draws: 0 },
      message: /draws must be an integer at least 1, got 0/,
    },
    {
      case: "fractional seed",
      options: { seed: 0.5 },
      message: /seed must be an integer, got 0.5/,
    },
  ])("rejects $case", ({ options, message }) => {
    expect(() => computeNoiseSensitivity(linear, sample, options)).toThrow(message);
  });
});

describe("fitNormal", () => {
  it("returns the mean and the population sd", () => {
    // numpy: mean 5, std (ddof=0) 2 for [2, 4, 4, 4, 5, 5, 7, 9].
    expect(fitNormal([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, sd: 2, count: 8 });
  });

  it("rejects an empty sample", () => {
    expect(() => fitNormal([])).toThrow(/values must contain at least one number, got none/);
  });

  it("rejects NaN", () => {
    expect(() => fitNormal([1, NaN])).toThrow(/got NaN at index 1/);
  });
});
