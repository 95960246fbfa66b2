import { axisBottom, axisLeft, scaleBand, scaleLinear } from "d3";

import {
  checkSize,
  createChartSvg,
  drawAxis,
  drawEmptyMessage,
  drawLabel,
  estimateTextWidth,
  NEUTRAL_COLOR,
  paddedDomain,
} from "./chartSvg";
import { LEGEND_ROW_HEIGHT, type LegendPlacement, legendRows } from "./legendRows";
import { seriesColor } from "./seriesColors";

/** Mean and sd of a metric over the repetitions; null where the metric is undefined. */
export interface MetricBarValue {
  mean: number | null;
  sd: number | null;
}

/** One bar per category, e.g. a model kind or a run. */
export interface MetricBarGroup {
  label: string;
  /** One value per category, in the order of `categories`. */
  values: readonly (MetricBarValue | null)[];
  /** Fill of the group's bars. @default the group's colour in the Okabe–Ito palette */
  color?: string;
}

/** Options of {@link renderMetricBars}. */
export interface MetricBarsOptions {
  /** Labels along the x axis, e.g. the REEs. */
  categories: readonly string[];
  groups: readonly MetricBarGroup[];
  /** Label of the vertical axis with its unit, e.g. "Test R² (dimensionless)" or "Test MAPE (%)". */
  yLabel: string;
  /** Label of the horizontal axis. @default "Target" */
  xLabel?: string;
  /** Unit written after each value in the tooltips, e.g. "%". @default "" */
  unit?: string;
  /** Decimals of the values in the tooltips. @default 2 */
  decimals?: number;
  /** Width of the SVG in px. @default 40 px per bar, from 360 to 1100 */
  width?: number;
  /** Height of the SVG in px. @default 320 */
  height?: number;
  /** Title above the plot. @default none */
  title?: string;
  /** Accessible name of the chart. @default a sentence naming the metric and the groups */
  ariaLabel?: string;
}

const DEFAULT_HEIGHT = 320;
const MIN_WIDTH = 360;
/** Widest default, the page's content width, so that the text is never scaled down on screen. */
const MAX_WIDTH = 1100;
const BAR_WIDTH = 40;
const MARGIN = { top: 56, right: 16, bottom: 72, left: 64 };
const MIN_PLOT_SIDE = 40;
/** Width in px of a legend swatch and the space after it. */
const LEGEND_SWATCH = 16;
const TICK_COUNT = 6;
/** Half-width in px of the caps at the ends of an error bar. */
const CAP = 4;

/**
 * Renders grouped bar charts of a metric's mean with ±1 sd error bars, as a detached SVG: one
 * cluster of bars per category and one bar per group, with a legend when there is more than one
 * group. The y axis always includes 0, so negative R² reads as a bar below the zero line. A
 * missing mean draws a small "n/a" instead of a bar. Each bar has class `metric-bar` and a
 * `<title>` with the group, category, mean and sd.
 *
 * @throws RangeError when width or height leaves no room for the plot area.
 */
export function renderMetricBars(options: MetricBarsOptions): SVGSVGElement {
  const {
    categories,
    groups,
    yLabel,
    xLabel = "Target",
    unit = "",
    decimals = 2,
    height = DEFAULT_HEIGHT,
    title,
  } = options;
  const width =
    options.width ??
    Math.min(
      MAX_WIDTH,
      Math.max(
        MIN_WIDTH,
        MARGIN.left + MARGIN.right + BAR_WIDTH * categories.length * Math.max(1, groups.length),
      ),
    );
  checkSize("width", width, MARGIN.left + MARGIN.right + MIN_PLOT_SIDE);
  const legend =
    groups.length > 1
      ? legendRows(
          groups.map((group) => group.label),
          width - MARGIN.left - MARGIN.right,
          LEGEND_SWATCH,
        )
      : { placements: [], rows: 1 };
  // Each legend row beyond the first moves the plot down.
  const plotTop = MARGIN.top + (legend.rows - 1) * LEGEND_ROW_HEIGHT;
  checkSize("height", height, plotTop + MARGIN.bottom + MIN_PLOT_SIDE);

  const bars = groups.flatMap((group, groupIndex) =>
    categories.map((category, categoryIndex) => ({
      group,
      groupIndex,
      category,
      value: group.values[categoryIndex] ?? null,
    })),
  );
  const extents = bars.flatMap(({ value }) => errorBarEnds(value));
  const x = scaleBand<string>()
    .domain(categories)
    .range([MARGIN.left, width - MARGIN.right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const inner = scaleBand<number>()
    .domain(groups.map((_, index) => index))
    .range([0, x.bandwidth()])
    .padding(0.08);
  const y = scaleLinear()
    .domain(paddedDomain(extents, { includeZero: true }))
    .nice(TICK_COUNT)
    .range([height - MARGIN.bottom, plotTop]);

  const svg = createChartSvg(
    "metric-bars",
    width,
    height,
    options.ariaLabel ?? `Bar chart of ${yLabel} by ${xLabel.toLowerCase()}` + groupList(groups),
  );
  drawAxis(svg, axisLeft(y).ticks(TICK_COUNT), MARGIN.left, 0, "metric-axis metric-axis-y");
  // d3-axis sets its own font on each axis; removing it lets the labels inherit the SVG's font.
  const xAxis = svg
    .append("g")
    .attr("class", "metric-axis metric-axis-x")
    .attr("transform", `translate(0,${height - MARGIN.bottom})`)
    .call(axisBottom(x).tickSizeOuter(0))
    .attr("font-size", null)
    .attr("font-family", null);
  const rotated = categories.some((category) => estimateTextWidth(category) > x.step() - 4);
  if (rotated) {
    xAxis
      .selectAll("text")
      .attr("text-anchor", "end")
      .attr("dx", "-0.4em")
      .attr("dy", "0.6em")
      .attr("transform", "rotate(-35)");
  }

  drawLabel(svg, yLabel, 16, (plotTop + height - MARGIN.bottom) / 2, "metric-axis-label", true);
  // Rotated category labels take the whole bottom margin; upright ones leave the label near.
  const xLabelY = rotated ? height - 8 : height - MARGIN.bottom + 40;
  drawLabel(svg, xLabel, (MARGIN.left + width - MARGIN.right) / 2, xLabelY, "metric-axis-label");
  if (title !== undefined) {
    drawLabel(svg, title, (MARGIN.left + width - MARGIN.right) / 2, 16, "metric-bars-title");
  }

  const format = (value: number | null) =>
    value === null || !Number.isFinite(value) ? "n/a" : value.toFixed(decimals);
  const unitSuffix = unit === "" ? "" : ` ${unit}`;
  const layer = svg.append("g").attr("class", "metric-bars-layer");
  for (const { group, groupIndex, category, value } of bars) {
    const left = (x(category) ?? 0) + (inner(groupIndex) ?? 0);
    const barWidth = inner.bandwidth();
    const tooltip =
      `${group.label}, ${category}: ${format(value?.mean ?? null)}${unitSuffix}` +
      (isFiniteNumber(value?.sd) ? ` ± ${format(value.sd)}${unitSuffix} (sd)` : "");
    const mean = value?.mean;
    if (!isFiniteNumber(mean)) {
      const missing = layer.append("g").attr("class", "metric-missing");
      missing
        .append("text")
        .attr("x", left + barWidth / 2)
        .attr("y", y(0) - 4)
        .attr("text-anchor", "middle")
        .attr("font-size", 10)
        .attr("fill", NEUTRAL_COLOR)
        .text("n/a");
      missing.append("title").text(tooltip);
      continue;
    }

    const color = group.color ?? seriesColor(groupIndex);
    const bar = layer.append("g").attr("class", "metric-bar").attr("data-group", group.label);
    bar
      .append("rect")
      .attr("x", left)
      .attr("width", barWidth)
      .attr("y", Math.min(y(mean), y(0)))
      .attr("height", Math.abs(y(0) - y(mean)))
      .attr("fill", color);
    const sd = value?.sd;
    if (isFiniteNumber(sd) && sd > 0) {
      const center = left + barWidth / 2;
      bar
        .append("path")
        .attr("class", "metric-error")
        .attr(
          "d",
          `M${center},${y(mean - sd)}V${y(mean + sd)}` +
            `M${center - CAP},${y(mean - sd)}H${center + CAP}` +
            `M${center - CAP},${y(mean + sd)}H${center + CAP}`,
        )
        .attr("stroke", "#1b1b1b")
        .attr("stroke-width", 1.2)
        .attr("fill", "none");
    }

    bar.append("title").text(tooltip);
  }

  svg
    .append("line")
    .attr("class", "metric-zero")
    .attr("x1", MARGIN.left)
    .attr("x2", width - MARGIN.right)
    .attr("y1", y(0))
    .attr("y2", y(0))
    .attr("stroke", NEUTRAL_COLOR);

  if (!bars.some(({ value }) => isFiniteNumber(value?.mean))) {
    drawEmptyMessage(
      svg,
      "No values to plot",
      (MARGIN.left + width - MARGIN.right) / 2,
      (plotTop + height - MARGIN.bottom) / 2,
      "metric-bars-empty",
    );
  }

  if (groups.length > 1) {
    drawLegend(svg, groups, legend.placements, title === undefined ? 20 : 36);
  }

  return svg.node()!;
}

/** Returns mean - sd and mean + sd, or the mean alone, leaving out what is not finite. */
function errorBarEnds(value: MetricBarValue | null): number[] {
  const mean = value?.mean;
  if (!isFiniteNumber(mean)) {
    return [];
  }

  const sd = value?.sd;

  return isFiniteNumber(sd) ? [mean - sd, mean + sd] : [mean];
}

function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function groupList(groups: readonly MetricBarGroup[]): string {
  return groups.length === 0 ? "" : `, for ${groups.map((group) => group.label).join(", ")}`;
}

function drawLegend(
  svg: ReturnType<typeof createChartSvg>,
  groups: readonly MetricBarGroup[],
  placements: readonly LegendPlacement[],
  top: number,
): void {
  const legend = svg
    .append("g")
    .attr("class", "metric-legend")
    .attr("transform", `translate(${MARGIN.left},${top})`);
  groups.forEach((group, index) => {
    const { x, y } = placements[index] ?? { x: 0, y: 0 };
    const entry = legend.append("g").attr("transform", `translate(${x},${y})`);
    entry
      .append("rect")
      .attr("y", -6)
      .attr("width", 12)
      .attr("height", 12)
      .attr("fill", group.color ?? seriesColor(index));
    entry
      .append("text")
      .attr("x", 16)
      .attr("dy", "0.35em")
      .attr("fill", "currentColor")
      .text(group.label);
  });
}
