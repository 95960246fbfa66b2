import { interpolateRdBu, scaleLinear } from "d3";

import {
  checkSize,
  createChartSvg,
  drawColorBar,
  drawEmptyMessage,
  estimateTextWidth,
  NEUTRAL_COLOR,
  textColorOn,
} from "./chartSvg";

/** Options of {@link renderCorrelationHeatmap}. */
export interface CorrelationHeatmapOptions {
  /** Column labels, e.g. "SiO2" or "La2O3", in matrix order. */
  labels: readonly string[];
  /** Row-major, labels.length squared coefficients from -1 to 1; null where undefined. */
  values: readonly (number | null)[];
  /** Name of the coefficient, e.g. "Pearson r" or "Spearman ρ". @default "Correlation" */
  coefficient?: string;
  /**
   * Index of the first column of a second group, e.g. the first REE after the oxides; a line
   * separates the groups. @default none
   */
  groupStart?: number;
  /** Side of a cell in px. @default 34 */
  cellSize?: number;
  /** Writes each coefficient in its cell when the cells are at least this wide. @default 30 */
  minCellForText?: number;
  /** Accessible name of the chart. @default a sentence giving the coefficient and column count */
  ariaLabel?: string;
}

const DEFAULT_CELL = 34;
const MIN_CELL = 6;
const DEFAULT_MIN_CELL_FOR_TEXT = 30;
const COLOR_BAR_WIDTH = 220;
const COLOR_BAR_TICKS = [-1, -0.5, 0, 0.5, 1];
const MISSING_FILL = "#e4e4e4";

/**
 * Returns the colour of a coefficient: red for -1, white for 0, blue for +1 (ColorBrewer RdBu).
 * The scale is centred on 0, so equally strong positive and negative correlations are equally
 * dark.
 */
export function correlationColor(value: number): string {
  return interpolateRdBu((Math.max(-1, Math.min(1, value)) + 1) / 2);
}

/**
 * Renders a correlation matrix as a heat map with D3, as a detached SVG: one square cell per
 * pair of columns on a diverging colour scale centred on 0, column labels left and above, and a
 * colour bar. Undefined coefficients are grey cells marked "n/a". Each cell has class
 * `correlation-cell`, data attributes for its row and column, and a `<title>` with both labels
 * and the coefficient.
 *
 * @throws RangeError when `values` does not have labels.length squared entries, or the cells are
 *   too small.
 */
export function renderCorrelationHeatmap(options: CorrelationHeatmapOptions): SVGSVGElement {
  const {
    labels,
    values,
    coefficient = "Correlation",
    cellSize = DEFAULT_CELL,
    minCellForText = DEFAULT_MIN_CELL_FOR_TEXT,
  } = options;
  checkSize("cellSize", cellSize, MIN_CELL);
  const n = labels.length;
  if (values.length !== n * n) {
    throw new RangeError(
      `values must have ${n} × ${n} = ${n * n} entries for ${n} labels, got ${values.length}`,
    );
  }

  const labelWidth = Math.max(40, ...labels.map((label) => estimateTextWidth(label) + 8));
  const left = labelWidth;
  const top = labelWidth + 8;
  const gridSide = n * cellSize;
  const width = Math.max(left + gridSide + 16, left + COLOR_BAR_WIDTH + 32);
  const height = top + gridSide + 64;
  const svg = createChartSvg(
    "correlation-heatmap",
    width,
    height,
    options.ariaLabel ?? `Heat map of the ${coefficient} between ${n} columns, from -1 to 1`,
  );

  const cells = svg.append("g").attr("class", "correlation-cells");
  const showText = cellSize >= minCellForText;
  for (let row = 0; row < n; row++) {
    for (let column = 0; column < n; column++) {
      const value = values[row * n + column] ?? null;
      const defined = value !== null && Number.isFinite(value);
      const fill = defined ? correlationColor(value) : MISSING_FILL;
      const cell = cells
        .append("g")
        .attr("class", "correlation-cell")
        .attr("data-row", row)
        .attr("data-column", column)
        .attr("transform", `translate(${left + column * cellSize},${top + row * cellSize})`);
      cell
        .append("rect")
        .attr("width", cellSize)
        .attr("height", cellSize)
        .attr("fill", fill)
        .attr("stroke", "#fff")
        .attr("stroke-width", 1);
      const text = defined ? formatCoefficient(value) : "n/a";
      if (showText) {
        cell
          .append("text")
          .attr("x", cellSize / 2)
          .attr("y", cellSize / 2)
          .attr("dy", "0.35em")
          .attr("text-anchor", "middle")
          .attr("font-size", Math.min(10, cellSize / 3.4))
          .attr("fill", textColorOn(fill))
          .text(text);
      }

      cell
        .append("title")
        .text(
          `${labels[row]} and ${labels[column]}: ${coefficient} ` +
            (defined
              ? formatCoefficient(value, 3)
              : "undefined (too few pairs or a constant column)"),
        );
    }
  }

  drawAxisLabels(svg, labels, left, top, cellSize);
  const { groupStart } = options;
  if (groupStart !== undefined && groupStart > 0 && groupStart < n) {
    const offset = groupStart * cellSize;
    svg
      .append("path")
      .attr("class", "correlation-group-break")
      .attr("d", `M${left + offset},${top}v${gridSide}M${left},${top + offset}h${gridSide}`)
      .attr("stroke", "#1b1b1b")
      .attr("stroke-width", 2);
  }

  if (n === 0) {
    drawEmptyMessage(svg, "No columns to correlate", width / 2, top + 20, "correlation-empty");
  }

  drawColorBar(svg, {
    color: correlationColor,
    scale: scaleLinear().domain([-1, 1]).range([0, COLOR_BAR_WIDTH]),
    tickValues: COLOR_BAR_TICKS,
    tickFormat: (value) => formatCoefficient(value, 1),
    title: `${coefficient} (−1 to 1; grey: undefined)`,
    x: left,
    y: top + gridSide + 30,
    className: "correlation-legend",
  });

  return svg.node()!;
}

function drawAxisLabels(
  svg: ReturnType<typeof createChartSvg>,
  labels: readonly string[],
  left: number,
  top: number,
  cellSize: number,
): void {
  const rowLabels = svg.append("g").attr("class", "correlation-row-labels");
  const columnLabels = svg.append("g").attr("class", "correlation-column-labels");
  labels.forEach((label, index) => {
    const center = index * cellSize + cellSize / 2;
    rowLabels
      .append("text")
      .attr("x", left - 6)
      .attr("y", top + center)
      .attr("dy", "0.35em")
      .attr("text-anchor", "end")
      .attr("fill", "currentColor")
      .text(label);
    columnLabels
      .append("text")
      .attr("transform", `translate(${left + center},${top - 6}) rotate(-90)`)
      .attr("dy", "0.35em")
      .attr("fill", "currentColor")
      .text(label);
  });
  svg
    .append("rect")
    .attr("class", "correlation-frame")
    .attr("x", left)
    .attr("y", top)
    .attr("width", labels.length * cellSize)
    .attr("height", labels.length * cellSize)
    .attr("fill", "none")
    .attr("stroke", NEUTRAL_COLOR)
    .attr("stroke-width", labels.length > 0 ? 1 : 0);
}

/** Returns "0.87", "−0.12" (with a minus sign) or "1.00". */
function formatCoefficient(value: number, decimals = 2): string {
  const text = value.toFixed(decimals);

  // Rounding can leave "-0.00", which reads as a negative correlation.
  return Number(text) === 0 ? (0).toFixed(decimals) : text.replace(/^-/, "−");
}
