"use client";

import { ChartContainer } from "./ChartContainer";
import { type ParityGridOptions, renderParityGrid } from "./renderParityGrid";
import { useChartSvg } from "./useChartSvg";

/** Props of {@link ParityGrid}: the options of {@link renderParityGrid}, and the export name. */
export type ParityGridProps = ParityGridOptions & { exportName: string };

/** Small-multiple parity plots, rebuilt whenever a prop changes. */
export function ParityGrid({ exportName, ...options }: ParityGridProps) {
  const { panels, series, columns, panelSize, unit, quantity, ariaLabel } = options;
  const containerRef = useChartSvg(
    () => renderParityGrid({ panels, series, columns, panelSize, unit, quantity, ariaLabel }),
    [panels, series, columns, panelSize, unit, quantity, ariaLabel],
  );

  return <ChartContainer containerRef={containerRef} name={exportName} />;
}
