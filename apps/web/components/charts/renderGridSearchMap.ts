import { interpolateYlOrRd, type ScaleContinuousNumeric, scaleLinear, scaleLog } from "d3";

import { formatFixed, formatMeanSd, formatPowerOfTen } from "../../lib/format";
import {
  checkSize,
  createChartSvg,
  drawColorBar,
  drawEmptyMessage,
  drawLabel,
  estimateTextWidth,
  type GroupSelection,
  NEUTRAL_COLOR,
  paddedDomain,
  type SvgSelection,
  textColorOn,
} from "./chartSvg";
import {
  cellSpan,
  drawLogCellAxis,
  hasLogCell,
  type LogCells,
  logCells,
  logTickLabels,
  placeLogCells,
} from "./logCellAxis";
import type { SummaryValue } from "./renderEliminationCurve";

/** One combination of a grid search with its validation error, as the Run query returns it. */
export interface GridPointData {
  /** Units of each hidden layer, e.g. [20, 6]. */
  hiddenUnits: readonly number[];
  learningRate: number;
  weightDecay: number;
  /** Validation error in % over the repetitions. */
  error: SummaryValue;
}

/** Options of {@link renderGridSearchMap}. */
export interface GridSearchMapOptions {
  points: readonly GridPointData[];
  /** Combination with the lowest mean error, outlined in its panel. @default none */
  best?: GridPointData | null;
  /**
   * Hidden layer configurations to draw, one panel each. The axes and the colour scale always
   * cover every point, so that panels drawn separately compare directly.
   * @default every configuration in `points`, in order of appearance
   */
  panels?: readonly (readonly number[])[];
  /** Panels per row. @default 2 */
  columns?: number;
  /** Width of one panel in px, axes included. @default 320 */
  panelWidth?: number;
  /** Height of one panel in px, title and axes included. @default 280 */
  panelHeight?: number;
  /** Name of the validation error, e.g. "MAPE". @default "error" */
  metricLabel?: string;
  /**
   * Colour scale of the error: "log" spreads errors that span decades, "linear" suits a narrow
   * range. @default "log" when all means are > 0 and the largest is ≥ 10 × the smallest
   */
  colorScale?: "linear" | "log";
  /** Colour of a position from 0 (lowest error) to 1 (highest). @default light yellow to dark red */
  colorOf?: (position: number) => string;
  /** Accessible name of the chart. @default a sentence with the lowest error and where it is */
  ariaLabel?: string;
}

/** A point whose hyperparameters have cells: each 0 or positive and finite. */
interface PlacedPoint extends GridPointData {
  /** Mean error, or null where it is missing or not finite. */
  mean: number | null;
  isBest: boolean;
}

const DEFAULT_COLUMNS = 2;
const DEFAULT_PANEL_WIDTH = 320;
const DEFAULT_PANEL_HEIGHT = 280;
/** Room above the panels for the colour bar, its ticks and the best-point key, in px. */
const HEADER_HEIGHT = 64;
const FOOTNOTE_HEIGHT = 20;
const PANEL_MARGIN = { top: 26, right: 14, bottom: 44, minLeft: 56 };
const MIN_PLOT_SIDE = 40;
const LEGEND_WIDTH = 200;
const BEST_KEY_GAP = 36;
const BEST_KEY_LABEL = "Lowest mean error";
/** Width of the colour bar and the best-point key, from the bar's left end, in px. */
const HEADER_WIDTH = LEGEND_WIDTH + BEST_KEY_GAP + 22 + estimateTextWidth(BEST_KEY_LABEL) + 12;
/** Cells at least this large show their mean error as a number. */
const MIN_TEXT_CELL = { width: 34, height: 16 };
const MISSING_COLOR = "#bdbdbd";
const BEST_STROKE_WIDTH = 3;
/** Errors spanning at least this ratio get a log colour scale by default. */
const LOG_SCALE_RATIO = 10;
const ERROR_DECIMALS = 1;

function defaultColorOf(position: number): string {
  // The palette's first tenth is almost white, too close to the page for the lowest errors.
  return interpolateYlOrRd(0.1 + 0.9 * position);
}

/** Returns "Hidden layers 20, 6" or "Hidden layer 16". */
export function formatHiddenUnits(hiddenUnits: readonly number[]): string {
  return hiddenUnits.length === 1
    ? `Hidden layer ${hiddenUnits[0]}`
    : `Hidden layers ${hiddenUnits.join(", ")}`;
}

function sameUnits(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((units, index) => units === b[index]);
}

/** Returns the distinct hidden layer configurations of the points, in order of appearance. */
export function hiddenUnitConfigurations(points: readonly GridPointData[]): number[][] {
  const configurations: number[][] = [];
  for (const { hiddenUnits } of points) {
    if (!configurations.some((configuration) => sameUnits(configuration, hiddenUnits))) {
      configurations.push([...hiddenUnits]);
    }
  }

  return configurations;
}

/**
 * Renders grid search results as heat maps with D3, in a detached SVG element. Each hidden layer
 * configuration gets a panel with the learning rate on the x axis and the weight decay on the y
 * axis, both logarithmic. The colour of a combination's cell is its mean validation error. Each
 * cell reaches halfway (in log space) to its neighbours, so irregular grids keep their true
 * spacing. A value of 0, which a log scale cannot place, gets a cell of its own before the
 * lowest value, behind a break in the axis. The best combination is outlined. Combinations with
 * a negative or non-finite learning rate or weight decay are left out and counted in a note, and
 * cells without an error are grey. Each cell has class `grid-cell`, `data-learning-rate` and
 * `data-weight-decay` attributes and a `<title>` tooltip.
 *
 * @throws RangeError when columns, panelWidth or panelHeight is invalid.
 */
export function renderGridSearchMap(options: GridSearchMapOptions): SVGSVGElement {
  const {
    points,
    best = null,
    columns = DEFAULT_COLUMNS,
    panelWidth = DEFAULT_PANEL_WIDTH,
    panelHeight = DEFAULT_PANEL_HEIGHT,
    metricLabel = "error",
    colorOf = defaultColorOf,
  } = options;
  if (!Number.isInteger(columns) || columns < 1) {
    throw new RangeError(`columns must be a whole number of at least 1, got ${columns}`);
  }

  const placed = placePoints(points, best);
  const excluded = points.length - placed.length;
  const xCells = logCells(placed.map((point) => point.learningRate));
  const yCells = logCells(placed.map((point) => point.weightDecay));
  const left = Math.max(
    PANEL_MARGIN.minLeft,
    ...logTickLabels(yCells).map((label) => estimateTextWidth(label) + 30),
  );
  checkSize("panelWidth", panelWidth, left + PANEL_MARGIN.right + MIN_PLOT_SIDE);
  checkSize("panelHeight", panelHeight, PANEL_MARGIN.top + PANEL_MARGIN.bottom + MIN_PLOT_SIDE);

  const panels = options.panels ?? hiddenUnitConfigurations(points);
  const columnCount = Math.max(1, Math.min(columns, panels.length));
  const rowCount = Math.max(1, Math.ceil(panels.length / columnCount));
  const note = excluded === 0 ? null : excludedNote(excluded);
  const width = Math.max(
    columnCount * panelWidth,
    left + HEADER_WIDTH,
    note === null ? 0 : estimateTextWidth(note) + 16,
  );
  const height = HEADER_HEIGHT + rowCount * panelHeight + (excluded > 0 ? FOOTNOTE_HEIGHT : 0);
  const color = errorColorScale(placed, options.colorScale);
  const title = `Validation ${metricLabel} (%)`;

  const svg = createChartSvg(
    "grid-search-map",
    width,
    height,
    options.ariaLabel ?? describeGrid(placed, best, panels.length, title),
  );
  // Without any error there is nothing for the colour bar to explain.
  if (placed.some((point) => point.mean !== null)) {
    drawHeader(
      svg,
      color,
      colorOf,
      left,
      title,
      placed.some((point) => point.isBest),
    );
  }

  const layout = { left, panelWidth, panelHeight, xCells, yCells, metricLabel };
  panels.forEach((hiddenUnits, index) => {
    const panel = svg
      .append("g")
      .attr("class", "grid-panel")
      .attr("data-hidden-units", hiddenUnits.join(","))
      .attr(
        "transform",
        `translate(${(index % columnCount) * panelWidth},${HEADER_HEIGHT + Math.floor(index / columnCount) * panelHeight})`,
      );
    const own = placed.filter((point) => sameUnits(point.hiddenUnits, hiddenUnits));
    drawPanel(panel, hiddenUnits, own, layout, (mean) => color.scale(mean), colorOf);
  });

  if (panels.length === 0) {
    drawEmptyMessage(
      svg,
      "No grid points to plot",
      width / 2,
      HEADER_HEIGHT + panelHeight / 2,
      "grid-empty",
    );
  }

  if (note !== null) {
    svg
      .append("text")
      .attr("class", "grid-excluded")
      .attr("x", 8)
      .attr("y", height - 6)
      .attr("fill", NEUTRAL_COLOR)
      .text(note);
  }

  return svg.node()!;
}

function excludedNote(count: number): string {
  return (
    `${count} combination${count === 1 ? " is" : "s are"} not shown, because a negative or ` +
    "non-finite learning rate or weight decay has no place on the axes"
  );
}

/** Keeps the points whose hyperparameters have cells and marks the best one. */
function placePoints(points: readonly GridPointData[], best: GridPointData | null): PlacedPoint[] {
  return points
    .filter((point) => hasLogCell(point.learningRate) && hasLogCell(point.weightDecay))
    .map((point) => ({
      ...point,
      mean:
        point.error.mean !== null && Number.isFinite(point.error.mean) ? point.error.mean : null,
      isBest:
        best !== null &&
        sameUnits(point.hiddenUnits, best.hiddenUnits) &&
        point.learningRate === best.learningRate &&
        point.weightDecay === best.weightDecay,
    }));
}

/** Colour position of the errors: 0 at the lowest mean, 1 at the highest. */
interface ErrorColorScale {
  scale: ScaleContinuousNumeric<number, number>;
  log: boolean;
}

function errorColorScale(
  points: readonly PlacedPoint[],
  requested: "linear" | "log" | undefined,
): ErrorColorScale {
  const means = points.flatMap((point) => (point.mean === null ? [] : [point.mean]));
  const low = Math.min(...means);
  const high = Math.max(...means);
  const canUseLog = means.length > 0 && low > 0 && high > low;
  const log =
    requested === "log"
      ? canUseLog
      : requested === undefined && canUseLog && high / low >= LOG_SCALE_RATIO;
  if (log) {
    return { scale: scaleLog().domain([low, high]).range([0, 1]).clamp(true), log };
  }

  const domain = means.length > 0 && high > low ? [low, high] : paddedDomain(means);

  return { scale: scaleLinear().domain(domain).range([0, 1]).clamp(true), log };
}

/** Returns the colour bar's ticks, on a log scale only 1, 2 and 5 times powers of ten. */
function colorTicks({ scale, log }: ErrorColorScale): number[] {
  const ticks = scale.ticks(5);
  if (!log) {
    return ticks;
  }

  const round = ticks.filter((tick) => {
    const mantissa = Number((tick / 10 ** Math.floor(Math.log10(tick))).toPrecision(3));

    return mantissa === 1 || mantissa === 2 || mantissa === 5;
  });

  return round.length >= 2 ? round : ticks;
}

function drawHeader(
  svg: SvgSelection,
  color: ErrorColorScale,
  colorOf: (position: number) => string,
  left: number,
  title: string,
  hasBest: boolean,
): void {
  drawColorBar(svg, {
    color: (value) => colorOf(color.scale(value)),
    scale: color.scale.copy().range([0, LEGEND_WIDTH]),
    tickValues: colorTicks(color),
    tickFormat: (value) => String(Number(value.toPrecision(3))),
    title: color.log ? `${title}, log scale` : title,
    x: left,
    y: 24,
    className: "grid-legend",
  });

  if (hasBest) {
    const key = svg
      .append("g")
      .attr("class", "grid-best-key")
      .attr("transform", `translate(${left + LEGEND_WIDTH + BEST_KEY_GAP},24)`);
    key
      .append("rect")
      .attr("width", 14)
      .attr("height", 10)
      .attr("fill", "none")
      .attr("stroke", "#000")
      .attr("stroke-width", BEST_STROKE_WIDTH);
    key
      .append("text")
      .attr("x", 22)
      .attr("y", 5)
      .attr("dy", "0.35em")
      .attr("fill", "currentColor")
      .text(BEST_KEY_LABEL);
  }
}

interface PanelLayout {
  left: number;
  panelWidth: number;
  panelHeight: number;
  xCells: LogCells;
  yCells: LogCells;
  metricLabel: string;
}

function drawPanel(
  panel: GroupSelection,
  hiddenUnits: readonly number[],
  points: readonly PlacedPoint[],
  layout: PanelLayout,
  positionOf: (mean: number) => number,
  colorOf: (position: number) => string,
): void {
  const { left, panelWidth, panelHeight, xCells, yCells, metricLabel } = layout;
  const plotRight = panelWidth - PANEL_MARGIN.right;
  const plotBottom = panelHeight - PANEL_MARGIN.bottom;
  drawLabel(panel, formatHiddenUnits(hiddenUnits), (left + plotRight) / 2, 16, "grid-panel-title");

  if (points.length === 0) {
    drawEmptyMessage(
      panel,
      "No grid points to plot",
      (left + plotRight) / 2,
      (PANEL_MARGIN.top + plotBottom) / 2,
      "grid-empty",
    );
    return;
  }

  const x = placeLogCells(xCells, left, plotRight);
  const y = placeLogCells(yCells, plotBottom, PANEL_MARGIN.top);
  const cellBox = (point: PlacedPoint) => {
    const [x0, x1] = cellSpan(x, point.learningRate) ?? [0, 0];
    const [y0, y1] = cellSpan(y, point.weightDecay) ?? [0, 0];

    return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  };

  const cells = panel
    .append("g")
    .attr("class", "grid-cells")
    .selectAll("g")
    .data(points)
    .join("g")
    .attr("class", (point) => (point.isBest ? "grid-cell grid-best" : "grid-cell"))
    .attr("data-learning-rate", (point) => point.learningRate)
    .attr("data-weight-decay", (point) => point.weightDecay);
  cells
    .append("rect")
    .attr("x", (point) => cellBox(point).x)
    .attr("y", (point) => cellBox(point).y)
    .attr("width", (point) => cellBox(point).width)
    .attr("height", (point) => cellBox(point).height)
    .attr("fill", (point) =>
      point.mean === null ? MISSING_COLOR : colorOf(positionOf(point.mean)),
    )
    .attr("stroke", "#fff")
    .attr("stroke-width", 0.5);
  cells
    .filter((point) => {
      const box = cellBox(point);
      return box.width >= MIN_TEXT_CELL.width && box.height >= MIN_TEXT_CELL.height;
    })
    .append("text")
    .attr("x", (point) => cellBox(point).x + cellBox(point).width / 2)
    .attr("y", (point) => cellBox(point).y + cellBox(point).height / 2)
    .attr("dy", "0.35em")
    .attr("text-anchor", "middle")
    .attr("font-size", 11)
    .attr("fill", (point) =>
      textColorOn(point.mean === null ? MISSING_COLOR : colorOf(positionOf(point.mean))),
    )
    .text((point) => (point.mean === null ? "—" : formatFixed(point.mean, ERROR_DECIMALS)));
  cells.append("title").text((point) => cellTooltip(point, metricLabel));

  // The outline is drawn last, so that neighbouring cells do not cover it.
  panel
    .selectAll("rect.grid-best-outline")
    .data(points.filter((point) => point.isBest))
    .join("rect")
    .attr("class", "grid-best-outline")
    .attr("x", (point) => cellBox(point).x + BEST_STROKE_WIDTH / 2)
    .attr("y", (point) => cellBox(point).y + BEST_STROKE_WIDTH / 2)
    .attr("width", (point) => Math.max(0, cellBox(point).width - BEST_STROKE_WIDTH))
    .attr("height", (point) => Math.max(0, cellBox(point).height - BEST_STROKE_WIDTH))
    .attr("fill", "none")
    .attr("stroke", "#000")
    .attr("stroke-width", BEST_STROKE_WIDTH)
    .attr("pointer-events", "none");

  drawLogCellAxis(panel, x, "bottom", plotBottom, "grid-axis grid-axis-x");
  drawLogCellAxis(panel, y, "left", left, "grid-axis grid-axis-y");
  drawLabel(panel, "Learning rate", (left + plotRight) / 2, panelHeight - 8, "grid-axis-label");
  drawLabel(
    panel,
    "Weight decay",
    12,
    (PANEL_MARGIN.top + plotBottom) / 2,
    "grid-axis-label",
    true,
  );
}

function cellTooltip(point: PlacedPoint, metricLabel: string): string {
  const where =
    `${formatHiddenUnits(point.hiddenUnits)}, learning rate ${formatPowerOfTen(point.learningRate)}, ` +
    `weight decay ${formatPowerOfTen(point.weightDecay)}`;
  const error = formatMeanSd(point.error, ERROR_DECIMALS);
  const value =
    error === null ? "no validation error" : `validation ${metricLabel} ${error} % (mean ± sd)`;

  return `${where}: ${value}${point.isBest ? ", the lowest mean" : ""}`;
}

function describeGrid(
  points: readonly PlacedPoint[],
  best: GridPointData | null,
  panelCount: number,
  title: string,
): string {
  const head =
    `Grid search heat map${panelCount === 1 ? "" : `s, ${panelCount} hidden layer configurations`}: ` +
    `${title} by learning rate and weight decay on log axes`;
  const bestMean = best?.error.mean;
  if (best === null || bestMean === null || bestMean === undefined || !Number.isFinite(bestMean)) {
    return points.length === 0 ? `${head}, without data` : head;
  }

  return (
    `${head}; lowest mean ${formatFixed(bestMean, ERROR_DECIMALS)} % with ` +
    `${formatHiddenUnits(best.hiddenUnits).toLowerCase()}, learning rate ` +
    `${formatPowerOfTen(best.learningRate)} and weight decay ${formatPowerOfTen(best.weightDecay)}`
  );
}
