"use client";

import { ChartContainer } from "./ChartContainer";
import { renderShapBeeswarm, type ShapBeeswarmOptions } from "./renderShapBeeswarm";
import { useChartSvg } from "./useChartSvg";

/** Props of {@link ShapBeeswarm}: the options of {@link renderShapBeeswarm}. */
export type ShapBeeswarmProps = ShapBeeswarmOptions;

/** SHAP beeswarm, one row per feature, rebuilt whenever a prop changes. */
export function ShapBeeswarm({
  features,
  importance,
  samples,
  expectedValue,
  width,
  rowHeight,
  radius,
  xLabel,
  unit,
  featureUnit,
  colorOf,
  missingColor,
  featureLabel,
  ariaLabel,
}: ShapBeeswarmProps) {
  const containerRef = useChartSvg(
    () =>
      renderShapBeeswarm({
        features,
        importance,
        samples,
        expectedValue,
        width,
        rowHeight,
        radius,
        xLabel,
        unit,
        featureUnit,
        colorOf,
        missingColor,
        featureLabel,
        ariaLabel,
      }),
    [
      features,
      importance,
      samples,
      expectedValue,
      width,
      rowHeight,
      radius,
      xLabel,
      unit,
      featureUnit,
      colorOf,
      missingColor,
      featureLabel,
      ariaLabel,
    ],
  );

  return <ChartContainer containerRef={containerRef} name={"SHAP beeswarm"} />;
}
