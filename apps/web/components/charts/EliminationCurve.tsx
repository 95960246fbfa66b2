"use client";

import { ChartContainer } from "./ChartContainer";
import { type EliminationCurveOptions, renderEliminationCurve } from "./renderEliminationCurve";
import { useChartSvg } from "./useChartSvg";

/** Props of {@link EliminationCurve}: the options of {@link renderEliminationCurve}. */
export type EliminationCurveProps = EliminationCurveOptions;

/** Error curve of a feature elimination with its ±1 sd band, rebuilt on prop changes. */
export function EliminationCurve({
  counts,
  normalizedError,
  error,
  metricLabel,
  repetitions,
  width,
  height,
  color,
  ariaLabel,
}: EliminationCurveProps) {
  const containerRef = useChartSvg(
    () =>
      renderEliminationCurve({
        counts,
        normalizedError,
        error,
        metricLabel,
        repetitions,
        width,
        height,
        color,
        ariaLabel,
      }),
    [counts, normalizedError, error, metricLabel, repetitions, width, height, color, ariaLabel],
  );

  return <ChartContainer containerRef={containerRef} name={"Feature elimination curve"} />;
}
