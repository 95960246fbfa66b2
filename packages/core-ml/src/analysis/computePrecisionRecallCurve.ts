import { assertFiniteNumber, assertPairedValues } from "./assertions.js";
import { type ConfusionMatrix, countConfusion, scoreConfusion } from "./ConfusionMatrix.js";
import type { MetricValue } from "./MetricValue.js";
import { percentile } from "./percentile.js";

export interface PrecisionRecallOptions {
  /**
   * Value that separates measured high from low samples, in the unit of `measured`. A
   * sample is high when its value is at or above it.
   * @default the median of `measured`
   */
  threshold?: number;
  /**
   * Thresholds on the predictions to sweep. A sample is predicted high at or above one.
   * @default every distinct predicted value
   */
  decisionThresholds?: readonly number[];
}

export interface PrecisionRecallPoint {
  decisionThreshold: number;
  confusion: ConfusionMatrix;
  precision: MetricValue;
  recall: MetricValue;
  iou: MetricValue;
}

export interface PrecisionRecallCurve {
  threshold: number;
  /** One point per decision threshold, from the highest threshold to the lowest. */
  points: PrecisionRecallPoint[];
  /**
   * Sum over the points of (recall - previous recall) x precision, starting from recall 0.
   * With the default thresholds it equals scikit-learn's average_precision_score.
   */
  averagePrecision: MetricValue;
}

/**
 * Sweeps a threshold over the predictions and scores each resulting screening against the
 * measured classes, which stay fixed by `threshold`.
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.metrics.average_precision_score.html
 */
export function computePrecisionRecallCurve(
  measured: ArrayLike<number>,
  predicted: ArrayLike<number>,
  options: PrecisionRecallOptions = {},
): PrecisionRecallCurve {
  assertPairedValues(measured, predicted);
  const {
    threshold = percentile(measured, 50),
    decisionThresholds = Array.from(new Set(Array.from(predicted))),
  } = options;
  assertFiniteNumber(threshold, "threshold");
  if (decisionThresholds.length === 0) {
    throw new RangeError("decisionThresholds must contain at least one threshold, got none");
  }

  decisionThresholds.forEach((value, index) =>
    assertFiniteNumber(value, `decisionThresholds[${index}]`),
  );

  const points = [...new Set(decisionThresholds)]
    .sort((a, b) => b - a)
    .map((decisionThreshold) => {
      const confusion = countConfusion(measured, predicted, threshold, decisionThreshold);
      const { precision, recall, iou } = scoreConfusion(confusion);

      return { decisionThreshold, confusion, precision, recall, iou };
    });

  return { threshold, points, averagePrecision: averagePrecisionOf(points) };
}

function averagePrecisionOf(points: readonly PrecisionRecallPoint[]): MetricValue {
  let sum = 0;
  let previousRecall = 0;
  for (const { precision, recall } of points) {
    if (recall.value === null) {
      return {
        value: null,
        reason: "average precision is undefined because no sample is measured high",
      };
    }

    // Recall can only grow while precision is undefined when it stays 0, so a null
    // precision contributes nothing.
    sum += (recall.value - previousRecall) * (precision.value ?? 0);
    previousRecall = recall.value;
  }

  return { value: sum };
}
