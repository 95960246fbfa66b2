"use client";

import { ChartContainer } from "./ChartContainer";
import { type ConfusionMatrixOptions, renderConfusionMatrix } from "./renderConfusionMatrix";
import { useChartSvg } from "./useChartSvg";

/** Props of {@link ConfusionMatrix}: the options of {@link renderConfusionMatrix}. */
export type ConfusionMatrixProps = ConfusionMatrixOptions;

/** 2 × 2 confusion matrix of a high/low screening, rebuilt whenever a prop changes. */
export function ConfusionMatrix({
  confusion,
  threshold,
  unit,
  width,
  height,
  color,
  title,
  itemName,
  ariaLabel,
}: ConfusionMatrixProps) {
  const { truePositives, falsePositives, trueNegatives, falseNegatives } = confusion;
  const containerRef = useChartSvg(
    () =>
      renderConfusionMatrix({
        confusion: { truePositives, falsePositives, trueNegatives, falseNegatives },
        threshold,
        unit,
        width,
        height,
        color,
        title,
        itemName,
        ariaLabel,
      }),
    [
      truePositives,
      falsePositives,
      trueNegatives,
      falseNegatives,
      threshold,
      unit,
      width,
      height,
      color,
      title,
      itemName,
      ariaLabel,
    ],
  );

  return <ChartContainer containerRef={containerRef} name={"Confusion matrix"} />;
}
