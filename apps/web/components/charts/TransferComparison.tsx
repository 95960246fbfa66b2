"use client";

import {
  renderTransferComparison,
  type TransferComparisonOptions,
} from "./renderTransferComparison";
import { useChartSvg } from "./useChartSvg";

/** Props of {@link TransferComparison}: the options of {@link renderTransferComparison}. */
export type TransferComparisonProps = TransferComparisonOptions;

/** R², MAPE and confusion matrices of the transfer approaches, rebuilt whenever a prop changes. */
export function TransferComparison({
  approaches,
  threshold,
  unit,
  width,
  height,
  ariaLabel,
}: TransferComparisonProps) {
  const containerRef = useChartSvg(
    () => renderTransferComparison({ approaches, threshold, unit, width, height, ariaLabel }),
    [approaches, threshold, unit, width, height, ariaLabel],
  );

  return <div ref={containerRef} className="chart" />;
}
