import { assertFiniteNumber, assertPairedValues } from "./assertions.js";
import {
  type ConfusionMatrix,
  countConfusion,
  scoreConfusion,
  type ScreeningScores,
} from "./ConfusionMatrix.js";
import { percentile } from "./percentile.js";

export interface ScreeningOptions {
  /**
   * Value that separates high from low samples, in the unit of `measured` and `predicted`.
   * A sample is high when its value is at or above it.
   * @default the median of `measured`
   */
  threshold?: number;
}

export interface Screening extends ScreeningScores {
  threshold: number;
  confusion: ConfusionMatrix;
}

/**
 * Screens samples into high and low by one threshold on the measured and on the predicted
 * values, and scores the predicted classes against the measured ones with "high" as the
 * positive class.
 */
export function screenSamples(
  measured: ArrayLike<number>,
  predicted: ArrayLike<number>,
  options: ScreeningOptions = {},
): Screening {
  assertPairedValues(measured, predicted);
  const { threshold = percentile(measured, 50) } = options;
  assertFiniteNumber(threshold, "threshold");

  const confusion = countConfusion(measured, predicted, threshold, threshold);

  return { threshold, confusion, ...scoreConfusion(confusion) };
}
