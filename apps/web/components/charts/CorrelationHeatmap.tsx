"use client";

import { ChartContainer } from "./ChartContainer";
import {
  type CorrelationHeatmapOptions,
  renderCorrelationHeatmap,
} from "./renderCorrelationHeatmap";
import { useChartSvg } from "./useChartSvg";

/** Props of {@link CorrelationHeatmap}: the options of {@link renderCorrelationHeatmap}. */
export type CorrelationHeatmapProps = CorrelationHeatmapOptions & { exportName: string };

/** Heat map of a correlation matrix, rebuilt whenever a prop changes. */
export function CorrelationHeatmap({ exportName, ...options }: CorrelationHeatmapProps) {
  const { labels, values, coefficient, groupStart, cellSize, minCellForText, ariaLabel } = options;
  const containerRef = useChartSvg(
    () =>
      renderCorrelationHeatmap({
        labels,
        values,
        coefficient,
        groupStart,
        cellSize,
        minCellForText,
        ariaLabel,
      }),
    [labels, values, coefficient, groupStart, cellSize, minCellForText, ariaLabel],
  );

  return <ChartContainer containerRef={containerRef} name={exportName} />;
}
