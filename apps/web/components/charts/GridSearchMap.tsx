"use client";

import { ChartContainer } from "./ChartContainer";
import { type GridSearchMapOptions, renderGridSearchMap } from "./renderGridSearchMap";
import { useChartSvg } from "./useChartSvg";

/** Props of {@link GridSearchMap}: the options of {@link renderGridSearchMap}. */
export type GridSearchMapProps = GridSearchMapOptions;

/** Heat maps of a grid search's validation error, rebuilt on prop changes. */
export function GridSearchMap({
  points,
  best,
  panels,
  columns,
  panelWidth,
  panelHeight,
  metricLabel,
  colorScale,
  colorOf,
  ariaLabel,
}: GridSearchMapProps) {
  // A new array with the same configurations must not redraw the chart, so its content decides.
  const panelsKey = panels?.map((hiddenUnits) => hiddenUnits.join(",")).join(";");
  const containerRef = useChartSvg(
    () =>
      renderGridSearchMap({
        points,
        best,
        panels,
        columns,
        panelWidth,
        panelHeight,
        metricLabel,
        colorScale,
        colorOf,
        ariaLabel,
      }),
    [
      points,
      best,
      panelsKey,
      columns,
      panelWidth,
      panelHeight,
      metricLabel,
      colorScale,
      colorOf,
      ariaLabel,
    ],
  );

  return <ChartContainer containerRef={containerRef} name={"Grid search map"} />;
}
