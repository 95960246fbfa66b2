import { interpolateRgb } from "d3";

import { formatQuantity } from "../../lib/format";
import {
  checkSize,
  createChartSvg,
  drawLabel,
  NEUTRAL_COLOR,
  PRIMARY_COLOR,
  type SvgSelection,
  textColorOn,
} from "./chartSvg";

/** Counts of a high/low screening with "high" as the positive class. */
export interface ConfusionCounts {
  /** Measured high, predicted high. */
  truePositives: number;
  /** Measured low, predicted high. */
  falsePositives: number;
  /** Measured low, predicted low. */
  trueNegatives: number;
  /** Measured high, predicted low. */
  falseNegatives: number;
}

/** Options of {@link renderConfusionMatrix}. */
export interface ConfusionMatrixOptions {
  confusion: ConfusionCounts;
  /** Value at or above which a sample is high, in `unit`; written in the title. */
  threshold: number;
  /** Unit of the threshold. @default "ppm (molar)" */
  unit?: string;
  /** Width of the SVG in px. @default 360 */
  width?: number;
  /** Height of the SVG in px. @default 320 */
  height?: number;
  /** Colour of the cell shading, whose opacity grows with the count. @default "#0072b2" */
  color?: string;
  /** Title above the grid. @default "High: total REE ≥ <threshold> <unit>" */
  title?: string;
  /** Name of the counted items, for the note under the grid and tooltips. @default "test predictions" */
  itemName?: string;
  /** Accessible name of the chart. @default a sentence with all four counts */
  ariaLabel?: string;
}

interface Cell {
  key: keyof ConfusionCounts;
  measured: "high" | "low";
  predicted: "high" | "low";
  term: string;
  meaning: string;
  row: number;
  column: number;
}

/** Rows are the measured class, columns the predicted class, "high" first in both. */
const CELLS: readonly Cell[] = [
  {
    key: "truePositives",
    measured: "high",
    predicted: "high",
    term: "true positive",
    meaning: "high ashes found",
    row: 0,
    column: 0,
  },
  {
    key: "falseNegatives",
    measured: "high",
    predicted: "low",
    term: "false negative",
    meaning: "high ashes missed",
    row: 0,
    column: 1,
  },
  {
    key: "falsePositives",
    measured: "low",
    predicted: "high",
    term: "false positive",
    meaning: "low ashes flagged as high",
    row: 1,
    column: 0,
  },
  {
    key: "trueNegatives",
    measured: "low",
    predicted: "low",
    term: "true negative",
    meaning: "low ashes ruled out",
    row: 1,
    column: 1,
  },
];

const DEFAULT_WIDTH = 360;
const DEFAULT_HEIGHT = 320;
const MARGIN = { top: 72, right: 16, bottom: 34, left: 84 };
const MIN_CELL_SIDE = 40;
/** Lowest shading of a non-empty cell, so that it differs from an empty one. */
const MIN_OPACITY = 0.08;
const MAX_OPACITY = 0.85;
const COUNT_FONT_SIZE = 22;
const TERM_FONT_SIZE = 11;

/**
 * Renders a 2 × 2 confusion matrix of a high/low screening with D3 as a detached SVG element.
 * The rows are the measured class and the columns the predicted class, each cell shows its count,
 * and its shading grows with the count. Counts that are not finite whole numbers ≥ 0 are drawn as
 * "—" and count as 0. Each cell has class `confusion-cell`, a `data-cell` attribute with the
 * count's name (e.g. "truePositives") and a `<title>`.
 *
 * @throws RangeError when width or height leaves no room for the cells.
 */
export function renderConfusionMatrix(options: ConfusionMatrixOptions): SVGSVGElement {
  const {
    confusion,
    threshold,
    unit = "ppm (molar)",
    width = DEFAULT_WIDTH,
    height = DEFAULT_HEIGHT,
    color = PRIMARY_COLOR,
    itemName = "test predictions",
    ariaLabel,
  } = options;
  checkSize("width", width, MARGIN.left + MARGIN.right + 2 * MIN_CELL_SIDE);
  checkSize("height", height, MARGIN.top + MARGIN.bottom + 2 * MIN_CELL_SIDE);

  const thresholdText = Number.isFinite(threshold)
    ? `${formatQuantity(threshold, unit)} ${unit}`
    : "an undefined threshold";
  const title = options.title ?? `High: total REE ≥ ${thresholdText}`;
  const counts = validCounts(confusion);
  const total = CELLS.reduce((sum, cell) => sum + (counts[cell.key] ?? 0), 0);
  const maxCount = Math.max(0, ...CELLS.map((cell) => counts[cell.key] ?? 0));
  const cellWidth = (width - MARGIN.left - MARGIN.right) / 2;
  const cellHeight = (height - MARGIN.top - MARGIN.bottom) / 2;

  const svg = createChartSvg(
    "confusion-matrix",
    width,
    height,
    ariaLabel ?? describeMatrix(counts, thresholdText),
  );
  drawLabel(svg, title, width / 2, 18, "confusion-title");
  drawHeaders(svg, cellWidth, cellHeight);

  const cells = svg
    .append("g")
    .attr("class", "confusion-cells")
    .selectAll("g")
    .data(CELLS)
    .join("g")
    .attr("class", "confusion-cell")
    .attr("data-cell", (cell) => cell.key)
    .attr(
      "transform",
      (cell) =>
        `translate(${MARGIN.left + cell.column * cellWidth},${MARGIN.top + cell.row * cellHeight})`,
    );
  const opacity = (cell: Cell) => {
    const count = counts[cell.key];
    if (count === null || count === 0 || maxCount === 0) {
      return 0;
    }

    return MIN_OPACITY + (MAX_OPACITY - MIN_OPACITY) * (count / maxCount);
  };

  // The text sits on the shading blended over the white background.
  const textColor = (cell: Cell) => textColorOn(interpolateRgb("#fff", color)(opacity(cell)));

  cells
    .append("rect")
    .attr("width", cellWidth)
    .attr("height", cellHeight)
    .attr("fill", color)
    .attr("fill-opacity", opacity)
    .attr("stroke", NEUTRAL_COLOR);
  cells
    .append("text")
    .attr("class", "confusion-count")
    .attr("x", cellWidth / 2)
    .attr("y", cellHeight / 2 - 4)
    .attr("text-anchor", "middle")
    .attr("font-size", COUNT_FONT_SIZE)
    .attr("font-weight", 700)
    .attr("fill", textColor)
    .text((cell) => String(counts[cell.key] ?? "—"));
  cells
    .append("text")
    .attr("class", "confusion-term")
    .attr("x", cellWidth / 2)
    .attr("y", cellHeight / 2 + 16)
    .attr("text-anchor", "middle")
    .attr("font-size", TERM_FONT_SIZE)
    .attr("fill", textColor)
    .text((cell) => cell.term);
  cells.append("title").text((cell) => cellTooltip(cell, counts[cell.key], total, itemName));

  svg
    .append("text")
    .attr("class", "confusion-total")
    .attr("x", MARGIN.left + cellWidth)
    .attr("y", height - 10)
    .attr("text-anchor", "middle")
    .attr("fill", NEUTRAL_COLOR)
    .text(`n = ${total} ${itemName}`);

  return svg.node()!;
}

/** Returns each count, or null for one that is not a finite whole number ≥ 0. */
function validCounts(confusion: ConfusionCounts): Record<keyof ConfusionCounts, number | null> {
  const valid = (count: number) => (Number.isInteger(count) && count >= 0 ? count : null);

  return {
    truePositives: valid(confusion.truePositives),
    falsePositives: valid(confusion.falsePositives),
    trueNegatives: valid(confusion.trueNegatives),
    falseNegatives: valid(confusion.falseNegatives),
  };
}

function drawHeaders(svg: SvgSelection, cellWidth: number, cellHeight: number): void {
  const headers = svg.append("g").attr("class", "confusion-headers").attr("fill", "currentColor");

  drawLabel(headers, "Predicted", MARGIN.left + cellWidth, 42, "confusion-axis-label");
  drawLabel(headers, "Measured", 16, MARGIN.top + cellHeight, "confusion-axis-label", true);
  for (const [index, label] of ["High", "Low"].entries()) {
    drawLabel(
      headers,
      label,
      MARGIN.left + (index + 0.5) * cellWidth,
      MARGIN.top - 10,
      "confusion-class",
    );
    headers
      .append("text")
      .attr("class", "confusion-class")
      .attr("x", MARGIN.left - 10)
      .attr("y", MARGIN.top + (index + 0.5) * cellHeight)
      .attr("dy", "0.35em")
      .attr("text-anchor", "end")
      .text(label);
  }
}

function cellTooltip(cell: Cell, count: number | null, total: number, itemName: string): string {
  const head = `Measured ${cell.measured}, predicted ${cell.predicted}`;
  if (count === null) {
    return `${head}: count missing or invalid (${cell.term}s)`;
  }

  const share = total > 0 ? ` (${Math.round((count / total) * 100)} %)` : "";

  return `${head}: ${count} of ${total} ${itemName}${share}, ${cell.term}s: ${cell.meaning}`;
}

function describeMatrix(
  counts: Record<keyof ConfusionCounts, number | null>,
  thresholdText: string,
): string {
  const count = (key: keyof ConfusionCounts) => counts[key] ?? "unknown";

  return (
    `Confusion matrix of the high/low screening at ${thresholdText}: ` +
    `${count("truePositives")} true positives, ${count("falseNegatives")} false negatives, ` +
    `${count("falsePositives")} false positives, ${count("trueNegatives")} true negatives`
  );
}
