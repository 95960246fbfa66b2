"use client";

import {
  type KeptProbabilityMapOptions,
  renderKeptProbabilityMap,
} from "./renderKeptProbabilityMap";
import { ChartContainer } from "./ChartContainer";
import { useChartSvg } from "./useChartSvg";

/** Props of {@link KeptProbabilityMap}: the options of {@link renderKeptProbabilityMap}. */
export type KeptProbabilityMapProps = KeptProbabilityMapOptions;

/** Heat map of how often each feature survives each elimination step, rebuilt on prop changes. */
export function KeptProbabilityMap({
  features,
  counts,
  keptProbability,
  repetitions,
  cellWidth,
  cellHeight,
  colorOf,
  featureLabel,
  ariaLabel,
}: KeptProbabilityMapProps) {
  const containerRef = useChartSvg(
    () =>
      renderKeptProbabilityMap({
        features,
        counts,
        keptProbability,
        repetitions,
        cellWidth,
        cellHeight,
        colorOf,
        featureLabel,
        ariaLabel,
      }),
    [
      features,
      counts,
      keptProbability,
      repetitions,
      cellWidth,
      cellHeight,
      colorOf,
      featureLabel,
      ariaLabel,
    ],
  );

  return <ChartContainer containerRef={containerRef} name={"Kept-probability map"} />;
}
