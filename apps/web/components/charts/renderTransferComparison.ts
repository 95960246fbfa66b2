import { axisLeft, scaleBand, scaleLinear } from "d3";

import { formatFixed, formatMeanSd, formatQuantity } from "../../lib/format";
import {
  checkSize,
  createChartSvg,
  drawAxis,
  drawLabel,
  type GroupSelection,
  HIGHLIGHT_COLOR,
  NEUTRAL_COLOR,
  paddedDomain,
  PRIMARY_COLOR,
  type SvgSelection,
} from "./chartSvg";
import type { ConfusionCounts } from "./renderConfusionMatrix";

/** Mean and sample sd over the draws; either is null where undefined. */
export interface MeanSd {
  mean: number | null;
  sd: number | null;
}

/** Scores of one transfer approach over the draws of a run. */
export interface TransferApproachScores {
  /** Name under its bars, e.g. "Fine-tuned". */
  label: string;
  r2: MeanSd;
  /** In %. */
  mape: MeanSd;
  /** R2 of each draw, in draw order; null where undefined. */
  drawR2: readonly (number | null)[];
  /** MAPE (%) of each draw, in draw order. */
  drawMape: readonly (number | null)[];
  /** Counts over all draws' test predictions. */
  confusion: ConfusionCounts;
}

/** Options of {@link renderTransferComparison}. */
export interface TransferComparisonOptions {
  /** The approaches, in the order to draw them. */
  approaches: readonly TransferApproachScores[];
  /** High/low threshold of the confusion matrices, in `unit`. */
  threshold: number;
  /** Unit of the threshold. @default "ppm (molar)" */
  unit?: string;
  /** Width of the SVG in px. @default 720 */
  width?: number;
  /** Height of the SVG in px; the confusion matrices take a fixed 150 px of it. @default 440 */
  height?: number;
  /** Accessible name of the chart. @default a sentence with each approach's mean R2 and MAPE */
  ariaLabel?: string;
}

interface Panel {
  key: "r2" | "mape";
  title: string;
  summary: (scores: TransferApproachScores) => MeanSd;
  draws: (scores: TransferApproachScores) => readonly (number | null)[];
  decimals: number;
  /** Keeps the axis at 0 or above, for a metric that cannot be negative. */
  clampAtZero: boolean;
}

const PANELS: readonly Panel[] = [
  {
    key: "r2",
    title: "Test R²",
    summary: (s) => s.r2,
    draws: (s) => s.drawR2,
    decimals: 2,
    clampAtZero: false,
  },
  {
    key: "mape",
    title: "Test MAPE (%)",
    summary: (s) => s.mape,
    draws: (s) => s.drawMape,
    decimals: 1,
    clampAtZero: true,
  },
];

const DEFAULT_WIDTH = 720;
const DEFAULT_HEIGHT = 440;
const MATRIX_HEIGHT = 150;
const MARGIN = { top: 28, right: 16, bottom: 40, left: 52 };
const PANEL_GAP = 56;
const MIN_PANEL_SIDE = 80;
/** Share of an approach's band that its bar fills. */
const BAR_FILL = 0.6;
const DOT_RADIUS = 2.5;
const TICK_COUNT = 5;
const MATRIX_CELL = 40;
const MATRIX_ORDER: readonly (keyof ConfusionCounts)[] = [
  "truePositives",
  "falseNegatives",
  "falsePositives",
  "trueNegatives",
];
const MATRIX_TERMS: Readonly<Record<keyof ConfusionCounts, string>> = {
  truePositives: "TP",
  falseNegatives: "FN",
  falsePositives: "FP",
  trueNegatives: "TN",
};

/**
 * Renders the comparison of transfer approaches with D3 as a detached SVG element. Two panels
 * show each approach's test R² and MAPE as a bar to the mean with an sd whisker and one dot per
 * draw. Below them, one small confusion matrix per approach counts every draw's test
 * predictions, measured class in rows and predicted class in columns, high first. Missing values
 * are left out of the panels and shown as "—". Bars have class `transfer-bar` with
 * `data-metric` and `data-approach` attributes, matrices class `transfer-matrix`.
 *
 * @throws RangeError when width or height leaves no room for the panels.
 */
export function renderTransferComparison(options: TransferComparisonOptions): SVGSVGElement {
  const {
    approaches,
    threshold,
    unit = "ppm (molar)",
    width = DEFAULT_WIDTH,
    height = DEFAULT_HEIGHT,
    ariaLabel,
  } = options;
  checkSize("width", width, MARGIN.left * 2 + PANEL_GAP + MARGIN.right + 2 * MIN_PANEL_SIDE);
  checkSize("height", height, MARGIN.top + MARGIN.bottom + MATRIX_HEIGHT + MIN_PANEL_SIDE);

  const svg = createChartSvg(
    "transfer-comparison",
    width,
    height,
    ariaLabel ?? describeComparison(approaches),
  );
  const panelWidth = (width - MARGIN.left * 2 - PANEL_GAP - MARGIN.right) / 2;
  const panelBottom = height - MATRIX_HEIGHT - MARGIN.bottom;
  PANELS.forEach((panel, p) => {
    const left = MARGIN.left + p * (panelWidth + MARGIN.left + PANEL_GAP);
    drawPanel(svg, panel, approaches, { left, width: panelWidth, bottom: panelBottom });
  });

  drawMatrices(svg, approaches, threshold, unit, width, height - MATRIX_HEIGHT);

  return svg.node()!;
}

interface PanelBox {
  left: number;
  width: number;
  bottom: number;
}

function drawPanel(
  svg: SvgSelection,
  panel: Panel,
  approaches: readonly TransferApproachScores[],
  box: PanelBox,
): void {
  const group = svg.append("g").attr("class", `transfer-panel transfer-panel-${panel.key}`);
  const values = approaches.flatMap((scores) => {
    const { mean, sd } = panel.summary(scores);
    const spread = mean === null ? [] : [mean - (sd ?? 0), mean + (sd ?? 0)];

    return [...spread, ...panel.draws(scores).filter((value) => value !== null)];
  });
  const y = scaleLinear()
    .domain(paddedDomain(values, { includeZero: true, clampAtZero: panel.clampAtZero }))
    .range([box.bottom, MARGIN.top])
    .nice();
  const x = scaleBand<string>()
    .domain(approaches.map((scores) => scores.label))
    .range([box.left, box.left + box.width])
    .padding(1 - BAR_FILL);

  drawLabel(group, panel.title, box.left + box.width / 2, MARGIN.top - 12, "transfer-title");
  drawAxis(group, axisLeft(y).ticks(TICK_COUNT), box.left, 0, "transfer-axis");
  group
    .append("line")
    .attr("class", "transfer-zero")
    .attr("x1", box.left)
    .attr("x2", box.left + box.width)
    .attr("y1", y(0))
    .attr("y2", y(0))
    .attr("stroke", NEUTRAL_COLOR);

  for (const scores of approaches) {
    drawApproach(group, panel, scores, x, y, box.bottom);
  }
}

function drawApproach(
  group: GroupSelection,
  panel: Panel,
  scores: TransferApproachScores,
  x: ReturnType<typeof scaleBand<string>>,
  y: ReturnType<typeof scaleLinear<number, number>>,
  bottom: number,
): void {
  const { mean, sd } = panel.summary(scores);
  const left = x(scores.label) ?? 0;
  const band = x.bandwidth();
  const centre = left + band / 2;
  const text = formatSummary({ mean, sd }, panel.decimals);
  drawLabel(group, scores.label, centre, bottom + 18, "transfer-approach");
  drawLabel(group, text, centre, bottom + 32, "transfer-value");
  if (mean === null) {
    return;
  }

  group
    .append("rect")
    .attr("class", "transfer-bar")
    .attr("data-metric", panel.key)
    .attr("data-approach", scores.label)
    .attr("x", left)
    .attr("width", band)
    .attr("y", Math.min(y(mean), y(0)))
    .attr("height", Math.abs(y(mean) - y(0)))
    .attr("fill", PRIMARY_COLOR)
    .attr("fill-opacity", 0.35)
    .append("title")
    .text(`${scores.label}: ${panel.title} ${text} over ${panel.draws(scores).length} draws`);
  if (sd !== null) {
    group
      .append("line")
      .attr("class", "transfer-sd")
      .attr("x1", centre)
      .attr("x2", centre)
      .attr("y1", y(mean - sd))
      .attr("y2", y(mean + sd))
      .attr("stroke", NEUTRAL_COLOR)
      .attr("stroke-width", 1.5);
  }

  const draws = panel.draws(scores);
  draws.forEach((value, d) => {
    if (value === null || !Number.isFinite(value)) {
      return;
    }

    // Spread the dots across the bar in draw order, so that equal values stay visible.
    const offset = draws.length > 1 ? (d / (draws.length - 1) - 0.5) * band * 0.8 : 0;
    group
      .append("circle")
      .attr("class", "transfer-draw")
      .attr("cx", centre + offset)
      .attr("cy", y(value))
      .attr("r", DOT_RADIUS)
      .attr("fill", HIGHLIGHT_COLOR)
      .append("title")
      .text(`${scores.label}, draw ${d + 1}: ${formatFixed(value, panel.decimals)}`);
  });
}

function drawMatrices(
  svg: SvgSelection,
  approaches: readonly TransferApproachScores[],
  threshold: number,
  unit: string,
  width: number,
  top: number,
): void {
  const thresholdText = Number.isFinite(threshold)
    ? `${formatQuantity(threshold, unit)} ${unit}`
    : "an undefined threshold";
  const group = svg.append("g").attr("class", "transfer-matrices");
  drawLabel(
    group,
    `Test predictions of all draws; rows measured, columns predicted; high: total REE ≥ ${thresholdText}`,
    width / 2,
    top + 18,
    "transfer-matrices-title",
  );
  const slot = width / Math.max(1, approaches.length);
  approaches.forEach((scores, a) => {
    const left = a * slot + slot / 2 - MATRIX_CELL;
    const matrix = group
      .append("g")
      .attr("class", "transfer-matrix")
      .attr("data-approach", scores.label)
      .attr("transform", `translate(${left},${top + 48})`);
    drawMatrix(matrix, scores);
  });
}

function drawMatrix(matrix: GroupSelection, scores: TransferApproachScores): void {
  const counts = MATRIX_ORDER.map((key) => validCount(scores.confusion[key]));
  const maxCount = Math.max(1, ...counts.map((count) => count ?? 0));
  drawLabel(matrix, scores.label, MATRIX_CELL, -8, "transfer-matrix-label");
  MATRIX_ORDER.forEach((key, i) => {
    const count = counts[i] ?? null;
    const cell = matrix
      .append("g")
      .attr("class", "transfer-matrix-cell")
      .attr("data-cell", key)
      .attr("transform", `translate(${(i % 2) * MATRIX_CELL},${Math.floor(i / 2) * MATRIX_CELL})`);
    cell
      .append("rect")
      .attr("width", MATRIX_CELL)
      .attr("height", MATRIX_CELL)
      .attr("fill", PRIMARY_COLOR)
      .attr("fill-opacity", count === null ? 0 : (0.7 * count) / maxCount)
      .attr("stroke", NEUTRAL_COLOR);
    drawLabel(cell, count === null ? "—" : String(count), MATRIX_CELL / 2, 20, "transfer-count");
    drawLabel(cell, MATRIX_TERMS[key], MATRIX_CELL / 2, 33, "transfer-term");
  });
}

function validCount(count: number): number | null {
  return Number.isInteger(count) && count >= 0 ? count : null;
}

/** Formats "0.83 ± 0.10", the mean alone without an sd, or "—" without a mean. */
function formatSummary(summary: MeanSd, decimals: number): string {
  return formatMeanSd(summary, decimals) ?? "—";
}

function describeComparison(approaches: readonly TransferApproachScores[]): string {
  const parts = approaches.map(
    (scores) =>
      `${scores.label}: R² ${formatSummary(scores.r2, 2)}, MAPE ${formatSummary(scores.mape, 1)} %`,
  );

  return `Transfer approaches compared on the test samples of each draw. ${parts.join("; ")}`;
}
