import { describe, expect, it } from "vitest";

import {
  maeOverMeanWithReason,
  meanAbsolutePercentageErrorWithReason,
  r2ScoreWithReason,
  rootMeanSquaredErrorWithReason,
} from "../analysis/metricsWithReasons.js";
import {
  maeOverMean,
  meanAbsolutePercentageError,
  r2Score,
  rootMeanSquaredError,
} from "../evaluation/metrics.js";

const measured = [100, 150, 200, 250];
const predicted = [110, 140, 210, 230];

describe("metrics with reasons", () => {
  it("pass through defined values unchanged", () => {
    expect(r2ScoreWithReason(measured, predicted)).toEqual({ value: r2Score(measured, predicted) });
    expect(meanAbsolutePercentageErrorWithReason(measured, predicted)).toEqual({
      value: meanAbsolutePercentageError(measured, predicted),
    });
    expect(maeOverMeanWithReason(measured, predicted)).toEqual({
      value: maeOverMean(measured, predicted),
    });
    expect(rootMeanSquaredErrorWithReason(measured, predicted)).toEqual({
      value: rootMeanSquaredError(measured, predicted),
    });
  });

  it("explain R2 of a constant target", () => {
    const metric = r2ScoreWithReason([5, 5, 5], [4, 5, 6]);

    expect(metric.value).toBeNull();
    expect(metric.reason).toMatch(/every measured value equals 5/);
  });

  it("explain R2 of one sample", () => {
    expect(r2ScoreWithReason([5], [4]).reason).toMatch(/R2 needs at least 2 samples, got 1/);
  });

  it("explain MAPE with a zero target", () => {
    const metric = meanAbsolutePercentageErrorWithReason([3, 0, 1], [1, 1, 1]);

    expect(metric.value).toBeNull();
    expect(metric.reason).toMatch(/measured value at index 1 is 0.*use maeOverMean instead/);
  });

  it("explain MAE over a zero mean", () => {
    expect(maeOverMeanWithReason([0, 0], [1, 1]).reason).toMatch(/mean measured value is 0/);
  });

  it("explain empty inputs", () => {
    expect(rootMeanSquaredErrorWithReason([], []).reason).toMatch(/RMSE needs at least 1 sample/);
    expect(meanAbsolutePercentageErrorWithReason([], []).reason).toMatch(/at least 1 sample/);
  });

  it("explain a non-finite input instead of returning NaN", () => {
    const metric = r2ScoreWithReason([1, 2, 3], [1, NaN, 3]);

    expect(metric.value).toBeNull();
    expect(metric.reason).toMatch(/predicted is NaN at index 1; fix or remove that sample/);
  });

  it("still reject arrays of different lengths", () => {
    expect(() => r2ScoreWithReason([1, 2], [1])).toThrow(/same length, got 2 and 1/);
  });
});
