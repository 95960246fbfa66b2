"use client";

import { ChartContainer } from "./ChartContainer";
import { type FeatureEffectsOptions, renderFeatureEffects } from "./renderFeatureEffects";
import { useChartSvg } from "./useChartSvg";

/** Props of {@link FeatureEffects}: the options of {@link renderFeatureEffects}. */
export type FeatureEffectsProps = FeatureEffectsOptions;

/** Small multiples of the feature effects, one panel per feature, rebuilt whenever a prop changes. */
export function FeatureEffects({
  effects,
  columns,
  panelWidth,
  panelHeight,
  sharedY,
  yLabel,
  unit,
  featureUnit,
  color,
  featureLabel,
  ariaLabel,
}: FeatureEffectsProps) {
  const containerRef = useChartSvg(
    () =>
      renderFeatureEffects({
        effects,
        columns,
        panelWidth,
        panelHeight,
        sharedY,
        yLabel,
        unit,
        featureUnit,
        color,
        featureLabel,
        ariaLabel,
      }),
    [
      effects,
      columns,
      panelWidth,
      panelHeight,
      sharedY,
      yLabel,
      unit,
      featureUnit,
      color,
      featureLabel,
      ariaLabel,
    ],
  );

  return <ChartContainer containerRef={containerRef} name={"Feature effects"} />;
}
