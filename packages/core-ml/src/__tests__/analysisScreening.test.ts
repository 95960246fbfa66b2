import { describe, expect, it } from "vitest";

import { computePrecisionRecallCurve } from "../analysis/computePrecisionRecallCurve.js";
import type { MetricValue } from "../analysis/MetricValue.js";
import { screenSamples } from "../analysis/screenSamples.js";

function expectNull(metric: MetricValue | undefined, reason: RegExp): void {
  expect(metric?.value).toBeNull();
  expect(metric?.reason).toMatch(reason);
}

describe("screenSamples", () => {
  // Median of measured = 35, so samples 3, 4 and 5 are high. Predicted high (>= 35):
  // samples 1 (exactly 35), 3 and 4. TP = {3, 4}, FP = {1}, FN = {5}, TN = {0, 2}.
  const measured = [10, 20, 30, 40, 50, 60];
  const predicted = [15, 35, 25, 45, 55, 5];

  it("counts the confusion matrix at the median", () => {
    const screening = screenSamples(measured, predicted);

    expect(screening.threshold).toBe(35);
    expect(screening.confusion).toEqual({
      truePositives: 2,
      falsePositives: 1,
      trueNegatives: 2,
      falseNegatives: 1,
    });
  });

  it("scores IoU, precision, recall and accuracy", () => {
    const screening = screenSamples(measured, predicted);

    expect(screening.iou).toEqual({ value: 0.5 });
    expect(screening.precision.value).toBeCloseTo(2 / 3, 15);
    expect(screening.recall.value).toBeCloseTo(2 / 3, 15);
    expect(screening.accuracy.value).toBeCloseTo(4 / 6, 15);
  });

  it("uses a given threshold", () => {
    const screening = screenSamples(measured, predicted, { threshold: 50 });

    expect(screening.threshold).toBe(50);
    expect(screening.confusion).toEqual({
      truePositives: 1,
      falsePositives: 0,
      trueNegatives: 4,
      falseNegatives: 1,
    });
  });

  it("returns null precision when nothing is predicted high", () => {
    const screening = screenSamples([1, 2, 3, 10], [1, 1, 1, 1], { threshold: 5 });

    expectNull(screening.precision, /precision is undefined because no sample is predicted high/);
    expect(screening.recall).toEqual({ value: 0 });
    expect(screening.iou).toEqual({ value: 0 });
  });

  it("returns null recall and IoU when nothing is high", () => {
    const screening = screenSamples([1, 2], [1, 2], { threshold: 5 });

    expectNull(screening.recall, /recall is undefined because no sample is measured high/);
    expectNull(screening.iou, /IoU of the high class is undefined because no sample is high/);
    expectNull(screening.precision, /no sample is predicted high/);
    expect(screening.accuracy).toEqual({ value: 1 });
  });

  it.each([
    {
      case: "different lengths",
      run: () => screenSamples([1, 2], [1]),
      message: /same length, got 2 and 1/,
    },
    {
      case: "no samples",
      run: () => screenSamples([], []),
      message: /measured must contain at least one value/,
    },
    {
      case: "NaN prediction",
      run: () => screenSamples([1, 2], [1, NaN]),
      message: /predicted must contain only finite numbers, got NaN at index 1/,
    },
    {
      case: "infinite threshold",
      run: () => screenSamples([1, 2], [1, 2], { threshold: Infinity }),
      message: /threshold must be a finite number, got Infinity/,
    },
  ])("rejects $case", ({ run, message }) => {
    expect(run).toThrow(message);
  });
});

describe("computePrecisionRecallCurve", () => {
  // Input: y_true [1, 1, 0, 0, 1], scores [0.1, 0.3, 0.35, 0.6, 0.8]. scikit-learn's
  // precision_recall_curve returns precision [0.6, 0.5, 0.333, 0.5, 1] and recall
  // [1, 0.667, 0.333, 0.333, 0.333] at thresholds [0.1, 0.3, 0.35, 0.6, 0.8], as printed at
  // https://cnblogs.com/chaimy/p/17371181.html. By hand, AP = 1/3 + 0.5/3 + 0.6/3 = 0.7.
  const measured = [1, 1, 0, 0, 1];
  const scores = [0.1, 0.3, 0.35, 0.6, 0.8];
  const curve = computePrecisionRecallCurve(measured, scores, { threshold: 0.5 });

  it("matches scikit-learn's precision and recall", () => {
    const ascending = [...curve.points].reverse();

    expect(ascending.map((point) => point.decisionThreshold)).toEqual(scores);
    [0.6, 0.5, 1 / 3, 0.5, 1].forEach((precision, k) => {
      expect(ascending[k]?.precision.value).toBeCloseTo(precision, 12);
    });
    [1, 2 / 3, 1 / 3, 1 / 3, 1 / 3].forEach((recall, k) => {
      expect(ascending[k]?.recall.value).toBeCloseTo(recall, 12);
    });
  });

  it("matches scikit-learn's average precision", () => {
    expect(curve.averagePrecision.value).toBeCloseTo(0.7, 12);
  });

  it("sweeps given thresholds from high to low", () => {
    const custom = computePrecisionRecallCurve(measured, scores, {
      threshold: 0.5,
      decisionThresholds: [0.5, 0.9, 0.5],
    });

    expect(custom.points.map((point) => point.decisionThreshold)).toEqual([0.9, 0.5]);
    expectNull(custom.points[0]?.precision, /no sample is predicted high/);
    expect(custom.points[0]?.recall).toEqual({ value: 0 });
  });

  it("returns null average precision when nothing is measured high", () => {
    const none = computePrecisionRecallCurve([1, 2], [1, 2], { threshold: 3 });

    expectNull(none.averagePrecision, /no sample is measured high/);
  });

  it("rejects an empty threshold list", () => {
    expect(() => computePrecisionRecallCurve([1], [1], { decisionThresholds: [] })).toThrow(
      /decisionThresholds must contain at least one threshold, got none/,
    );
  });
});
