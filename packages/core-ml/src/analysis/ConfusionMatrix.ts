import type { MetricValue } from "./MetricValue.js";

/** Counts of a two-class screening with "high" as the positive class. */
export interface ConfusionMatrix {
  /** Measured high, predicted high. */
  truePositives: number;
  /** Measured low, predicted high. */
  falsePositives: number;
  /** Measured low, predicted low. */
  trueNegatives: number;
  /** Measured high, predicted low. */
  falseNegatives: number;
}

/** Scores of a confusion matrix. Each is null, with a reason, where its denominator is 0. */
export interface ScreeningScores {
  /** Intersection over union of the high class: TP / (TP + FP + FN). */
  iou: MetricValue;
  /** TP / (TP + FP). */
  precision: MetricValue;
  /** TP / (TP + FN). */
  recall: MetricValue;
  /** (TP + TN) / all samples. */
  accuracy: MetricValue;
}

/**
 * Counts a screening: a sample is high when its measured value is at or above
 * `classThreshold`, and predicted high when its prediction is at or above
 * `decisionThreshold` (the convention of scikit-learn's precision_recall_curve).
 */
export function countConfusion(
  measured: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classThreshold: number,
  decisionThreshold: number,
): ConfusionMatrix {
  const confusion = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
  for (let i = 0; i < measured.length; i++) {
    const isHigh = (measured[i] ?? NaN) >= classThreshold;
    const isPredictedHigh = (predicted[i] ?? NaN) >= decisionThreshold;
    if (isHigh && isPredictedHigh) {
      confusion.truePositives++;
    } else if (isPredictedHigh) {
      confusion.falsePositives++;
    } else if (isHigh) {
      confusion.falseNegatives++;
    } else {
      confusion.trueNegatives++;
    }
  }

  return confusion;
}

/** Computes IoU, precision, recall and accuracy of a confusion matrix. */
export function scoreConfusion(confusion: ConfusionMatrix): ScreeningScores {
  const {
    truePositives: tp,
    falsePositives: fp,
    trueNegatives: tn,
    falseNegatives: fn,
  } = confusion;

  return {
    iou: ratio(
      tp,
      tp + fp + fn,
      "IoU of the high class is undefined because no sample is high in either the measured or the predicted values",
    ),
    precision: ratio(tp, tp + fp, "precision is undefined because no sample is predicted high"),
    recall: ratio(tp, tp + fn, "recall is undefined because no sample is measured high"),
    accuracy: ratio(
      tp + tn,
      tp + fp + tn + fn,
      "accuracy is undefined because there are no samples",
    ),
  };
}

function ratio(numerator: number, denominator: number, reason: string): MetricValue {
  return denominator === 0 ? { value: null, reason } : { value: numerator / denominator };
}
