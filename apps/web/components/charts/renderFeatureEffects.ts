import { area, line, scaleLinear } from "d3";

import { formatQuantity } from "../../lib/format";
import { columnLabel } from "../../lib/labels";
import {
  checkSize,
  createChartSvg,
  drawBottomAxis,
  drawEmptyMessage,
  drawLabel,
  drawLeftAxis,
  estimateTextWidth,
  type GroupSelection,
  type LinearScale,
  paddedDomain,
  PRIMARY_COLOR,
  type SvgSelection,
} from "./chartSvg";

/** Prediction along one feature, as the Run query returns it. */
export interface FeatureEffectCurve {
  feature: string;
  /** Feature values, in the feature unit. */
  grid: readonly number[];
  /** Mean prediction over the ensemble members at each grid value. */
  mean: readonly number[];
  /** Sd between the members at each grid value; null where it is undefined (one member). */
  sd: readonly (number | null)[];
}

/** Options of {@link renderFeatureEffects}. */
export interface FeatureEffectsOptions {
  /** One curve per feature, each drawn in its own panel in this order. */
  effects: readonly FeatureEffectCurve[];
  /** Panels per row. @default 3 */
  columns?: number;
  /** Width of one panel in px, axes included. @default 220 */
  panelWidth?: number;
  /** Height of one panel in px, title and axes included. @default 190 */
  panelHeight?: number;
  /**
   * Gives every panel the same y domain, so that the slopes of different features compare
   * directly. Otherwise each panel fits its own curve.
   * @default true
   */
  sharedY?: boolean;
  /** Label of the vertical axes. @default "Predicted total REE (ppm, molar)" */
  yLabel?: string;
  /** Unit of the predictions, for tooltips. @default "ppm (molar)" */
  unit?: string;
  /** Unit of the feature values, on each x axis and in tooltips. @default "mol %" */
  featureUnit?: string;
  /** Colour of the line, the points and (lighter) the band. @default "#0072b2" (Okabe–Ito blue) */
  color?: string;
  /** Turns a feature name into its panel title. @default the name without its unit suffix */
  featureLabel?: (feature: string) => string;
  /** Accessible name of the chart. @default a sentence that names the features */
  ariaLabel?: string;
}

interface EffectPoint {
  x: number;
  mean: number;
  /** Null where the sd is missing or not finite. */
  sd: number | null;
}

const DEFAULT_COLUMNS = 3;
const DEFAULT_PANEL_WIDTH = 220;
const DEFAULT_PANEL_HEIGHT = 190;
const PANEL_MARGIN = { top: 26, right: 14, bottom: 42, left: 50 };
const MIN_PLOT_SIDE = 40;
/**
 * Height of one header row in px. The header contains the y label, written across because one
 * panel is too short for it written upwards. Below it comes the legend in one row, or in two
 * when one row is too narrow.
 */
const HEADER_ROW_HEIGHT = 18;
const HEADER_PADDING = 8;
const HEADER_LEFT = 4;
const LEGEND_LINE_LABEL = "Mean of the ensemble members";
const TICK_COUNT = 4;
/** Fewer ticks on x, because values such as "0.25" are wider than a panel's tick spacing. */
const X_TICK_COUNT = 3;
const BAND_OPACITY = 0.2;
const POINT_RADIUS = 2.5;

/**
 * Renders one-at-a-time feature effects with D3 as a detached SVG element: a grid of small panels,
 * one per feature, each with the mean prediction as a line and a ±1 sd band between the ensemble
 * members. Points with a non-finite grid value or mean are left out, and the band has a gap where
 * the sd is null. Each grid point has class `effect-point`, a `data-feature` attribute and a
 * `<title>` tooltip.
 *
 * @throws RangeError when columns, panelWidth or panelHeight is invalid.
 */
export function renderFeatureEffects(options: FeatureEffectsOptions): SVGSVGElement {
  const {
    effects,
    columns = DEFAULT_COLUMNS,
    panelWidth = DEFAULT_PANEL_WIDTH,
    panelHeight = DEFAULT_PANEL_HEIGHT,
    sharedY = true,
    yLabel = "Predicted total REE (ppm, molar)",
    unit = "ppm (molar)",
    featureUnit = "mol %",
    color = PRIMARY_COLOR,
    featureLabel = columnLabel,
    ariaLabel,
  } = options;
  if (!Number.isInteger(columns) || columns < 1) {
    throw new RangeError(`columns must be a whole number of at least 1, got ${columns}`);
  }

  checkSize("panelWidth", panelWidth, PANEL_MARGIN.left + PANEL_MARGIN.right + MIN_PLOT_SIDE);
  checkSize("panelHeight", panelHeight, PANEL_MARGIN.top + PANEL_MARGIN.bottom + MIN_PLOT_SIDE);

  const curves = effects.map((effect) => ({
    feature: effect.feature,
    label: featureLabel(effect.feature),
    points: finitePoints(effect),
  }));
  const columnCount = Math.max(1, Math.min(columns, curves.length));
  const rowCount = Math.max(1, Math.ceil(curves.length / columnCount));
  const panelsWidth = columnCount * panelWidth;
  const sharedDomain = yDomain(curves.flatMap((curve) => curve.points));
  const hasBand = curves.some((curve) => curve.points.some((point) => point.sd !== null));
  const legend = legendLayout(panelsWidth, hasBand);
  const legendRows = curves.length === 0 ? 0 : legend.rows;
  const top = (1 + legendRows) * HEADER_ROW_HEIGHT + HEADER_PADDING;
  // The header's text may be wider than one panel; the panels then keep to the left.
  const width = Math.max(
    panelsWidth,
    2 * HEADER_LEFT + estimateTextWidth(yLabel),
    curves.length === 0 ? 0 : HEADER_LEFT + legend.width,
  );
  const height = top + rowCount * panelHeight;

  const svg = createChartSvg(
    "feature-effects",
    width,
    height,
    ariaLabel ?? describeEffects(curves.map((curve) => curve.label)),
  );
  svg
    .append("text")
    .attr("class", "feature-effects-axis-label")
    .attr("x", HEADER_LEFT)
    .attr("y", HEADER_ROW_HEIGHT / 2 + 4)
    .attr("dy", "0.35em")
    .attr("fill", "currentColor")
    .text(yLabel);
  if (curves.length > 0) {
    drawLegend(svg, color, legend);
  } else {
    drawEmptyMessage(
      svg,
      "No feature effects to plot",
      panelWidth / 2,
      top + panelHeight / 2,
      "feature-effects-empty",
    );
  }

  curves.forEach((curve, index) => {
    const panel = svg
      .append("g")
      .attr("class", "feature-effects-panel")
      .attr("data-feature", curve.feature)
      .attr(
        "transform",
        `translate(${(index % columnCount) * panelWidth},` +
          `${top + Math.floor(index / columnCount) * panelHeight})`,
      );
    drawPanel(panel, curve, {
      panelWidth,
      panelHeight,
      yDomain: sharedY ? sharedDomain : yDomain(curve.points),
      unit,
      featureUnit,
      color,
    });
  });

  return svg.node()!;
}

function finitePoints(effect: FeatureEffectCurve): EffectPoint[] {
  const points: EffectPoint[] = [];
  effect.grid.forEach((x, index) => {
    const mean = effect.mean[index];
    const sd = effect.sd[index];
    if (Number.isFinite(x) && mean !== undefined && Number.isFinite(mean)) {
      points.push({
        x,
        mean,
        sd: sd !== undefined && sd !== null && Number.isFinite(sd) ? sd : null,
      });
    }
  });

  return points;
}

/** Returns a y domain that covers each mean ± sd, at 0 or above when no value is negative. */
function yDomain(points: readonly EffectPoint[]): [number, number] {
  const values = points.flatMap((point) =>
    point.sd === null ? [point.mean] : [point.mean - point.sd, point.mean + point.sd],
  );

  return paddedDomain(values, { clampAtZero: true });
}

interface PanelLayout {
  panelWidth: number;
  panelHeight: number;
  yDomain: [number, number];
  unit: string;
  featureUnit: string;
  color: string;
}

function drawPanel(
  panel: GroupSelection,
  curve: { feature: string; label: string; points: EffectPoint[] },
  layout: PanelLayout,
): void {
  const { panelWidth, panelHeight, unit, featureUnit, color } = layout;
  const left = PANEL_MARGIN.left;
  const right = panelWidth - PANEL_MARGIN.right;
  const top = PANEL_MARGIN.top;
  const bottom = panelHeight - PANEL_MARGIN.bottom;
  const x: LinearScale = scaleLinear()
    .domain(
      paddedDomain(
        curve.points.map((point) => point.x),
        { clampAtZero: true },
      ),
    )
    .range([left, right]);
  const y: LinearScale = scaleLinear().domain(layout.yDomain).nice(TICK_COUNT).range([bottom, top]);

  drawLabel(panel, curve.label, (left + right) / 2, top - 10, "feature-effects-title");
  drawBottomAxis(panel, x, bottom, "feature-effects-axis feature-effects-axis-x", X_TICK_COUNT);
  drawLeftAxis(panel, y, left, "feature-effects-axis feature-effects-axis-y", TICK_COUNT);
  drawLabel(
    panel,
    `${curve.label} (${featureUnit})`,
    (left + right) / 2,
    panelHeight - 8,
    "feature-effects-axis-label",
  );

  if (curve.points.length === 0) {
    drawEmptyMessage(
      panel,
      "No values",
      (left + right) / 2,
      (top + bottom) / 2,
      "feature-effects-empty",
    );
    return;
  }

  const band = area<EffectPoint>()
    .defined((point) => point.sd !== null)
    .x((point) => x(point.x))
    .y0((point) => y(point.mean - (point.sd ?? 0)))
    .y1((point) => y(point.mean + (point.sd ?? 0)));
  const meanLine = line<EffectPoint>()
    .x((point) => x(point.x))
    .y((point) => y(point.mean));

  panel
    .append("path")
    .attr("class", "feature-effects-band")
    .attr("d", band(curve.points) ?? "")
    .attr("fill", color)
    .attr("fill-opacity", BAND_OPACITY);
  panel
    .append("path")
    .attr("class", "feature-effects-line")
    .attr("d", meanLine(curve.points) ?? "")
    .attr("fill", "none")
    .attr("stroke", color)
    .attr("stroke-width", 2);
  panel
    .append("g")
    .attr("fill", color)
    .selectAll("circle")
    .data(curve.points)
    .join("circle")
    .attr("class", "effect-point")
    .attr("data-feature", curve.feature)
    .attr("cx", (point) => x(point.x))
    .attr("cy", (point) => y(point.mean))
    .attr("r", POINT_RADIUS)
    .append("title")
    .text((point) => pointTooltip(point, curve.label, unit, featureUnit));
}

function pointTooltip(
  point: EffectPoint,
  label: string,
  unit: string,
  featureUnit: string,
): string {
  const sd = point.sd === null ? "sd undefined" : `sd ${formatQuantity(point.sd, unit)}`;

  return (
    `${label} = ${formatQuantity(point.x, featureUnit)} ${featureUnit}: predicted ` +
    `${formatQuantity(point.mean, unit)} ${unit} (${sd})`
  );
}

interface LegendLayout {
  bandLabel: string;
  hasBand: boolean;
  /** Position of the band entry relative to the legend's origin, in px. */
  bandX: number;
  bandY: number;
  rows: 1 | 2;
  /** Estimated width of the widest row in px. */
  width: number;
}

/** Places the band entry next to the line entry, or below it when the chart is too narrow. */
function legendLayout(width: number, hasBand: boolean): LegendLayout {
  const bandLabel = hasBand ? "±1 sd between members" : "No sd: it needs 2 or more members";
  const sideBySideX = 24 + estimateTextWidth(LEGEND_LINE_LABEL) + 20;
  const bandWidth = (hasBand ? 24 : 0) + estimateTextWidth(bandLabel);
  const fits = HEADER_LEFT + sideBySideX + bandWidth <= width;

  return {
    bandLabel,
    hasBand,
    bandX: fits ? sideBySideX : 0,
    bandY: fits ? 0 : HEADER_ROW_HEIGHT,
    rows: fits ? 1 : 2,
    width: fits
      ? sideBySideX + bandWidth
      : Math.max(24 + estimateTextWidth(LEGEND_LINE_LABEL), bandWidth),
  };
}

function drawLegend(svg: SvgSelection, color: string, layout: LegendLayout): void {
  const legend = svg
    .append("g")
    .attr("class", "feature-effects-legend")
    .attr("transform", `translate(${HEADER_LEFT},${HEADER_ROW_HEIGHT * 1.5 + 4})`);

  legend.append("line").attr("x2", 18).attr("stroke", color).attr("stroke-width", 2);
  legend
    .append("text")
    .attr("x", 24)
    .attr("dy", "0.35em")
    .attr("fill", "currentColor")
    .text(LEGEND_LINE_LABEL);

  const band = legend.append("g").attr("transform", `translate(${layout.bandX},${layout.bandY})`);
  if (layout.hasBand) {
    band
      .append("rect")
      .attr("y", -6)
      .attr("width", 18)
      .attr("height", 12)
      .attr("fill", color)
      .attr("fill-opacity", BAND_OPACITY);
  }

  band
    .append("text")
    .attr("x", layout.hasBand ? 24 : 0)
    .attr("dy", "0.35em")
    .attr("fill", "currentColor")
    .text(layout.bandLabel);
}

function describeEffects(labels: readonly string[]): string {
  if (labels.length === 0) {
    return "Feature effects chart without curves";
  }

  return (
    `Feature effects: predicted total REE along each of ${labels.join(", ")}, ` +
    "the other features at their medians, mean with a ±1 sd band between the ensemble members"
  );
}
