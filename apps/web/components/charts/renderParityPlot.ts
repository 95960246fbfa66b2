import { axisBottom, axisLeft, create, format, scaleLinear, type Selection } from "d3";
import type { DataSplit, SamplePrediction } from "@ree/schema/documents";

import { DATA_SPLIT_LABELS } from "../../lib/labels";

/** Colour of each split's points and legend swatch, as any SVG paint value. */
export type ParityPlotColors = Record<DataSplit, string>;

/** Options of {@link renderParityPlot}. */
export interface ParityPlotOptions {
  /**
   * Points to draw, one per sample and repetition. `measured` and `predicted` share one unit.
   * Points with a non-finite value are left out and do not count in the legend.
   */
  points: readonly SamplePrediction[];
  /**
   * Width of the SVG in px. The plot area is the largest square that fits inside the margins,
   * so that both axes have the same scale and the y = x line runs at 45°.
   * @default 480
   */
  width?: number;
  /** Height of the SVG in px. @default 480 */
  height?: number;
  /** Label of the horizontal axis. @default "Measured total REE (ppm, molar)" */
  xLabel?: string;
  /** Label of the vertical axis. @default "Predicted total REE (ppm, molar)" */
  yLabel?: string;
  /**
   * Colours of the TRAIN and TEST points. The defaults are blue and vermillion from the
   * Okabe–Ito palette, which stay distinct for the common colour-vision deficiencies.
   * @default { TRAIN: "#0072b2", TEST: "#d55e00" }
   */
  colors?: Partial<ParityPlotColors>;
  /** Unit of the values, written in each point's tooltip. @default "ppm (molar)" */
  unit?: string;
  /** Accessible name of the chart. @default a sentence that gives the number of points per split */
  ariaLabel?: string;
  /** Radius of a point in px. @default 3.5 */
  radius?: number;
}

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";
const DEFAULT_SIZE = 480;
const DEFAULT_COLORS: ParityPlotColors = { TRAIN: "#0072b2", TEST: "#d55e00" };
const MARGIN = { top: 36, right: 16, bottom: 52, left: 68 };
const MIN_PLOT_SIDE = 40;
const TICK_COUNT = 6;
/** Share of the data range added on each side, so that no point sits on an axis. */
const PADDING_FRACTION = 0.05;
/** TEST points are drawn last, on top, because they are fewer and matter more. */
const SPLITS: readonly DataSplit[] = ["TRAIN", "TEST"];
const FILL_OPACITY: ParityPlotColors = { TRAIN: "0.35", TEST: "0.8" };
const FONT_SIZE = 12;
/**
 * Estimated width of one character of 12 px text in px, used to space the legend entries.
 * Text is not measured because the renderer must also run without layout (jsdom in tests).
 */
const CHARACTER_WIDTH = 7;
const formatValue = format(".1f");

/**
 * Renders a parity plot (predicted against measured values) with D3 as a detached SVG element:
 * one circle per point, coloured by split, a dashed y = x line, a legend and equal, padded
 * domains on both axes. Uses the global `document`, so it runs in a browser or under jsdom.
 * Each circle has class `parity-point`, a `data-split` attribute and a `<title>` tooltip.
 *
 * @throws RangeError when width or height is not finite or leaves no room for the plot area.
 */
export function renderParityPlot(options: ParityPlotOptions): SVGSVGElement {
  const {
    points,
    width = DEFAULT_SIZE,
    height = DEFAULT_SIZE,
    xLabel = "Measured total REE (ppm, molar)",
    yLabel = "Predicted total REE (ppm, molar)",
    colors,
    unit = "ppm (molar)",
    ariaLabel,
    radius = 3.5,
  } = options;
  const side = plotSide(width, height);
  const paints: ParityPlotColors = {
    TRAIN: colors?.TRAIN ?? DEFAULT_COLORS.TRAIN,
    TEST: colors?.TEST ?? DEFAULT_COLORS.TEST,
  };

  const plotted = points.filter(
    (point) => Number.isFinite(point.measured) && Number.isFinite(point.predicted),
  );
  const counts: Record<DataSplit, number> = { TRAIN: 0, TEST: 0 };
  for (const point of plotted) {
    counts[point.split] += 1;
  }

  const domain = scaleLinear().domain(paddedDomain(plotted)).nice(TICK_COUNT).domain();
  const left = MARGIN.left;
  const top = MARGIN.top;
  const x = scaleLinear()
    .domain(domain)
    .range([left, left + side]);
  const y = scaleLinear()
    .domain(domain)
    .range([top + side, top]);

  const svg = create("svg")
    .attr("xmlns", SVG_NAMESPACE)
    .attr("class", "parity-plot")
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img")
    .attr("aria-label", ariaLabel ?? describeCounts(counts))
    .attr("font-family", "system-ui, sans-serif")
    .attr("font-size", FONT_SIZE);

  drawAxes(svg, x, y, side, xLabel, yLabel);

  const [low, high] = domain as [number, number];
  svg
    .append("line")
    .attr("class", "parity-identity")
    .attr("x1", x(low))
    .attr("y1", y(low))
    .attr("x2", x(high))
    .attr("y2", y(high))
    .attr("stroke", "#444")
    .attr("stroke-width", 1)
    .attr("stroke-dasharray", "5 4");

  for (const split of SPLITS) {
    svg
      .append("g")
      .attr("class", "parity-points")
      .attr("fill", paints[split])
      .attr("fill-opacity", FILL_OPACITY[split])
      .attr("stroke", paints[split])
      .selectAll("circle")
      .data(plotted.filter((point) => point.split === split))
      .join("circle")
      .attr("class", "parity-point")
      .attr("data-split", split)
      .attr("cx", (point) => x(point.measured))
      .attr("cy", (point) => y(point.predicted))
      .attr("r", radius)
      .append("title")
      .text((point) => tooltip(point, unit));
  }

  if (plotted.length === 0) {
    svg
      .append("text")
      .attr("class", "parity-empty")
      .attr("x", left + side / 2)
      .attr("y", top + side / 2)
      .attr("text-anchor", "middle")
      .attr("fill", "#444")
      .text("No predictions to plot");
  }

  drawLegend(svg, counts, paints, radius);

  // create() always returns a selection of the one element it made.
  return svg.node()!;
}

/** Returns the side of the square plot area, after checking the size options. */
function plotSide(width: number, height: number): number {
  const side = Math.min(width - MARGIN.left - MARGIN.right, height - MARGIN.top - MARGIN.bottom);
  if (!Number.isFinite(side) || side < MIN_PLOT_SIDE) {
    throw new RangeError(
      `width and height must leave a plot area of at least ${MIN_PLOT_SIDE} px inside the ` +
        `margins (${MARGIN.left + MARGIN.right} px across, ${MARGIN.top + MARGIN.bottom} px down), ` +
        `got width ${width} and height ${height}`,
    );
  }

  return side;
}

/**
 * Returns one domain for both axes that covers every measured and predicted value with padding.
 * A single value or equal values get a padding of 10 % of the value (at least 1), so the scale
 * never has an empty domain. The lower end stays at 0 or above when no value is negative,
 * because contents cannot be negative.
 */
function paddedDomain(points: readonly SamplePrediction[]): [number, number] {
  if (points.length === 0) {
    return [0, 1];
  }

  let min = Infinity;
  let max = -Infinity;
  for (const point of points) {
    min = Math.min(min, point.measured, point.predicted);
    max = Math.max(max, point.measured, point.predicted);
  }

  const span = max - min;
  const padding = span > 0 ? span * PADDING_FRACTION : Math.max(Math.abs(min) * 0.1, 1);
  const lower = min >= 0 ? Math.max(0, min - padding) : min - padding;

  return [lower, max + padding];
}

type SvgSelection = Selection<SVGSVGElement, undefined, null, undefined>;
type LinearScale = ReturnType<typeof scaleLinear<number, number>>;

function drawAxes(
  svg: SvgSelection,
  x: LinearScale,
  y: LinearScale,
  side: number,
  xLabel: string,
  yLabel: string,
): void {
  const left = MARGIN.left;
  const top = MARGIN.top;

  // d3-axis sets its own font on each axis; removing it lets the axes inherit the SVG's font.
  svg
    .append("g")
    .attr("class", "parity-axis parity-axis-x")
    .attr("transform", `translate(0,${top + side})`)
    .call(axisBottom(x).ticks(TICK_COUNT))
    .attr("font-size", null)
    .attr("font-family", null);
  svg
    .append("g")
    .attr("class", "parity-axis parity-axis-y")
    .attr("transform", `translate(${left},0)`)
    .call(axisLeft(y).ticks(TICK_COUNT))
    .attr("font-size", null)
    .attr("font-family", null);

  svg
    .append("text")
    .attr("class", "parity-axis-label")
    .attr("x", left + side / 2)
    .attr("y", top + side + MARGIN.bottom - 12)
    .attr("text-anchor", "middle")
    .attr("fill", "currentColor")
    .text(xLabel);
  svg
    .append("text")
    .attr("class", "parity-axis-label")
    .attr("transform", `translate(${left - MARGIN.left + 16},${top + side / 2}) rotate(-90)`)
    .attr("text-anchor", "middle")
    .attr("fill", "currentColor")
    .text(yLabel);
}

function drawLegend(
  svg: SvgSelection,
  counts: Record<DataSplit, number>,
  paints: ParityPlotColors,
  radius: number,
): void {
  const legend = svg
    .append("g")
    .attr("class", "parity-legend")
    .attr("transform", `translate(${MARGIN.left},${MARGIN.top / 2})`);
  let offset = 0;

  for (const split of SPLITS) {
    const entry = legend.append("g").attr("transform", `translate(${offset},0)`);
    const label = `${DATA_SPLIT_LABELS[split]} (n = ${counts[split]})`;
    entry
      .append("circle")
      .attr("r", radius + 1)
      .attr("fill", paints[split])
      .attr("fill-opacity", FILL_OPACITY[split])
      .attr("stroke", paints[split]);
    entry
      .append("text")
      .attr("x", 10)
      .attr("dy", "0.35em")
      .attr("fill", "currentColor")
      .text(label);
    offset += 10 + label.length * CHARACTER_WIDTH + 20;
  }

  const identity = legend.append("g").attr("transform", `translate(${offset},0)`);
  identity
    .append("line")
    .attr("x1", -6)
    .attr("x2", 12)
    .attr("stroke", "#444")
    .attr("stroke-dasharray", "5 4");
  identity
    .append("text")
    .attr("x", 18)
    .attr("dy", "0.35em")
    .attr("fill", "currentColor")
    .text("y = x");
}

function describeCounts(counts: Record<DataSplit, number>): string {
  return (
    `Parity plot of predicted against measured values: ${counts.TRAIN} TRAIN and ` +
    `${counts.TEST} TEST points, with the line y = x`
  );
}

function tooltip(point: SamplePrediction, unit: string): string {
  return (
    `${point.sampleLabel}, repetition ${point.repetition}, ${point.split}: ` +
    `measured ${formatValue(point.measured)} ${unit}, predicted ${formatValue(point.predicted)} ${unit}`
  );
}
