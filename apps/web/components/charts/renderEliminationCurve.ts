import { area, axisBottom, axisLeft, line, scaleLinear } from "d3";

import { formatFixed, formatMeanSd } from "../../lib/format";
import {
  checkSize,
  createChartSvg,
  drawAxis,
  drawEmptyMessage,
  drawLabel,
  estimateTextWidth,
  HIGHLIGHT_COLOR,
  type LinearScale,
  NEUTRAL_COLOR,
  paddedDomain,
  PRIMARY_COLOR,
  type SvgSelection,
} from "./chartSvg";

/** Mean and sample sd over the repetitions, as the Run query returns them. */
export interface SummaryValue {
  /** Null when no repetition gave a value. */
  mean: number | null;
  /** Null with fewer than 2 values. */
  sd: number | null;
}

/** Options of {@link renderEliminationCurve}. */
export interface EliminationCurveOptions {
  /** Features kept at each step of the elimination, e.g. [10, 9, …, 1]. */
  counts: readonly number[];
  /** Validation error at each count divided by the error with all features. */
  normalizedError: readonly SummaryValue[];
  /** Validation error at each count in %, for the tooltips. @default none */
  error?: readonly SummaryValue[];
  /** Name of the validation error in tooltips, e.g. "MAPE". @default "validation error" */
  metricLabel?: string;
  /** Eliminations that the means are taken over, for the legend. @default not stated */
  repetitions?: number;
  /** Width of the SVG in px. @default 520 */
  width?: number;
  /** Height of the SVG in px, legend included. @default 320 */
  height?: number;
  /** Colour of the mean line, its points and (lighter) the band. @default "#0072b2" */
  color?: string;
  /** Accessible name of the chart. @default a sentence with the range and the lowest mean */
  ariaLabel?: string;
}

interface CurvePoint {
  count: number;
  mean: number | null;
  sd: number | null;
  error: SummaryValue | undefined;
}

const DEFAULT_WIDTH = 520;
const DEFAULT_HEIGHT = 320;
/** Plot margins in px. The top margin grows by one legend row per wrapped row. */
const MARGIN = { top: 20, right: 20, bottom: 48, left: 64 };
const MIN_PLOT_SIDE = 60;
const LEGEND_ROW_HEIGHT = 18;
const LEGEND_SWATCH_WIDTH = 18;
const LEGEND_GAP = 18;
const TICK_COUNT = 5;
/** Up to this many counts, every count gets a tick. */
const MAX_COUNT_TICKS = 15;
const BAND_OPACITY = 0.2;
const POINT_RADIUS = 3.5;
const LOWEST_RADIUS = 5.5;
const RATIO_DECIMALS = 2;
const PERCENT_DECIMALS = 1;

/**
 * Renders the error curve of a recursive feature elimination with D3 as a detached SVG element.
 * The y value is the normalised validation error: the error at each number of features kept,
 * divided by the error with all features. A mean line with a ±1 sd band over the repetitions
 * shows it, with a dashed line at 1 (the error with all features) and the lowest mean
 * highlighted. The band is cut at 0, because an error ratio cannot be negative. Points with a
 * missing or non-finite mean are left out and break the line, and the band has a gap where the sd
 * is missing. Each point has class `elimination-point`, a `data-count` attribute and a `<title>`
 * tooltip.
 *
 * @throws RangeError when width or height leaves no room for the plot.
 */
export function renderEliminationCurve(options: EliminationCurveOptions): SVGSVGElement {
  const {
    counts,
    normalizedError,
    error,
    metricLabel = "validation error",
    repetitions,
    width = DEFAULT_WIDTH,
    height = DEFAULT_HEIGHT,
    color = PRIMARY_COLOR,
  } = options;
  checkSize("width", width, MARGIN.left + MARGIN.right + MIN_PLOT_SIDE);

  const points = curvePoints(counts, normalizedError, error);
  const drawn = points.filter((point) => point.mean !== null);
  const hasBand = drawn.some((point) => point.sd !== null);
  const lowest = lowestPoint(drawn);
  const legend = legendEntries(repetitions, hasBand, lowest !== null);
  const legendRows = layoutLegend(legend, width - MARGIN.left - MARGIN.right);
  const top = MARGIN.top + legendRows.rowCount * LEGEND_ROW_HEIGHT;
  checkSize("height", height, top + MARGIN.bottom + MIN_PLOT_SIDE);

  const plotBottom = height - MARGIN.bottom;
  const x = scaleLinear()
    .domain(countDomain(points))
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain(paddedDomain(ratioExtent(drawn), { clampAtZero: true }))
    .nice(TICK_COUNT)
    .range([plotBottom, top]);

  const svg = createChartSvg(
    "elimination-curve",
    width,
    height,
    options.ariaLabel ?? describeCurve(points, lowest),
  );
  drawAxes(svg, x, y, points, width, height, top);
  if (drawn.length === 0) {
    drawEmptyMessage(
      svg,
      "No elimination steps to plot",
      (MARGIN.left + width - MARGIN.right) / 2,
      (top + plotBottom) / 2,
      "elimination-empty",
    );

    return svg.node()!;
  }

  drawLegend(svg, legend, legendRows.positions, color);
  svg
    .append("line")
    .attr("class", "elimination-reference")
    .attr("x1", MARGIN.left)
    .attr("x2", width - MARGIN.right)
    .attr("y1", y(1))
    .attr("y2", y(1))
    .attr("stroke", NEUTRAL_COLOR)
    .attr("stroke-dasharray", "5 4")
    .append("title")
    .text("Error with all features: a ratio of 1");

  const withSd = (point: CurvePoint) => point.mean !== null && point.sd !== null;
  const band = area<CurvePoint>()
    .defined(withSd)
    .x((point) => x(point.count))
    .y0((point) => y(Math.max(0, (point.mean ?? 0) - (point.sd ?? 0))))
    .y1((point) => y((point.mean ?? 0) + (point.sd ?? 0)));
  svg
    .append("path")
    .attr("class", "elimination-band")
    .attr("d", band(points) ?? "")
    .attr("fill", color)
    .attr("fill-opacity", BAND_OPACITY);

  const meanLine = line<CurvePoint>()
    .defined((point) => point.mean !== null)
    .x((point) => x(point.count))
    .y((point) => y(point.mean ?? 0));
  svg
    .append("path")
    .attr("class", "elimination-mean")
    .attr("d", meanLine(points) ?? "")
    .attr("fill", "none")
    .attr("stroke", color)
    .attr("stroke-width", 2);

  svg
    .append("g")
    .attr("class", "elimination-points")
    .selectAll("circle")
    .data(drawn)
    .join("circle")
    .attr("class", (point) =>
      point === lowest ? "elimination-point elimination-lowest" : "elimination-point",
    )
    .attr("data-count", (point) => point.count)
    .attr("cx", (point) => x(point.count))
    .attr("cy", (point) => y(point.mean ?? 0))
    .attr("r", (point) => (point === lowest ? LOWEST_RADIUS : POINT_RADIUS))
    .attr("fill", (point) => (point === lowest ? HIGHLIGHT_COLOR : color))
    .attr("stroke", "#fff")
    .append("title")
    .text((point) => pointTooltip(point, metricLabel, point === lowest));

  return svg.node()!;
}

/** Pairs each count with its summaries; a count without a summary gets a missing mean. */
function curvePoints(
  counts: readonly number[],
  normalizedError: readonly SummaryValue[],
  error: readonly SummaryValue[] | undefined,
): CurvePoint[] {
  const finiteOrNull = (value: number | null | undefined) =>
    value !== null && value !== undefined && Number.isFinite(value) ? value : null;

  return counts
    .map((count, step) => {
      const ratio = normalizedError[step];

      return {
        count,
        mean: finiteOrNull(ratio?.mean),
        sd: finiteOrNull(ratio?.sd),
        error: error?.[step],
      };
    })
    .filter((point) => Number.isFinite(point.count))
    .sort((a, b) => a.count - b.count);
}

/** Returns the point with the lowest mean, or null with fewer than 2 points to compare. */
function lowestPoint(points: readonly CurvePoint[]): CurvePoint | null {
  if (points.length < 2) {
    return null;
  }

  return points.reduce((best, point) => ((point.mean ?? 0) < (best.mean ?? 0) ? point : best));
}

/** Returns the x domain: the counts with half a step of room on each side. */
function countDomain(points: readonly CurvePoint[]): [number, number] {
  if (points.length === 0) {
    return [0.5, 1.5];
  }

  const low = points[0]?.count ?? 1;
  const high = points[points.length - 1]?.count ?? 1;

  return [low - 0.5, high + 0.5];
}

/** Returns the values that the y domain must cover: the band's edges, the means and 1. */
function ratioExtent(points: readonly CurvePoint[]): number[] {
  const values = [1];
  for (const { mean, sd } of points) {
    if (mean !== null) {
      values.push(
        mean,
        sd === null ? mean : mean + sd,
        sd === null ? mean : Math.max(0, mean - sd),
      );
    }
  }

  return values;
}

function drawAxes(
  svg: SvgSelection,
  x: LinearScale,
  y: LinearScale,
  points: readonly CurvePoint[],
  width: number,
  height: number,
  top: number,
): void {
  const plotBottom = height - MARGIN.bottom;
  const counts = points.map((point) => point.count);
  // Counts are whole numbers, so the x axis never shows fractional ticks.
  const tickValues =
    counts.length <= MAX_COUNT_TICKS
      ? counts
      : x.ticks(TICK_COUNT).filter((tick) => Number.isInteger(tick));

  drawAxis(
    svg,
    axisBottom(x)
      .tickValues(tickValues)
      .tickFormat((value) => String(value)),
    0,
    plotBottom,
    "elimination-axis elimination-axis-x",
  );
  drawAxis(
    svg,
    axisLeft(y).ticks(TICK_COUNT),
    MARGIN.left,
    0,
    "elimination-axis elimination-axis-y",
  );
  drawLabel(
    svg,
    "Features kept",
    (MARGIN.left + width - MARGIN.right) / 2,
    height - 10,
    "elimination-axis-label",
  );
  drawLabel(
    svg,
    "Validation error ÷ error with all features",
    16,
    (top + plotBottom) / 2,
    "elimination-axis-label",
    true,
  );
}

interface LegendEntry {
  kind: "line" | "band" | "reference" | "lowest";
  text: string;
}

function legendEntries(
  repetitions: number | undefined,
  hasBand: boolean,
  hasLowest: boolean,
): LegendEntry[] {
  const over =
    repetitions === undefined
      ? "Mean over the repetitions"
      : `Mean over ${repetitions} repetition${repetitions === 1 ? "" : "s"}`;
  const entries: LegendEntry[] = [{ kind: "line", text: over }];
  if (hasBand) {
    entries.push({ kind: "band", text: "±1 sd" });
  }

  entries.push({ kind: "reference", text: "All features (1)" });
  if (hasLowest) {
    entries.push({ kind: "lowest", text: "Lowest mean" });
  }

  return entries;
}

/** Places legend entries left to right, wrapping to a new row where one would overflow. */
function layoutLegend(entries: readonly LegendEntry[], available: number) {
  const positions: { x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const entry of entries) {
    const entryWidth = LEGEND_SWATCH_WIDTH + 6 + estimateTextWidth(entry.text);
    if (x > 0 && x + entryWidth > available) {
      x = 0;
      row++;
    }

    positions.push({ x, row });
    x += entryWidth + LEGEND_GAP;
  }

  return { positions, rowCount: entries.length === 0 ? 0 : row + 1 };
}

function drawLegend(
  svg: SvgSelection,
  entries: readonly LegendEntry[],
  positions: readonly { x: number; row: number }[],
  color: string,
): void {
  const legend = svg
    .append("g")
    .attr("class", "elimination-legend")
    .attr("transform", `translate(${MARGIN.left},${MARGIN.top / 2 + 4})`);

  entries.forEach((entry, index) => {
    const { x, row } = positions[index] ?? { x: 0, row: 0 };
    const item = legend.append("g").attr("transform", `translate(${x},${row * LEGEND_ROW_HEIGHT})`);
    const middle = LEGEND_SWATCH_WIDTH / 2;
    switch (entry.kind) {
      case "line":
        item
          .append("line")
          .attr("x2", LEGEND_SWATCH_WIDTH)
          .attr("stroke", color)
          .attr("stroke-width", 2);
        break;
      case "band":
        item
          .append("rect")
          .attr("y", -6)
          .attr("width", LEGEND_SWATCH_WIDTH)
          .attr("height", 12)
          .attr("fill", color)
          .attr("fill-opacity", BAND_OPACITY);
        break;
      case "reference":
        item
          .append("line")
          .attr("x2", LEGEND_SWATCH_WIDTH)
          .attr("stroke", NEUTRAL_COLOR)
          .attr("stroke-dasharray", "5 4");
        break;
      case "lowest":
        item
          .append("circle")
          .attr("cx", middle)
          .attr("r", LOWEST_RADIUS)
          .attr("fill", HIGHLIGHT_COLOR)
          .attr("stroke", "#fff");
        break;
    }

    item
      .append("text")
      .attr("x", LEGEND_SWATCH_WIDTH + 6)
      .attr("dy", "0.35em")
      .attr("fill", "currentColor")
      .text(entry.text);
  });
}

function pointTooltip(point: CurvePoint, metricLabel: string, isLowest: boolean): string {
  const kept = `${point.count} feature${point.count === 1 ? "" : "s"} kept`;
  const ratio = formatMeanSd({ mean: point.mean, sd: point.sd }, RATIO_DECIMALS) ?? "missing";
  const error = point.error === undefined ? null : formatMeanSd(point.error, PERCENT_DECIMALS);
  const errorText = error === null ? "" : `; ${metricLabel} ${error} %`;
  const lowestText = isLowest ? " (lowest mean)" : "";

  return `${kept}: error ratio ${ratio}${errorText}, mean ± sd${lowestText}`;
}

function describeCurve(points: readonly CurvePoint[], lowest: CurvePoint | null): string {
  if (points.length === 0) {
    return "Feature elimination error curve without data";
  }

  const low = points[0]?.count ?? 0;
  const high = points[points.length - 1]?.count ?? 0;
  const lowestText =
    lowest === null
      ? ""
      : `; the lowest mean is ${formatFixed(lowest.mean ?? 0, RATIO_DECIMALS)} with ${lowest.count} feature${lowest.count === 1 ? "" : "s"}`;

  return (
    `Feature elimination: validation error relative to the error with all features, ` +
    `against the number of features kept from ${high} down to ${low}${lowestText}`
  );
}
