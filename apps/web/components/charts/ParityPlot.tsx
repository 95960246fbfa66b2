"use client";

import { useEffect, useRef } from "react";

import { ChartContainer } from "./ChartContainer";
import { renderParityPlot, type ParityPlotOptions } from "./renderParityPlot";

/** Props of {@link ParityPlot}: the options of {@link renderParityPlot}. */
export type ParityPlotProps = ParityPlotOptions;

/**
 * Parity plot of predicted against measured values. D3 builds the SVG in the DOM, so the chart
 * appears after mount and is rebuilt whenever a prop changes.
 */
export function ParityPlot({
  points,
  width,
  height,
  xLabel,
  yLabel,
  colors,
  unit,
  ariaLabel,
  radius,
}: ParityPlotProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const trainColor = colors?.TRAIN;
  const testColor = colors?.TEST;

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) {
      return undefined;
    }

    const svg = renderParityPlot({
      points,
      width,
      height,
      xLabel,
      yLabel,
      colors: { TRAIN: trainColor, TEST: testColor },
      unit,
      ariaLabel,
      radius,
    });
    container.replaceChildren(svg);

    return () => svg.remove();
  }, [points, width, height, xLabel, yLabel, trainColor, testColor, unit, ariaLabel, radius]);

  return <ChartContainer containerRef={containerRef} name={"Parity plot"} />;
}
