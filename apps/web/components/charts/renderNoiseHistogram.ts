import { bin, line, scaleLinear } from "d3";

import { formatFixed, formatSigned } from "../../lib/format";
import {
  checkSize,
  createChartSvg,
  drawBottomAxis,
  drawEmptyMessage,
  drawLabel,
  drawLeftAxis,
  HIGHLIGHT_COLOR,
  type LinearScale,
  NEUTRAL_COLOR,
  paddedDomain,
  PRIMARY_COLOR,
  type SvgSelection,
} from "./chartSvg";

/** Changes of a prediction under one level of input noise, as the Run query returns them. */
export interface NoiseLevelData {
  /** Sd of the noise added to each input value, in % of that value. */
  noisePercent: number;
  /** Mean of the normal distribution fitted to `changes`. */
  mean: number;
  /** Sd of the normal distribution fitted to `changes`. */
  sd: number;
  /** Prediction with noise minus prediction without, one per sample and ensemble member. */
  changes: readonly number[];
}

/** Common axes for histograms that are to be compared side by side. */
export interface NoiseHistogramScales {
  xDomain: [number, number];
  /** Largest bin count of any of the histograms. */
  yMax: number;
}

/** Options of {@link renderNoiseHistogram}. */
export interface NoiseHistogramOptions {
  level: NoiseLevelData;
  /**
   * Domain of the x axis, in the unit of the changes. Histograms with the same domain and
   * `binCount` get the same bins. Changes outside it are left out.
   * @default one that covers every change, 0 and mean ± 3 sd
   */
  xDomain?: [number, number];
  /** Top of the y axis, in changes per bin. @default the largest bin count */
  yMax?: number;
  /** Approximate number of bins; D3 picks round bin edges near it. @default 20 */
  binCount?: number;
  /** Width of the SVG in px. @default 360 */
  width?: number;
  /** Height of the SVG in px. @default 280 */
  height?: number;
  /** Title above the plot. @default "Input noise: sd <noisePercent> % of each value" */
  title?: string;
  /** Label of the horizontal axis. @default "Change of predicted total REE (ppm, molar)" */
  xLabel?: string;
  /** Unit of the changes, for the legend and tooltips. @default "ppm (molar)" */
  unit?: string;
  /** Fill of the bars. @default "#0072b2" (Okabe–Ito blue) */
  barColor?: string;
  /** Stroke of the fitted normal curve. @default "#d55e00" (Okabe–Ito vermillion) */
  curveColor?: string;
  /** Accessible name of the chart. @default a sentence with the noise level, n, mean and sd */
  ariaLabel?: string;
}

const DEFAULT_WIDTH = 360;
const DEFAULT_HEIGHT = 280;
const DEFAULT_BIN_COUNT = 20;
const MARGIN = { top: 70, right: 16, bottom: 48, left: 52 };
/** Left edge of the legend in px; it starts left of the plot to leave room for its text. */
const LEGEND_LEFT = 24;
const MIN_PLOT_SIDE = 40;
const TICK_COUNT = 5;
/** Points at which the normal density is evaluated to draw its curve. */
const CURVE_SAMPLES = 120;
/** The default domain reaches this many fitted sd beyond the mean, so the curve's tails show. */
const FIT_SPAN_SD = 3;
const STAT_DECIMALS = 2;

/**
 * Renders a histogram of the changes of a prediction under input noise with D3 as a detached SVG
 * element. The fitted normal density is overlaid as expected changes per bin
 * (n × bin width × density), and the legend gives the fit's mean and sd. Non-finite changes are
 * left out. Each bar has class `noise-bin` and a `<title>` with its range and count.
 *
 * @throws RangeError when width or height leaves no room for the plot area.
 */
export function renderNoiseHistogram(options: NoiseHistogramOptions): SVGSVGElement {
  const {
    level,
    binCount = DEFAULT_BIN_COUNT,
    width = DEFAULT_WIDTH,
    height = DEFAULT_HEIGHT,
    title = `Input noise: sd ${formatPercent(level.noisePercent)} of each value`,
    xLabel = "Change of predicted total REE (ppm, molar)",
    unit = "ppm (molar)",
    barColor = PRIMARY_COLOR,
    curveColor = HIGHLIGHT_COLOR,
    ariaLabel,
  } = options;
  checkSize("width", width, MARGIN.left + MARGIN.right + MIN_PLOT_SIDE);
  checkSize("height", height, MARGIN.top + MARGIN.bottom + MIN_PLOT_SIDE);

  const changes = level.changes.filter(Number.isFinite);
  const fit = normalFit(level);
  const x = binScale(options.xDomain ?? defaultDomain(changes, fit), binCount).range([
    MARGIN.left,
    width - MARGIN.right,
  ]);
  const { bins, binned, expected, peak } = histogramOf(changes, fit, x, binCount);
  const y = scaleLinear()
    .domain([0, Math.max(1, options.yMax ?? peak)])
    .nice(TICK_COUNT)
    .range([height - MARGIN.bottom, MARGIN.top]);

  const svg = createChartSvg(
    "noise-histogram",
    width,
    height,
    ariaLabel ?? describeNoise(level.noisePercent, changes.length, fit, unit),
  );
  drawAxes(svg, x, y, width, height, xLabel);
  drawLabel(svg, title, (MARGIN.left + width - MARGIN.right) / 2, 16, "noise-histogram-title");

  svg
    .append("g")
    .attr("class", "noise-bins")
    .attr("fill", barColor)
    .attr("fill-opacity", 0.55)
    .attr("stroke", barColor)
    .selectAll("rect")
    .data(bins)
    .join("rect")
    .attr("class", "noise-bin")
    .attr("x", (bucket) => x(bucket.x0 ?? 0))
    .attr("width", (bucket) => Math.max(0, x(bucket.x1 ?? 0) - x(bucket.x0 ?? 0)))
    .attr("y", (bucket) => y(bucket.length))
    .attr("height", (bucket) => y(0) - y(bucket.length))
    .append("title")
    .text(
      (bucket) =>
        `${formatFixed(bucket.x0 ?? 0, STAT_DECIMALS)} to ${formatFixed(bucket.x1 ?? 0, STAT_DECIMALS)} ` +
        `${unit}: ${bucket.length} change${bucket.length === 1 ? "" : "s"}`,
    );

  const [low, high] = x.domain() as [number, number];
  if (low <= 0 && high >= 0) {
    svg
      .append("line")
      .attr("class", "noise-zero")
      .attr("x1", x(0))
      .attr("x2", x(0))
      .attr("y1", MARGIN.top)
      .attr("y2", height - MARGIN.bottom)
      .attr("stroke", NEUTRAL_COLOR)
      .attr("stroke-dasharray", "4 3");
  }

  if (fit !== null && binned > 0) {
    const xs = Array.from(
      { length: CURVE_SAMPLES },
      (_, i) => low + ((high - low) * i) / (CURVE_SAMPLES - 1),
    );
    const curve = line<number>()
      .x((value) => x(value))
      .y((value) => y(expected(value)));
    svg
      .append("path")
      .attr("class", "noise-fit")
      .attr("d", curve(xs) ?? "")
      .attr("fill", "none")
      .attr("stroke", curveColor)
      .attr("stroke-width", 2)
      .append("title")
      .text(`Fitted normal distribution: ${describeFit(fit, unit)}`);
  }

  if (changes.length === 0) {
    drawEmptyMessage(
      svg,
      "No changes to plot",
      (MARGIN.left + width - MARGIN.right) / 2,
      (MARGIN.top + height - MARGIN.bottom) / 2,
      "noise-histogram-empty",
    );
  }

  drawLegend(svg, binned, fit, barColor, curveColor);

  return svg.node()!;
}

/**
 * Returns an x domain and a y maximum that fit every level, for histograms that are compared side
 * by side. Pass both, and the same `binCount`, to each {@link renderNoiseHistogram}.
 */
export function noiseHistogramScales(
  levels: readonly NoiseLevelData[],
  binCount = DEFAULT_BIN_COUNT,
): NoiseHistogramScales {
  const values: number[] = [];
  for (const level of levels) {
    const changes = level.changes.filter(Number.isFinite);
    values.push(...defaultDomain(changes, normalFit(level)));
  }

  const xDomain = binScale(paddedDomain(values), binCount).domain() as [number, number];
  const x = binScale(xDomain, binCount);
  const yMax = Math.max(
    0,
    ...levels.map(
      (level) =>
        histogramOf(level.changes.filter(Number.isFinite), normalFit(level), x, binCount).peak,
    ),
  );

  return { xDomain, yMax };
}

/**
 * Bins the changes and scales the fitted density to expected changes per bin
 * (n × bin width × density), so that bars and curve share the y axis. `peak` is the highest bar
 * or curve value.
 */
function histogramOf(
  changes: readonly number[],
  fit: { mean: number; sd: number } | null,
  x: LinearScale,
  binCount: number,
) {
  const bins = binChanges(changes, x, binCount);
  const binned = bins.reduce((sum, bucket) => sum + bucket.length, 0);
  // The domain ends on ticks, so every bin is one tick step wide.
  const binWidth = bins[0] === undefined ? 0 : (bins[0].x1 ?? 0) - (bins[0].x0 ?? 0);
  const expected = (value: number) =>
    fit === null ? 0 : binned * binWidth * normalDensity(value, fit.mean, fit.sd);
  const curvePeak = fit === null ? 0 : expected(fit.mean);
  const peak = Math.max(curvePeak, ...bins.map((bucket) => bucket.length));

  return { bins, binned, expected, peak };
}

/** Returns the fit of a level, or null when its mean or sd is not finite or the sd is not > 0. */
function normalFit(level: NoiseLevelData): { mean: number; sd: number } | null {
  return Number.isFinite(level.mean) && Number.isFinite(level.sd) && level.sd > 0
    ? { mean: level.mean, sd: level.sd }
    : null;
}

/** Returns a domain over the changes, 0 and, with a fit, its mean ± 3 sd. */
function defaultDomain(
  changes: readonly number[],
  fit: { mean: number; sd: number } | null,
): [number, number] {
  const extra =
    fit === null ? [] : [fit.mean - FIT_SPAN_SD * fit.sd, fit.mean + FIT_SPAN_SD * fit.sd];

  return paddedDomain([...changes, ...extra], { includeZero: true });
}

/**
 * Returns a linear scale over `domain`, widened to round bin edges. An empty or invalid domain is
 * replaced by a padded one, so that the bins never collapse.
 */
function binScale(domain: [number, number], binCount: number): LinearScale {
  const [low, high] = domain;
  const usable = Number.isFinite(low) && Number.isFinite(high) && low < high;

  return scaleLinear()
    .domain(usable ? domain : paddedDomain(domain))
    .nice(binCount);
}

/** Bins the changes on the ticks of `x`. The last bin also contains a change equal to its upper end. */
function binChanges(changes: readonly number[], x: LinearScale, binCount: number) {
  const [low, high] = x.domain() as [number, number];
  // A tick at either end of the domain would add an empty-width bin there.
  const thresholds = x.ticks(binCount).filter((tick) => tick > low && tick < high);

  return bin().domain([low, high]).thresholds(thresholds)(
    changes.filter((value) => value >= low && value <= high),
  );
}

function normalDensity(value: number, mean: number, sd: number): number {
  const z = (value - mean) / sd;

  return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
}

function drawAxes(
  svg: SvgSelection,
  x: LinearScale,
  y: LinearScale,
  width: number,
  height: number,
  xLabel: string,
): void {
  const plotBottom = height - MARGIN.bottom;

  drawBottomAxis(svg, x, plotBottom, "noise-axis noise-axis-x", TICK_COUNT);
  // Counts are whole numbers, so a low y axis gets one tick per count and no fractions.
  const yTicks = Math.max(1, Math.min(TICK_COUNT, Math.floor(y.domain()[1] ?? 1)));
  drawLeftAxis(svg, y, MARGIN.left, "noise-axis noise-axis-y", yTicks);
  drawLabel(svg, xLabel, (MARGIN.left + width - MARGIN.right) / 2, height - 10, "noise-axis-label");
  drawLabel(svg, "Changes per bin", 14, (MARGIN.top + plotBottom) / 2, "noise-axis-label", true);
}

function drawLegend(
  svg: SvgSelection,
  count: number,
  fit: { mean: number; sd: number } | null,
  barColor: string,
  curveColor: string,
): void {
  const legend = svg
    .append("g")
    .attr("class", "noise-legend")
    .attr("transform", `translate(${LEGEND_LEFT},34)`);
  const barLabel = `Changes (n = ${count})`;

  legend
    .append("rect")
    .attr("y", -6)
    .attr("width", 14)
    .attr("height", 12)
    .attr("fill", barColor)
    .attr("fill-opacity", 0.55)
    .attr("stroke", barColor);
  legend
    .append("text")
    .attr("x", 20)
    .attr("dy", "0.35em")
    .attr("fill", "currentColor")
    .text(barLabel);

  const fitEntry = legend.append("g").attr("transform", "translate(0,18)");
  if (fit !== null) {
    fitEntry.append("line").attr("x2", 14).attr("stroke", curveColor).attr("stroke-width", 2);
  }

  fitEntry
    .append("text")
    .attr("x", fit === null ? 0 : 20)
    .attr("dy", "0.35em")
    .attr("fill", "currentColor")
    .text(
      fit === null ? "No normal fit: the sd is 0 or undefined" : `Normal fit: ${describeFit(fit)}`,
    );
}

/** Returns "mean +0.12, sd 3.40", with the unit appended when one is given. */
function describeFit(fit: { mean: number; sd: number }, unit?: string): string {
  const text = `mean ${formatSigned(fit.mean, STAT_DECIMALS)}, sd ${formatFixed(fit.sd, STAT_DECIMALS)}`;

  return unit === undefined ? text : `${text} ${unit}`;
}

function formatPercent(percent: number): string {
  return `${Number.isFinite(percent) ? String(percent) : "?"} %`;
}

function describeNoise(
  noisePercent: number,
  count: number,
  fit: { mean: number; sd: number } | null,
  unit: string,
): string {
  const fitText = fit === null ? "no normal fit" : `normal fit with ${describeFit(fit, unit)}`;

  return (
    `Histogram of ${count} changes of the predicted total REE under input noise of ` +
    `${formatPercent(noisePercent)}, ${fitText}`
  );
}
