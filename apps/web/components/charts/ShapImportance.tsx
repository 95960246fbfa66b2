"use client";

import { ChartContainer } from "./ChartContainer";
import { renderShapImportance, type ShapImportanceOptions } from "./renderShapImportance";
import { useChartSvg } from "./useChartSvg";

/** Props of {@link ShapImportance}: the options of {@link renderShapImportance}. */
export type ShapImportanceProps = ShapImportanceOptions;

/** Bar chart of the SHAP importance per feature, rebuilt whenever a prop changes. */
export function ShapImportance({
  features,
  importance,
  width,
  rowHeight,
  xLabel,
  color,
  featureLabel,
  ariaLabel,
}: ShapImportanceProps) {
  const containerRef = useChartSvg(
    () =>
      renderShapImportance({
        features,
        importance,
        width,
        rowHeight,
        xLabel,
        color,
        featureLabel,
        ariaLabel,
      }),
    [features, importance, width, rowHeight, xLabel, color, featureLabel, ariaLabel],
  );

  return <ChartContainer containerRef={containerRef} name={"SHAP importance"} />;
}
