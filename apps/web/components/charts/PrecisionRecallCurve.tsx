"use client";

import { type ChangeEvent, useId, useState } from "react";

import { formatQuantity } from "../../lib/format";
import {
  describeSelection,
  type PrecisionRecallCurveOptions,
  type PrecisionRecallPoint,
  renderPrecisionRecallCurve,
} from "./renderPrecisionRecallCurve";
import { ChartContainer } from "./ChartContainer";
import { useChartSvg } from "./useChartSvg";

/** Props of {@link PrecisionRecallCurve}. */
export interface PrecisionRecallCurveProps extends Omit<
  PrecisionRecallCurveOptions,
  "selectedIndex"
> {
  /**
   * High/low threshold of the measured values, in `unit`. The slider starts at the lowest
   * decision threshold at or above it, which classifies the predictions as that threshold does,
   * so the chart starts at the screening that the confusion matrix shows. Without it, or when no
   * decision threshold reaches it, the slider starts at the highest decision threshold.
   */
  threshold?: number;
}

/**
 * Precision-recall curve with a slider over its decision thresholds. Moving the slider to the
 * right raises the threshold. The chart highlights the selected point, and the text next to the
 * slider gives its threshold, precision and recall.
 */
export function PrecisionRecallCurve({
  curve,
  threshold,
  prevalence,
  averagePrecision,
  unit = "ppm (molar)",
  width,
  height,
  color,
  highlightColor,
  ariaLabel,
}: PrecisionRecallCurveProps) {
  const sliderId = useId();
  const [chosenPosition, setChosenPosition] = useState<number | null>(null);
  const last = curve.length - 1;
  // Slider positions run from the lowest threshold (left) to the highest (right), while the
  // curve runs from the highest to the lowest, so position p shows curve[last - p].
  const position = Math.min(
    Math.max(chosenPosition ?? last - startIndex(curve, threshold), 0),
    last,
  );
  const selectedIndex = curve.length === 0 ? null : last - position;

  const containerRef = useChartSvg(
    () =>
      renderPrecisionRecallCurve({
        curve,
        selectedIndex,
        prevalence,
        averagePrecision,
        unit,
        width,
        height,
        color,
        highlightColor,
        ariaLabel,
      }),
    [
      curve,
      selectedIndex,
      prevalence,
      averagePrecision,
      unit,
      width,
      height,
      color,
      highlightColor,
      ariaLabel,
    ],
  );

  const selected = selectedIndex === null ? undefined : curve[selectedIndex];
  const lowest = curve[last];
  const highest = curve[0];

  return (
    <div className="pr-curve-chart">
      <ChartContainer containerRef={containerRef} name={"Precision-recall curve"} />
      {selected === undefined || lowest === undefined || highest === undefined ? null : (
        <div className="threshold-slider screen-only">
          <label htmlFor={sliderId}>Decision threshold on the predicted total REE</label>
          <input
            id={sliderId}
            type="range"
            min={0}
            max={last}
            step={1}
            value={position}
            aria-valuetext={`${formatQuantity(selected.decisionThreshold, unit)} ${unit}`}
            onChange={(event: ChangeEvent<HTMLInputElement>) =>
              setChosenPosition(Number(event.target.value))
            }
          />
          <div className="threshold-slider-range" aria-hidden="true">
            <span>
              {formatQuantity(lowest.decisionThreshold, unit)} {unit}
            </span>
            <span>
              {formatQuantity(highest.decisionThreshold, unit)} {unit}
            </span>
          </div>
          <output htmlFor={sliderId} aria-live="polite">
            {describeSelection(selected, unit)}
          </output>
        </div>
      )}
    </div>
  );
}

/** Returns the index of the lowest decision threshold at or above `threshold`, or 0. */
function startIndex(curve: readonly PrecisionRecallPoint[], threshold: number | undefined): number {
  if (threshold === undefined || !Number.isFinite(threshold)) {
    return 0;
  }

  let index = 0;
  let lowest = Infinity;
  curve.forEach((point, pointIndex) => {
    if (point.decisionThreshold >= threshold && point.decisionThreshold < lowest) {
      lowest = point.decisionThreshold;
      index = pointIndex;
    }
  });

  return index;
}
