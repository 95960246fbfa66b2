import { interpolateViridis, scaleLinear } from "d3";

import { formatFixed, formatQuantity, formatSigned } from "../../lib/format";
import { columnLabel } from "../../lib/labels";
import {
  checkSize,
  createChartSvg,
  drawBottomAxis,
  drawEmptyMessage,
  drawLabel,
  estimateTextWidth,
  type GroupSelection,
  NEUTRAL_COLOR,
  paddedDomain,
  type SvgSelection,
} from "./chartSvg";

/** SHAP values and feature values of one sample, in the order of the chart's features. */
export interface ShapBeeswarmSample {
  sampleLabel: string;
  /** SHAP value per feature, in the unit of the prediction. Non-finite values are left out. */
  values: readonly number[];
  /** The sample's value of each feature, in the feature unit. Non-finite values are drawn grey. */
  featureValues: readonly number[];
}

/** Options of {@link renderShapBeeswarm}. */
export interface ShapBeeswarmOptions {
  /** Feature names, e.g. "Al2O3_mol_pct". */
  features: readonly string[];
  /**
   * Importance per feature, in the order of `features`, which sets the order of the rows: the most
   * important feature on top. Features without a finite importance come last.
   */
  importance: readonly number[];
  samples: readonly ShapBeeswarmSample[];
  /**
   * Mean prediction over the background samples, which a SHAP value of 0 stands for. When given,
   * a note under the axis states it.
   */
  expectedValue?: number;
  /** Width of the SVG in px. The height follows from the number of features. @default 560 */
  width?: number;
  /** Height of one feature's row in px. @default 40 */
  rowHeight?: number;
  /** Radius of a point in px. @default 3 */
  radius?: number;
  /** Label of the horizontal axis. @default "SHAP value: change of predicted total REE (ppm, molar)" */
  xLabel?: string;
  /** Unit of the SHAP values and the expected value, for tooltips and the note. @default "ppm (molar)" */
  unit?: string;
  /** Unit of the feature values, for tooltips. @default "mol %" */
  featureUnit?: string;
  /**
   * Colour of a feature value scaled to 0 (the feature's lowest value over the samples) to 1 (its
   * highest). The default, viridis from 0 to 0.9, gets lighter from low to high, so the order
   * survives greyscale printing and the common colour-vision deficiencies, and it leaves out
   * viridis' palest yellow, which is hard to see on white.
   * @default (t) => interpolateViridis(0.9 * t)
   */
  colorOf?: (t: number) => string;
  /** Fill of points whose feature value is missing or not finite. @default "#9e9e9e" */
  missingColor?: string;
  /** Turns a feature name into its row label. @default the name without its unit suffix */
  featureLabel?: (feature: string) => string;
  /** Accessible name of the chart. @default a sentence with the numbers of samples and features */
  ariaLabel?: string;
}

interface SwarmPoint {
  sampleLabel: string;
  value: number;
  /** Null when the feature value is missing or not finite. */
  featureValue: number | null;
  cx: number;
  cy: number;
}

interface SwarmRow {
  feature: string;
  label: string;
  /** Y of the row's centre line in px. */
  centreY: number;
  points: SwarmPoint[];
}

const DEFAULT_WIDTH = 560;
const DEFAULT_ROW_HEIGHT = 40;
const DEFAULT_RADIUS = 3;
const MIN_ROW_HEIGHT = 12;
const MIN_PLOT_WIDTH = 80;
const MARGIN = { top: 36, right: 20, bottom: 48, noteBottom: 68, minLeft: 60 };
const LABEL_GAP = 8;
const TICK_COUNT = 7;
/**
 * Vertical distance between stacked points as a share of the diameter. Below 1 the points of a
 * dense bin overlap a little, which keeps tall stacks inside their row.
 */
const STACK_STEP = 0.8;
/** Swatches of the colour legend and the width of each in px. */
const LEGEND_STEPS = 24;
const LEGEND_STEP_WIDTH = 4;
const LEGEND_SWATCH_HEIGHT = 10;
const DEFAULT_MISSING_COLOR = "#9e9e9e";
const FEATURE_VALUE_DECIMALS = 2;

function defaultColorOf(t: number): string {
  return interpolateViridis(0.9 * t);
}

/**
 * Renders a SHAP beeswarm with D3 as a detached SVG element: one row per feature, most important
 * on top, one point per sample at its SHAP value, coloured by the sample's value of that feature
 * from low to high. Points that would overlap are stacked up and down from the row's centre line
 * in a fixed order (by x, then by sample order), so the same data always gives the same picture.
 * Each point has class `shap-point`, a `data-feature` attribute and a `<title>` tooltip.
 *
 * @throws RangeError when width, rowHeight or radius is not finite or leaves no room.
 */
export function renderShapBeeswarm(options: ShapBeeswarmOptions): SVGSVGElement {
  const {
    features,
    importance,
    samples,
    expectedValue,
    width = DEFAULT_WIDTH,
    rowHeight = DEFAULT_ROW_HEIGHT,
    radius = DEFAULT_RADIUS,
    xLabel = "SHAP value: change of predicted total REE (ppm, molar)",
    unit = "ppm (molar)",
    featureUnit = "mol %",
    colorOf = defaultColorOf,
    missingColor = DEFAULT_MISSING_COLOR,
    featureLabel = columnLabel,
    ariaLabel,
  } = options;
  checkSize("rowHeight", rowHeight, MIN_ROW_HEIGHT);
  checkSize("radius", radius, 0.5);

  const order = orderFeatures(features.length, importance);
  const labels = order.map((index) => featureLabel(features[index] ?? ""));
  const left = Math.max(
    MARGIN.minLeft,
    LABEL_GAP * 2 + Math.max(0, ...labels.map(estimateTextWidth)),
  );
  const plotRight = checkSize("width", width, left + MARGIN.right + MIN_PLOT_WIDTH) - MARGIN.right;
  const plotHeight = Math.max(order.length, 1) * rowHeight;
  const hasNote = expectedValue !== undefined && Number.isFinite(expectedValue);
  const height = MARGIN.top + plotHeight + (hasNote ? MARGIN.noteBottom : MARGIN.bottom);

  const allValues = samples.flatMap((sample) => order.map((index) => sample.values[index] ?? NaN));
  const x = scaleLinear()
    .domain(paddedDomain(allValues, { includeZero: true }))
    .nice(TICK_COUNT)
    .range([left, plotRight]);

  const rows: SwarmRow[] = order.map((featureIndex, rowIndex) => {
    const centreY = MARGIN.top + (rowIndex + 0.5) * rowHeight;

    return {
      feature: features[featureIndex] ?? "",
      label: labels[rowIndex] ?? "",
      centreY,
      points: swarmPoints(samples, featureIndex, x, centreY, rowHeight, radius),
    };
  });
  const pointCount = rows.reduce((sum, row) => sum + row.points.length, 0);

  const svg = createChartSvg(
    "shap-beeswarm",
    width,
    height,
    ariaLabel ?? describeBeeswarm(samples.length, rows.length, unit),
  );
  const plotBottom = MARGIN.top + plotHeight;

  drawBottomAxis(svg, x, plotBottom, "shap-beeswarm-axis", TICK_COUNT);
  drawLabel(svg, xLabel, (left + plotRight) / 2, plotBottom + 40, "shap-beeswarm-axis-label");
  if (hasNote) {
    svg
      .append("text")
      .attr("class", "shap-beeswarm-note")
      .attr("x", (left + plotRight) / 2)
      .attr("y", plotBottom + 58)
      .attr("text-anchor", "middle")
      .attr("fill", NEUTRAL_COLOR)
      .text(`0 = mean prediction over all samples, ${formatQuantity(expectedValue, unit)} ${unit}`);
  }

  svg
    .append("line")
    .attr("class", "shap-beeswarm-zero")
    .attr("x1", x(0))
    .attr("x2", x(0))
    .attr("y1", MARGIN.top)
    .attr("y2", plotBottom)
    .attr("stroke", NEUTRAL_COLOR)
    .attr("stroke-dasharray", "4 3");

  for (const row of rows) {
    drawRow(svg, row, left, plotRight, radius, { unit, featureUnit, colorOf, missingColor });
  }

  if (pointCount === 0) {
    drawEmptyMessage(
      svg,
      "No SHAP values to plot",
      (left + plotRight) / 2,
      MARGIN.top + plotHeight / 2,
      "shap-beeswarm-empty",
    );
  }

  drawColorLegend(svg, left, colorOf, missingColor, hasMissingFeatureValue(samples, order));

  return svg.node()!;
}

/**
 * Returns the feature indices from the most to the least important. Features without a finite
 * importance come last, and ties keep the order of the features.
 */
function orderFeatures(featureCount: number, importance: readonly number[]): number[] {
  const rank = (index: number) => {
    const value = importance[index];

    return value !== undefined && Number.isFinite(value) ? value : -Infinity;
  };

  const indices = Array.from({ length: featureCount }, (_, index) => index);

  return indices.sort((a, b) => {
    const difference = rank(b) - rank(a);

    // Two missing importances give -Infinity - -Infinity = NaN; those rows keep their order.
    return Number.isNaN(difference) ? 0 : difference;
  });
}

/**
 * Places the samples' points of one feature. Points whose centres fall into the same bin of one
 * diameter along x are stacked alternately below and above the centre line (0, +1, -1, +2, …),
 * and the step shrinks when the tallest stack would leave the row.
 */
function swarmPoints(
  samples: readonly ShapBeeswarmSample[],
  featureIndex: number,
  x: (value: number) => number,
  centreY: number,
  rowHeight: number,
  radius: number,
): SwarmPoint[] {
  const points = samples
    .map((sample, order) => ({
      sample,
      order,
      value: sample.values[featureIndex] ?? NaN,
      featureValue: sample.featureValues[featureIndex] ?? NaN,
    }))
    .filter((point) => Number.isFinite(point.value))
    .sort((a, b) => a.value - b.value || a.order - b.order);

  const diameter = 2 * radius;
  const levels: number[] = [];
  const binSizes = new Map<number, number>();
  for (const point of points) {
    const bin = Math.floor(x(point.value) / diameter);
    const inBin = binSizes.get(bin) ?? 0;
    binSizes.set(bin, inBin + 1);
    // 0, 1, 2, 3, 4 … → 0, +1, -1, +2, -2 …
    levels.push(inBin % 2 === 1 ? (inBin + 1) / 2 : -inBin / 2);
  }

  const maxLevel = Math.max(0, ...levels.map(Math.abs));
  const room = Math.max(0, rowHeight / 2 - radius);
  const step = maxLevel === 0 ? 0 : Math.min(diameter * STACK_STEP, room / maxLevel);

  return points.map((point, index) => ({
    sampleLabel: point.sample.sampleLabel,
    value: point.value,
    featureValue: Number.isFinite(point.featureValue) ? point.featureValue : null,
    cx: x(point.value),
    cy: centreY + (levels[index] ?? 0) * step,
  }));
}

interface PointStyle {
  unit: string;
  featureUnit: string;
  colorOf: (t: number) => string;
  missingColor: string;
}

function drawRow(
  svg: SvgSelection,
  row: SwarmRow,
  left: number,
  plotRight: number,
  radius: number,
  style: PointStyle,
): void {
  const group = svg.append("g").attr("class", "shap-beeswarm-row");

  group
    .append("line")
    .attr("class", "shap-beeswarm-guide")
    .attr("x1", left)
    .attr("x2", plotRight)
    .attr("y1", row.centreY)
    .attr("y2", row.centreY)
    .attr("stroke", "#d9d9d9");
  group
    .append("text")
    .attr("class", "shap-beeswarm-feature")
    .attr("x", left - LABEL_GAP)
    .attr("y", row.centreY)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .attr("fill", "currentColor")
    .text(row.label);

  const [low, high] = featureRange(row.points);
  const shade = (point: SwarmPoint) => {
    if (point.featureValue === null) {
      return style.missingColor;
    }

    return style.colorOf(high > low ? (point.featureValue - low) / (high - low) : 0.5);
  };

  group
    .selectAll("circle")
    .data(row.points)
    .join("circle")
    .attr("class", "shap-point")
    .attr("data-feature", row.feature)
    .attr("cx", (point) => point.cx)
    .attr("cy", (point) => point.cy)
    .attr("r", radius)
    .attr("fill", shade)
    .attr("stroke", "#000")
    .attr("stroke-opacity", 0.3)
    .attr("stroke-width", 0.5)
    .append("title")
    .text((point) => pointTooltip(point, row.label, style));
}

/** Returns the lowest and highest finite feature value of a row's points, or [0, 0]. */
function featureRange(points: readonly SwarmPoint[]): [number, number] {
  const values = points.flatMap((point) =>
    point.featureValue === null ? [] : [point.featureValue],
  );

  return values.length === 0 ? [0, 0] : [Math.min(...values), Math.max(...values)];
}

function pointTooltip(point: SwarmPoint, label: string, style: PointStyle): string {
  const featureValue =
    point.featureValue === null
      ? "no value"
      : `${formatFixed(point.featureValue, FEATURE_VALUE_DECIMALS)} ${style.featureUnit}`;

  return (
    `${point.sampleLabel}: ${label} = ${featureValue}, ` +
    `SHAP value ${formatSigned(point.value, 1)} ${style.unit}`
  );
}

function hasMissingFeatureValue(
  samples: readonly ShapBeeswarmSample[],
  order: readonly number[],
): boolean {
  return samples.some((sample) =>
    order.some(
      (index) =>
        Number.isFinite(sample.values[index] ?? NaN) &&
        !Number.isFinite(sample.featureValues[index] ?? NaN),
    ),
  );
}

/** Draws "Feature value: low [gradient] high" above the plot, and a grey swatch if needed. */
function drawColorLegend(
  svg: SvgSelection,
  left: number,
  colorOf: (t: number) => string,
  missingColor: string,
  showMissing: boolean,
): void {
  const legend: GroupSelection = svg
    .append("g")
    .attr("class", "shap-beeswarm-legend")
    .attr("transform", `translate(${left},${MARGIN.top / 2})`);
  const title = "Feature value:";
  const lowLabel = "low";
  let offset = estimateTextWidth(title) + LABEL_GAP;

  legend.append("text").attr("dy", "0.35em").attr("fill", "currentColor").text(title);
  legend
    .append("text")
    .attr("x", offset)
    .attr("dy", "0.35em")
    .attr("fill", "currentColor")
    .text(lowLabel);
  offset += estimateTextWidth(lowLabel) + LABEL_GAP / 2;

  legend
    .append("g")
    .attr("class", "shap-beeswarm-gradient")
    .attr("transform", `translate(${offset},${-LEGEND_SWATCH_HEIGHT / 2})`)
    .selectAll("rect")
    .data(Array.from({ length: LEGEND_STEPS }, (_, step) => step / (LEGEND_STEPS - 1)))
    .join("rect")
    .attr("x", (_, step) => step * LEGEND_STEP_WIDTH)
    .attr("width", LEGEND_STEP_WIDTH)
    .attr("height", LEGEND_SWATCH_HEIGHT)
    .attr("fill", (t) => colorOf(t));
  offset += LEGEND_STEPS * LEGEND_STEP_WIDTH + LABEL_GAP / 2;

  legend
    .append("text")
    .attr("x", offset)
    .attr("dy", "0.35em")
    .attr("fill", "currentColor")
    .text("high (per feature)");
  offset += estimateTextWidth("high (per feature)") + 3 * LABEL_GAP;

  if (showMissing) {
    legend
      .append("circle")
      .attr("cx", offset)
      .attr("r", 4)
      .attr("fill", missingColor)
      .attr("stroke", "#000")
      .attr("stroke-opacity", 0.3);
    legend
      .append("text")
      .attr("x", offset + LABEL_GAP)
      .attr("dy", "0.35em")
      .attr("fill", "currentColor")
      .text("no feature value");
  }
}

function describeBeeswarm(sampleCount: number, featureCount: number, unit: string): string {
  return (
    `SHAP beeswarm of ${sampleCount} samples over ${featureCount} features, most important ` +
    `on top: x is the SHAP value in ${unit}, colour the feature value from low to high`
  );
}
