"use client";

import { ChartContainer } from "./ChartContainer";
import { type MetricBarsOptions, renderMetricBars } from "./renderMetricBars";
import { useChartSvg } from "./useChartSvg";

/** Props of {@link MetricBars}: the options of {@link renderMetricBars}, and the export name. */
export type MetricBarsProps = MetricBarsOptions & { exportName: string };

/** Grouped bars of a metric's mean ± sd, rebuilt whenever a prop changes. */
export function MetricBars({ exportName, ...options }: MetricBarsProps) {
  const { categories, groups, yLabel, xLabel, unit, decimals, width, height, title, ariaLabel } =
    options;
  const containerRef = useChartSvg(
    () =>
      renderMetricBars({
        categories,
        groups,
        yLabel,
        xLabel,
        unit,
        decimals,
        width,
        height,
        title,
        ariaLabel,
      }),
    [categories, groups, yLabel, xLabel, unit, decimals, width, height, title, ariaLabel],
  );

  return <ChartContainer containerRef={containerRef} name={exportName} />;
}
