import { describe, expect, it } from "vitest";

import { describeColumn } from "../evaluation/describeColumn.js";
import {
  maeOverMean,
  meanAbsolutePercentageError,
  r2Score,
  rootMeanSquaredError,
} from "../evaluation/metrics.js";
import { summarize } from "../evaluation/summarize.js";

// Worked by hand: errors -10, 10, -10, 20 around a mean of 175.
const measured = [100, 150, 200, 250];
const predicted = [110, 140, 210, 230];

describe("regression metrics", () => {
  it("computes R2", () => {
    expect(r2Score(measured, predicted)).toBeCloseTo(1 - 700 / 12500, 12);
  });

  it("computes MAPE in %", () => {
    expect(meanAbsolutePercentageError(measured, predicted)).toBeCloseTo(7.416666666667, 10);
  });

  it("computes MAE over mean in %", () => {
    expect(maeOverMean(measured, predicted)).toBeCloseTo((100 * 12.5) / 175, 12);
  });

  it("computes RMSE", () => {
    expect(rootMeanSquaredError(measured, predicted)).toBeCloseTo(Math.sqrt(175), 12);
  });

  it("returns null for R2 of a constant target", () => {
    expect(r2Score([5, 5, 5], [4, 5, 6])).toBeNull();
  });

  it("returns null for MAPE with a zero target", () => {
    expect(meanAbsolutePercentageError([0, 1], [1, 1])).toBeNull();
  });

  it("rejects arrays of different lengths", () => {
    expect(() => r2Score([1, 2], [1])).toThrow(/same length, got 2 and 1/);
  });
});

describe("summarize", () => {
  it("skips null values", () => {
    expect(summarize([1, null, 3])).toEqual({ mean: 2, sd: Math.SQRT2 });
  });

  it("returns null sd for one value", () => {
    expect(summarize([4])).toEqual({ mean: 4, sd: null });
  });
});

describe("describeColumn", () => {
  it("matches numpy's linear percentiles", () => {
    // numpy.percentile([80, 117, 157, 246, 293, 170, 60, 133], [0, 20, 50, 80, 100])
    const description = describeColumn([80, 117, 157, 246, 293, 170, 60, 133]);

    expect(description.p0).toBe(60);
    expect(description.p20).toBeCloseTo(94.8, 10);
    expect(description.p50).toBeCloseTo(145, 10);
    expect(description.p80).toBeCloseTo(215.6, 10);
    expect(description.p100).toBe(293);
    expect(description.mean).toBe(157);
    expect(description.sd).toBeCloseTo(79.37253933193772, 10);
  });
});
