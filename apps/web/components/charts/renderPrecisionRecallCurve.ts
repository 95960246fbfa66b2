import { curveStepBefore, line, scaleLinear } from "d3";

import { formatFixed, formatQuantity } from "../../lib/format";
import {
  checkSize,
  createChartSvg,
  drawBottomAxis,
  drawEmptyMessage,
  drawLabel,
  drawLeftAxis,
  estimateTextWidth,
  HIGHLIGHT_COLOR,
  type LinearScale,
  NEUTRAL_COLOR,
  PRIMARY_COLOR,
  type SvgSelection,
} from "./chartSvg";

/** A score that may be undefined, with the reason when it is. */
export interface OptionalScore {
  value: number | null;
  reason: string | null;
}

/** Precision and recall of the screening at one decision threshold on the predictions. */
export interface PrecisionRecallPoint {
  /** A prediction at or above it counts as predicted high; in the unit of the predictions. */
  decisionThreshold: number;
  precision: OptionalScore;
  recall: OptionalScore;
}

/** Options of {@link renderPrecisionRecallCurve}. */
export interface PrecisionRecallCurveOptions {
  /** Points from the highest decision threshold to the lowest, as the Run query returns them. */
  curve: readonly PrecisionRecallPoint[];
  /** Index into `curve` of the point to highlight; none when null, undefined or out of range. */
  selectedIndex?: number | null;
  /**
   * Share of samples that are measured high, from 0 to 1: the precision of a screening that
   * flags samples at random, drawn as a dashed line. None when null or undefined.
   */
  prevalence?: number | null;
  /** Average precision, written in the legend when finite. */
  averagePrecision?: number | null;
  /** Unit of the decision thresholds, for tooltips and the selection label. @default "ppm (molar)" */
  unit?: string;
  /** Width of the SVG in px. @default 380 */
  width?: number;
  /** Height of the SVG in px. @default 360 */
  height?: number;
  /** Colour of the curve. @default "#0072b2" (Okabe–Ito blue) */
  color?: string;
  /** Colour of the selected point. @default "#d55e00" (Okabe–Ito vermillion) */
  highlightColor?: string;
  /** Accessible name of the chart. @default a sentence with the number of thresholds and the selection */
  ariaLabel?: string;
}

interface CurvePoint {
  index: number;
  decisionThreshold: number;
  precision: number;
  recall: number;
}

const DEFAULT_WIDTH = 380;
const DEFAULT_HEIGHT = 360;
const MARGIN = { top: 76, right: 16, bottom: 48, left: 56 };
/** Left edge of the selection label and legend in px, left of the plot to leave them room. */
const HEADER_LEFT = 8;
const MIN_PLOT_SIDE = 40;
const TICK_COUNT = 5;
const POINT_RADIUS = 3;
const SELECTED_RADIUS = 6;
const SCORE_DECIMALS = 2;

/**
 * Renders a precision-recall curve with D3 as a detached SVG element: recall on x and precision on
 * y, both from 0 to 1, with one point per decision threshold. Steps join the points as average
 * precision sums them, so each precision applies from the previous recall up to its own. Points
 * with an undefined precision or recall are left out. The selected point is drawn larger, with
 * guide lines to both axes and its values above the plot. Each point has class `pr-point`, a
 * `data-index` attribute (its index in `curve`) and a `<title>`.
 *
 * @throws RangeError when width or height leaves no room for the plot area.
 */
export function renderPrecisionRecallCurve(options: PrecisionRecallCurveOptions): SVGSVGElement {
  const {
    curve,
    selectedIndex,
    prevalence,
    averagePrecision,
    unit = "ppm (molar)",
    width = DEFAULT_WIDTH,
    height = DEFAULT_HEIGHT,
    color = PRIMARY_COLOR,
    highlightColor = HIGHLIGHT_COLOR,
    ariaLabel,
  } = options;
  checkSize("width", width, MARGIN.left + MARGIN.right + MIN_PLOT_SIDE);
  checkSize("height", height, MARGIN.top + MARGIN.bottom + MIN_PLOT_SIDE);

  const points = definedPoints(curve);
  const selected =
    selectedIndex === null || selectedIndex === undefined ? undefined : curve[selectedIndex];
  const plotBottom = height - MARGIN.bottom;
  const plotRight = width - MARGIN.right;
  const x = scaleLinear().domain([0, 1]).range([MARGIN.left, plotRight]);
  const y = scaleLinear().domain([0, 1]).range([plotBottom, MARGIN.top]);

  const svg = createChartSvg(
    "pr-curve",
    width,
    height,
    ariaLabel ?? describeCurve(curve.length, selected, unit),
  );
  drawBottomAxis(svg, x, plotBottom, "pr-axis pr-axis-x", TICK_COUNT);
  drawLeftAxis(svg, y, MARGIN.left, "pr-axis pr-axis-y", TICK_COUNT);
  drawLabel(svg, "Recall", (MARGIN.left + plotRight) / 2, height - 10, "pr-axis-label");
  drawLabel(svg, "Precision", 14, (MARGIN.top + plotBottom) / 2, "pr-axis-label", true);

  const hasPrevalence =
    prevalence !== null && prevalence !== undefined && prevalence >= 0 && prevalence <= 1;
  if (hasPrevalence) {
    svg
      .append("line")
      .attr("class", "pr-baseline")
      .attr("x1", x(0))
      .attr("x2", x(1))
      .attr("y1", y(prevalence))
      .attr("y2", y(prevalence))
      .attr("stroke", NEUTRAL_COLOR)
      .attr("stroke-dasharray", "5 4");
  }

  const steps = line<CurvePoint>()
    .x((point) => x(point.recall))
    .y((point) => y(point.precision))
    .curve(curveStepBefore);
  svg
    .append("path")
    .attr("class", "pr-line")
    .attr("d", steps(points) ?? "")
    .attr("fill", "none")
    .attr("stroke", color)
    .attr("stroke-width", 2);
  svg
    .append("g")
    .attr("class", "pr-points")
    .attr("fill", color)
    .selectAll("circle")
    .data(points)
    .join("circle")
    .attr("class", "pr-point")
    .attr("data-index", (point) => point.index)
    .attr("cx", (point) => x(point.recall))
    .attr("cy", (point) => y(point.precision))
    .attr("r", POINT_RADIUS)
    .append("title")
    .text((point) => pointTooltip(point, unit));

  if (points.length === 0) {
    drawEmptyMessage(
      svg,
      curve.length === 0 ? "No thresholds to plot" : "Precision and recall are undefined",
      (MARGIN.left + plotRight) / 2,
      (MARGIN.top + plotBottom) / 2,
      "pr-empty",
    );
  }

  const selectedPoint = points.find((point) => point.index === selectedIndex);
  if (selectedPoint !== undefined) {
    drawSelection(svg, selectedPoint, x, y, highlightColor, unit);
  }

  drawSelectionLabel(svg, selected, unit);
  drawLegend(svg, color, highlightColor, averagePrecision, hasPrevalence ? prevalence : null);

  return svg.node()!;
}

/** Returns the points whose threshold, precision and recall are all finite, with their index. */
function definedPoints(curve: readonly PrecisionRecallPoint[]): CurvePoint[] {
  return curve.flatMap((point, index) => {
    const precision = point.precision.value;
    const recall = point.recall.value;
    if (
      !Number.isFinite(point.decisionThreshold) ||
      precision === null ||
      recall === null ||
      !Number.isFinite(precision) ||
      !Number.isFinite(recall)
    ) {
      return [];
    }

    return [{ index, decisionThreshold: point.decisionThreshold, precision, recall }];
  });
}

function drawSelection(
  svg: SvgSelection,
  point: CurvePoint,
  x: LinearScale,
  y: LinearScale,
  color: string,
  unit: string,
): void {
  const cx = x(point.recall);
  const cy = y(point.precision);
  const group = svg.append("g").attr("class", "pr-selected").attr("data-index", point.index);

  group
    .append("path")
    .attr("class", "pr-guide")
    .attr("d", `M${x(0)},${cy}H${cx}V${y(0)}`)
    .attr("fill", "none")
    .attr("stroke", color)
    .attr("stroke-dasharray", "3 3");
  group
    .append("circle")
    .attr("cx", cx)
    .attr("cy", cy)
    .attr("r", SELECTED_RADIUS)
    .attr("fill", color)
    .attr("stroke", "#fff")
    .attr("stroke-width", 1.5)
    .append("title")
    .text(`Selected: ${pointTooltip(point, unit)}`);
}

/** Writes the selected threshold and its scores above the plot, so that a printout keeps them. */
function drawSelectionLabel(
  svg: SvgSelection,
  selected: PrecisionRecallPoint | undefined,
  unit: string,
): void {
  if (selected === undefined) {
    return;
  }

  const [threshold, scores] = selectionLines(selected, unit);
  const label = svg
    .append("text")
    .attr("class", "pr-selection-label")
    .attr("x", HEADER_LEFT)
    .attr("y", 16)
    .attr("fill", "currentColor");
  label.append("tspan").attr("font-weight", 600).text(`Selected: ${threshold}`);
  label.append("tspan").attr("x", HEADER_LEFT).attr("dy", 16).text(scores);
}

function drawLegend(
  svg: SvgSelection,
  color: string,
  highlightColor: string,
  averagePrecision: number | null | undefined,
  prevalence: number | null,
): void {
  const legend = svg
    .append("g")
    .attr("class", "pr-legend")
    .attr("transform", `translate(${HEADER_LEFT},56)`);
  const curveLabel =
    averagePrecision !== null && averagePrecision !== undefined && Number.isFinite(averagePrecision)
      ? `Curve (AP = ${formatFixed(averagePrecision, SCORE_DECIMALS)})`
      : "Curve";
  let offset = 0;

  legend.append("line").attr("x2", 16).attr("stroke", color).attr("stroke-width", 2);
  legend
    .append("text")
    .attr("x", 20)
    .attr("dy", "0.35em")
    .attr("fill", "currentColor")
    .text(curveLabel);
  offset += 20 + estimateTextWidth(curveLabel) + 14;

  legend
    .append("circle")
    .attr("cx", offset + 5)
    .attr("r", 5)
    .attr("fill", highlightColor);
  legend
    .append("text")
    .attr("x", offset + 14)
    .attr("dy", "0.35em")
    .attr("fill", "currentColor")
    .text("Selected");
  offset += 14 + estimateTextWidth("Selected") + 14;

  if (prevalence !== null) {
    const entry = legend.append("g").attr("class", "pr-legend-baseline");
    entry
      .append("title")
      .text("Precision of flagging samples at random: the share of samples that are high");
    entry
      .append("line")
      .attr("x1", offset)
      .attr("x2", offset + 16)
      .attr("stroke", NEUTRAL_COLOR)
      .attr("stroke-dasharray", "5 4");
    entry
      .append("text")
      .attr("x", offset + 20)
      .attr("dy", "0.35em")
      .attr("fill", "currentColor")
      .text(`Random (${formatFixed(prevalence, SCORE_DECIMALS)})`);
  }
}

function formatScore(score: OptionalScore): string {
  return score.value === null || !Number.isFinite(score.value)
    ? "—"
    : formatFixed(score.value, SCORE_DECIMALS);
}

/** Returns e.g. ["predicted high at ≥ 152.3 ppm (molar)", "precision 0.80, recall 0.67"]. */
function selectionLines(point: PrecisionRecallPoint, unit: string): [string, string] {
  const threshold = Number.isFinite(point.decisionThreshold)
    ? `predicted high at ≥ ${formatQuantity(point.decisionThreshold, unit)} ${unit}`
    : "undefined decision threshold";

  return [
    threshold,
    `precision ${formatScore(point.precision)}, recall ${formatScore(point.recall)}`,
  ];
}

/** Returns e.g. "Predicted high at ≥ 152.3 ppm (molar): precision 0.80, recall 0.67". */
export function describeSelection(point: PrecisionRecallPoint, unit: string): string {
  const [threshold, scores] = selectionLines(point, unit);

  return `${threshold.charAt(0).toUpperCase()}${threshold.slice(1)}: ${scores}`;
}

function pointTooltip(point: CurvePoint, unit: string): string {
  return (
    `Predicted high at ≥ ${formatQuantity(point.decisionThreshold, unit)} ${unit}: ` +
    `precision ${formatFixed(point.precision, SCORE_DECIMALS)}, ` +
    `recall ${formatFixed(point.recall, SCORE_DECIMALS)}`
  );
}

function describeCurve(
  count: number,
  selected: PrecisionRecallPoint | undefined,
  unit: string,
): string {
  const head = `Precision-recall curve over ${count} decision thresholds`;

  return selected === undefined ? head : `${head}; selected: ${describeSelection(selected, unit)}`;
}
