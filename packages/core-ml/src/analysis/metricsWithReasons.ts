import {
  maeOverMean,
  meanAbsolutePercentageError,
  r2Score,
  rootMeanSquaredError,
} from "../evaluation/metrics.js";
import type { MetricValue } from "./MetricValue.js";

/*
 * Wrappers of the regression metrics in evaluation/metrics.ts that explain a null result.
 * The wrapped function computes the metric, and a wrapper only diagnoses a null result.
 * Arrays of different lengths still throw, as in the wrapped functions.
 */

/** R2 of one target, or null with a reason for fewer than 2 samples or a constant target. */
export function r2ScoreWithReason(
  measured: ArrayLike<number>,
  predicted: ArrayLike<number>,
): MetricValue {
  const value = r2Score(measured, predicted);
  const invalid = findNonFinite(measured, predicted, "R2");
  if (invalid !== undefined) {
    return invalid;
  }

  if (value !== null) {
    return { value };
  }

  if (measured.length < 2) {
    return { value: null, reason: `R2 needs at least 2 samples, got ${measured.length}` };
  }

  return {
    value: null,
    reason:
      `R2 is undefined because every measured value equals ${measured[0]}, ` +
      "so the total sum of squares it divides by is 0",
  };
}

/** MAPE in %, or null with a reason for no samples or a measured value of 0. */
export function meanAbsolutePercentageErrorWithReason(
  measured: ArrayLike<number>,
  predicted: ArrayLike<number>,
): MetricValue {
  const value = meanAbsolutePercentageError(measured, predicted);
  const invalid = findNonFinite(measured, predicted, "MAPE");
  if (invalid !== undefined) {
    return invalid;
  }

  if (value !== null) {
    return { value };
  }

  if (measured.length === 0) {
    return { value: null, reason: "MAPE needs at least 1 sample, got none" };
  }

  const zeroIndex = Array.from(measured).findIndex((truth) => truth === 0);

  return {
    value: null,
    reason:
      `MAPE is undefined because the measured value at index ${zeroIndex} is 0, ` +
      "so its percentage error divides by 0; use maeOverMean instead",
  };
}

/** MAE over the mean measured value in %, or null with a reason for no samples or a zero mean. */
export function maeOverMeanWithReason(
  measured: ArrayLike<number>,
  predicted: ArrayLike<number>,
): MetricValue {
  const value = maeOverMean(measured, predicted);
  const invalid = findNonFinite(measured, predicted, "MAE over mean");
  if (invalid !== undefined) {
    return invalid;
  }

  if (value !== null) {
    return { value };
  }

  return measured.length === 0
    ? { value: null, reason: "MAE over mean needs at least 1 sample, got none" }
    : { value: null, reason: "MAE over mean is undefined because the mean measured value is 0" };
}

/** RMSE, or null with a reason for no samples. */
export function rootMeanSquaredErrorWithReason(
  measured: ArrayLike<number>,
  predicted: ArrayLike<number>,
): MetricValue {
  const value = rootMeanSquaredError(measured, predicted);
  const invalid = findNonFinite(measured, predicted, "RMSE");
  if (invalid !== undefined) {
    return invalid;
  }

  return value === null
    ? { value: null, reason: "RMSE needs at least 1 sample, got none" }
    : { value };
}

/** Returns a null metric naming the first non-finite input, because the metric would be NaN. */
function findNonFinite(
  measured: ArrayLike<number>,
  predicted: ArrayLike<number>,
  metric: string,
): MetricValue | undefined {
  for (const [name, values] of [
    ["measured", measured],
    ["predicted", predicted],
  ] as const) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        return {
          value: null,
          reason: `${metric} is undefined because ${name} is ${values[i]} at index ${i}; fix or remove that sample`,
        };
      }
    }
  }

  return undefined;
}
