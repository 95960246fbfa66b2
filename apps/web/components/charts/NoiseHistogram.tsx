"use client";

import { ChartContainer } from "./ChartContainer";
import { type NoiseHistogramOptions, renderNoiseHistogram } from "./renderNoiseHistogram";
import { useChartSvg } from "./useChartSvg";

/** Props of {@link NoiseHistogram}: the options of {@link renderNoiseHistogram}. */
export type NoiseHistogramProps = NoiseHistogramOptions;

/** Histogram of the changes under one noise level with its normal fit, rebuilt on prop changes. */
export function NoiseHistogram({
  level,
  xDomain,
  yMax,
  binCount,
  width,
  height,
  title,
  xLabel,
  unit,
  barColor,
  curveColor,
  ariaLabel,
}: NoiseHistogramProps) {
  const domainLow = xDomain?.[0];
  const domainHigh = xDomain?.[1];
  const containerRef = useChartSvg(
    () =>
      renderNoiseHistogram({
        level,
        xDomain:
          domainLow === undefined || domainHigh === undefined ? undefined : [domainLow, domainHigh],
        yMax,
        binCount,
        width,
        height,
        title,
        xLabel,
        unit,
        barColor,
        curveColor,
        ariaLabel,
      }),
    [
      level,
      domainLow,
      domainHigh,
      yMax,
      binCount,
      width,
      height,
      title,
      xLabel,
      unit,
      barColor,
      curveColor,
      ariaLabel,
    ],
  );

  return (
    <ChartContainer
      containerRef={containerRef}
      name={title ?? `Noise histogram ${level.noisePercent} percent`}
    />
  );
}
