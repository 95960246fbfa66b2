import { axisBottom, interpolateBlues, scaleLinear } from "d3";

import { columnLabel } from "../../lib/labels";
import {
  checkSize,
  createChartSvg,
  drawAxis,
  drawColorBar,
  drawEmptyMessage,
  drawLabel,
  estimateTextWidth,
  type SvgSelection,
  textColorOn,
} from "./chartSvg";

/** Options of {@link renderKeptProbabilityMap}. */
export interface KeptProbabilityMapOptions {
  /** Features in the order of the inner arrays of `keptProbability`. */
  features: readonly string[];
  /** Features kept at each step of the elimination, e.g. [10, 9, …, 1]. */
  counts: readonly number[];
  /**
   * keptProbability[step][feature]: share of the repetitions, from 0 to 1, that still keep the
   * feature when `counts[step]` features are kept.
   */
  keptProbability: readonly (readonly number[])[];
  /** Eliminations that the shares are taken over, for the tooltips. @default not stated */
  repetitions?: number;
  /** Width of one cell in px. @default 40 */
  cellWidth?: number;
  /** Height of one cell in px. @default 24 */
  cellHeight?: number;
  /** Colour of a share from 0 to 1. @default d3.interpolateBlues, from near white to dark blue */
  colorOf?: (share: number) => string;
  /** Turns a feature name into its row label. @default the name without its unit suffix */
  featureLabel?: (feature: string) => string;
  /** Accessible name of the chart. @default a sentence with the longest-surviving feature */
  ariaLabel?: string;
}

interface Row {
  feature: string;
  label: string;
  /** Index of the feature in the inner arrays of `keptProbability`. */
  index: number;
  /** Sum of the shares over the steps: the mean number of steps the feature survives. */
  survival: number;
}

interface Cell {
  row: Row;
  count: number;
  /** Share from 0 to 1, or null where it is missing or not finite. */
  share: number | null;
}

const DEFAULT_CELL_WIDTH = 40;
const DEFAULT_CELL_HEIGHT = 24;
const MIN_CELL_SIDE = 8;
/** Room above the cells for the colour bar and its tick labels, in px. */
const LEGEND_HEIGHT = 62;
const LEGEND_WIDTH = 200;
const LEGEND_TITLE = "Share of repetitions that keep the feature";
const AXIS_LABEL = "Features kept (elimination runs from right to left)";
const EMPTY_MESSAGE = "No elimination steps to plot";
/** Narrowest content right of the row labels: room for the legend title and the axis label. */
const MIN_CONTENT_WIDTH = Math.max(
  LEGEND_WIDTH,
  estimateTextWidth(LEGEND_TITLE),
  estimateTextWidth(AXIS_LABEL),
);
const MARGIN = { right: 16, bottom: 46, labelGap: 8, minLeft: 40 };
/** Cells at least this wide show their share as a number. */
const MIN_TEXT_CELL_WIDTH = 30;
const MISSING_COLOR = "#bdbdbd";
const CELL_BORDER_COLOR = "#fff";

function defaultColorOf(share: number): string {
  return interpolateBlues(share);
}

/**
 * Renders how often each feature survives recursive feature elimination as a heat map with D3,
 * as a detached SVG element. Rows are the features, those that survive longest (largest mean
 * number of steps kept) on top. Columns are the numbers of features kept, from 1 on the left to
 * all on the right, so elimination proceeds from right to left. The colour of a cell is the share
 * of repetitions that keep the feature at that step, on a fixed 0–100 % scale shown in the legend.
 * Missing or non-finite shares are grey. Each cell has class `kept-cell`, `data-feature` and
 * `data-count` attributes and a `<title>` tooltip.
 *
 * @throws RangeError when cellWidth or cellHeight is not finite or under 8 px.
 */
export function renderKeptProbabilityMap(options: KeptProbabilityMapOptions): SVGSVGElement {
  const {
    features,
    counts,
    keptProbability,
    repetitions,
    cellWidth = DEFAULT_CELL_WIDTH,
    cellHeight = DEFAULT_CELL_HEIGHT,
    colorOf = defaultColorOf,
    featureLabel = columnLabel,
  } = options;
  checkSize("cellWidth", cellWidth, MIN_CELL_SIDE);
  checkSize("cellHeight", cellHeight, MIN_CELL_SIDE);

  const rows = survivalOrder(features, keptProbability, featureLabel);
  const columns = counts
    .map((count, step) => ({ count, step }))
    .filter(({ count }) => Number.isFinite(count))
    .sort((a, b) => a.count - b.count);
  const left = Math.max(
    MARGIN.minLeft,
    ...rows.map((row) => estimateTextWidth(row.label) + 2 * MARGIN.labelGap),
  );
  const plotWidth = Math.max(columns.length, 1) * cellWidth;
  const plotHeight = Math.max(rows.length, 1) * cellHeight;
  const width = left + Math.max(plotWidth, MIN_CONTENT_WIDTH) + MARGIN.right;
  const height = LEGEND_HEIGHT + plotHeight + MARGIN.bottom;
  const cells: Cell[] = rows.flatMap((row) =>
    columns.map(({ count, step }) => ({
      row,
      count,
      share: validShare(keptProbability[step]?.[row.index]),
    })),
  );

  const svg = createChartSvg(
    "kept-probability-map",
    width,
    height,
    options.ariaLabel ?? describeMap(rows, columns.length),
  );
  drawColorBar(svg, {
    color: colorOf,
    scale: scaleLinear().domain([0, 1]).range([0, LEGEND_WIDTH]),
    tickValues: [0, 0.25, 0.5, 0.75, 1],
    tickFormat: (share) => `${Math.round(share * 100)} %`,
    title: LEGEND_TITLE,
    x: left,
    y: 22,
    className: "kept-legend",
  });

  const columnX = new Map(
    columns.map(({ count }, position) => [count, left + position * cellWidth]),
  );
  const rowY = new Map(
    rows.map((row, position) => [row.feature, LEGEND_HEIGHT + position * cellHeight]),
  );
  const showText = cellWidth >= MIN_TEXT_CELL_WIDTH && cellHeight >= 14;
  const groups = svg
    .append("g")
    .attr("class", "kept-cells")
    .selectAll("g")
    .data(cells)
    .join("g")
    .attr("class", "kept-cell")
    .attr("data-feature", (cell) => cell.row.feature)
    .attr("data-count", (cell) => cell.count)
    .attr(
      "transform",
      (cell) => `translate(${columnX.get(cell.count) ?? 0},${rowY.get(cell.row.feature) ?? 0})`,
    );
  groups
    .append("rect")
    .attr("width", cellWidth)
    .attr("height", cellHeight)
    .attr("fill", (cell) => (cell.share === null ? MISSING_COLOR : colorOf(cell.share)))
    .attr("stroke", CELL_BORDER_COLOR);
  if (showText) {
    groups
      .append("text")
      .attr("x", cellWidth / 2)
      .attr("y", cellHeight / 2)
      .attr("dy", "0.35em")
      .attr("text-anchor", "middle")
      .attr("font-size", 11)
      .attr("fill", (cell) =>
        textColorOn(cell.share === null ? MISSING_COLOR : colorOf(cell.share)),
      )
      .text((cell) => (cell.share === null ? "—" : String(Math.round(cell.share * 100))));
  }

  groups.append("title").text((cell) => cellTooltip(cell, repetitions));

  drawRowLabels(svg, rows, left, cellHeight);
  drawCountAxis(svg, width, columns, left, cellWidth, plotHeight);
  if (rows.length === 0 || columns.length === 0) {
    drawEmptyMessage(
      svg,
      EMPTY_MESSAGE,
      centreWithin(left + plotWidth / 2, estimateTextWidth(EMPTY_MESSAGE), width),
      LEGEND_HEIGHT + plotHeight / 2 + 4,
      "kept-probability-empty",
    );
  }

  return svg.node()!;
}

/** Returns the share clamped to 0–1, or null where it is missing or not finite. */
function validShare(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : Math.min(1, Math.max(0, value));
}

/**
 * Orders the features by their mean number of steps kept, largest first, and keeps the given
 * order between equals.
 */
function survivalOrder(
  features: readonly string[],
  keptProbability: readonly (readonly number[])[],
  featureLabel: (feature: string) => string,
): Row[] {
  const rows = features.map((feature, index) => ({
    feature,
    label: featureLabel(feature),
    index,
    survival: keptProbability.reduce((sum, step) => sum + (validShare(step[index]) ?? 0), 0),
  }));

  // Rounding makes equal sums of different shares compare equal despite floating-point error.
  const rounded = (value: number) => Math.round(value * 1e9);

  return rows.sort((a, b) => rounded(b.survival) - rounded(a.survival) || a.index - b.index);
}

function drawRowLabels(
  svg: SvgSelection,
  rows: readonly Row[],
  left: number,
  cellHeight: number,
): void {
  svg
    .append("g")
    .attr("class", "kept-rows")
    .selectAll("text")
    .data(rows)
    .join("text")
    .attr("x", left - MARGIN.labelGap)
    .attr("y", (_, position) => LEGEND_HEIGHT + (position + 0.5) * cellHeight)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .attr("fill", "currentColor")
    .text((row) => row.label);
}

/** Moves the centre of a text of `textWidth` px so that the text stays inside [0, width]. */
function centreWithin(centre: number, textWidth: number, width: number): number {
  return Math.min(Math.max(centre, textWidth / 2 + 4), width - textWidth / 2 - 4);
}

function drawCountAxis(
  svg: SvgSelection,
  width: number,
  columns: readonly { count: number }[],
  left: number,
  cellWidth: number,
  plotHeight: number,
): void {
  const positions = scaleLinear()
    .domain([0, Math.max(columns.length, 1)])
    .range([left, left + Math.max(columns.length, 1) * cellWidth]);
  const axis = axisBottom(positions)
    .tickValues(columns.map((_, position) => position + 0.5))
    .tickFormat((_, position) => String(columns[position]?.count ?? ""))
    .tickSizeOuter(0);

  drawAxis(svg, axis, 0, LEGEND_HEIGHT + plotHeight, "kept-axis");
  drawLabel(
    svg,
    AXIS_LABEL,
    centreWithin(
      left + (Math.max(columns.length, 1) * cellWidth) / 2,
      estimateTextWidth(AXIS_LABEL),
      width,
    ),
    LEGEND_HEIGHT + plotHeight + MARGIN.bottom - 8,
    "kept-axis-label",
  );
}

function cellTooltip(cell: Cell, repetitions: number | undefined): string {
  const head = `${cell.row.label} with ${cell.count} feature${cell.count === 1 ? "" : "s"} kept`;
  if (cell.share === null) {
    return `${head}: no value`;
  }

  const percent = `${Math.round(cell.share * 100)} %`;
  const of =
    repetitions === undefined
      ? "of the repetitions"
      : `of ${repetitions} repetitions (${Math.round(cell.share * repetitions)})`;

  return `${head}: kept in ${percent} ${of}`;
}

function describeMap(rows: readonly Row[], stepCount: number): string {
  const first = rows[0];
  if (first === undefined || stepCount === 0) {
    return "Feature survival heat map without data";
  }

  return (
    `Heat map of the share of repetitions that keep each of ${rows.length} features at each of ` +
    `${stepCount} elimination steps; ${first.label} survives longest`
  );
}
