import { scaleLinear } from "d3";

import { formatFixed } from "../../lib/format";
import { columnLabel } from "../../lib/labels";
import {
  checkSize,
  createChartSvg,
  drawBottomAxis,
  drawEmptyMessage,
  drawLabel,
  estimateTextWidth,
  NEUTRAL_COLOR,
  PRIMARY_COLOR,
} from "./chartSvg";

/** Options of {@link renderShapImportance}. */
export interface ShapImportanceOptions {
  /** Feature names, e.g. "Al2O3_mol_pct". */
  features: readonly string[];
  /**
   * Importance per feature, in the order of `features`: the mean |SHAP value| divided by that of
   * the most important feature, so from 0 to 1. A missing, negative or non-finite entry is drawn
   * as a row labelled "no value" without a bar.
   */
  importance: readonly number[];
  /** Width of the SVG in px. The height follows from the number of features. @default 480 */
  width?: number;
  /** Height of one feature's row in px. @default 26 */
  rowHeight?: number;
  /** Label of the horizontal axis. @default "Importance: mean |SHAP value| relative to the largest" */
  xLabel?: string;
  /** Fill of the bars, as any SVG paint value. @default "#0072b2" (Okabe–Ito blue) */
  color?: string;
  /** Turns a feature name into its row label. @default the name without its unit suffix */
  featureLabel?: (feature: string) => string;
  /** Accessible name of the chart. @default a sentence that names the most important feature */
  ariaLabel?: string;
}

interface ImportanceRow {
  feature: string;
  label: string;
  /** Null when the importance is missing or not finite. */
  value: number | null;
}

const DEFAULT_WIDTH = 480;
const DEFAULT_ROW_HEIGHT = 26;
const MIN_ROW_HEIGHT = 12;
const MIN_PLOT_WIDTH = 60;
/** Share of a row that the bar fills; the rest separates neighbouring bars. */
const BAR_FILL = 0.7;
const MARGIN = { top: 12, right: 44, bottom: 48, minLeft: 60 };
/** Gap between a row label or value label and the bar, in px. */
const LABEL_GAP = 8;
const TICK_COUNT = 5;
const IMPORTANCE_DECIMALS = 2;

/**
 * Renders the SHAP importance of each feature with D3 as a detached SVG element: one horizontal
 * bar per feature, sorted from the most to the least important, with the value at the end of each
 * bar. Each bar has class `shap-importance-bar`, a `data-feature` attribute and a `<title>`.
 *
 * @throws RangeError when width or rowHeight is not finite or leaves no room for the bars.
 */
export function renderShapImportance(options: ShapImportanceOptions): SVGSVGElement {
  const {
    features,
    importance,
    width = DEFAULT_WIDTH,
    rowHeight = DEFAULT_ROW_HEIGHT,
    xLabel = "Importance: mean |SHAP value| relative to the largest",
    color = PRIMARY_COLOR,
    featureLabel = columnLabel,
    ariaLabel,
  } = options;
  checkSize("rowHeight", rowHeight, MIN_ROW_HEIGHT);

  const rows = sortRows(features, importance, featureLabel);
  const left = Math.max(
    MARGIN.minLeft,
    LABEL_GAP * 2 + Math.max(0, ...rows.map((row) => estimateTextWidth(row.label))),
  );
  const plotRight = checkSize("width", width, left + MARGIN.right + MIN_PLOT_WIDTH) - MARGIN.right;
  // Keeps room for one row so that the axis and the empty message have a place.
  const plotHeight = Math.max(rows.length, 1) * rowHeight;
  const height = MARGIN.top + plotHeight + MARGIN.bottom;

  const maxValue = Math.max(1, ...rows.map((row) => row.value ?? 0));
  const x = scaleLinear().domain([0, maxValue]).range([left, plotRight]);
  const rowTop = (index: number) => MARGIN.top + index * rowHeight;
  const barHeight = rowHeight * BAR_FILL;

  const svg = createChartSvg(
    "shap-importance",
    width,
    height,
    ariaLabel ?? describeImportance(rows),
  );

  drawBottomAxis(svg, x, MARGIN.top + plotHeight, "shap-importance-axis", TICK_COUNT);
  drawLabel(svg, xLabel, (left + plotRight) / 2, height - 10, "shap-importance-axis-label");

  const rowGroups = svg
    .append("g")
    .attr("class", "shap-importance-rows")
    .selectAll("g")
    .data(rows)
    .join("g")
    .attr("transform", (_, index) => `translate(0,${rowTop(index)})`);

  rowGroups
    .append("text")
    .attr("class", "shap-importance-feature")
    .attr("x", left - LABEL_GAP)
    .attr("y", rowHeight / 2)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .attr("fill", "currentColor")
    .text((row) => row.label);

  const present = rowGroups.filter((row) => row.value !== null);
  present
    .append("rect")
    .attr("class", "shap-importance-bar")
    .attr("data-feature", (row) => row.feature)
    .attr("x", left)
    .attr("y", (rowHeight - barHeight) / 2)
    .attr("width", (row) => x(row.value ?? 0) - left)
    .attr("height", barHeight)
    .attr("fill", color)
    .append("title")
    .text(
      (row) =>
        `${row.label}: importance ${formatFixed(row.value ?? 0, IMPORTANCE_DECIMALS)} ` +
        "(mean |SHAP value| relative to the most important feature)",
    );
  present
    .append("text")
    .attr("class", "shap-importance-value")
    .attr("x", (row) => x(row.value ?? 0) + LABEL_GAP / 2)
    .attr("y", rowHeight / 2)
    .attr("dy", "0.35em")
    .attr("fill", "currentColor")
    .text((row) => formatFixed(row.value ?? 0, IMPORTANCE_DECIMALS));

  rowGroups
    .filter((row) => row.value === null)
    .append("text")
    .attr("class", "shap-importance-missing")
    .attr("x", left + LABEL_GAP / 2)
    .attr("y", rowHeight / 2)
    .attr("dy", "0.35em")
    .attr("fill", NEUTRAL_COLOR)
    .text("no value")
    .append("title")
    .text((row) => `No valid importance for ${row.label}`);

  if (rows.length === 0) {
    drawEmptyMessage(
      svg,
      "No features to plot",
      (left + plotRight) / 2,
      MARGIN.top + rowHeight / 2,
      "shap-importance-empty",
    );
  }

  return svg.node()!;
}

/** Returns one row per feature, most important first, rows without a value last. */
function sortRows(
  features: readonly string[],
  importance: readonly number[],
  featureLabel: (feature: string) => string,
): ImportanceRow[] {
  const rows = features.map((feature, index) => {
    const value = importance[index];

    return {
      feature,
      label: featureLabel(feature),
      value: value !== undefined && Number.isFinite(value) && value >= 0 ? value : null,
    };
  });

  // Array.prototype.sort is stable, so equal importances keep the order of `features`.
  return rows.sort(compareRows);
}

function compareRows(a: ImportanceRow, b: ImportanceRow): number {
  if (a.value === null || b.value === null) {
    return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0);
  }

  return b.value - a.value;
}

function describeImportance(rows: readonly ImportanceRow[]): string {
  const top = rows[0];
  if (top === undefined || top.value === null) {
    return "SHAP importance bar chart without values";
  }

  return (
    `SHAP importance of ${rows.length} features, sorted; the most important is ${top.label} ` +
    `(${formatFixed(top.value, IMPORTANCE_DECIMALS)})`
  );
}
