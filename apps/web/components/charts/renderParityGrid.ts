import { axisBottom, axisLeft, format, scaleLinear } from "d3";

import {
  checkSize,
  createChartSvg,
  drawAxis,
  drawEmptyMessage,
  drawLabel,
  NEUTRAL_COLOR,
  paddedDomain,
  type SvgSelection,
} from "./chartSvg";
import { LEGEND_ROW_HEIGHT, type LegendPlacement, legendRows } from "./legendRows";
import { seriesColor } from "./seriesColors";

/** A measured and a predicted value of one sample in one repetition. */
export interface ParityGridPoint {
  sampleLabel: string;
  repetition: number;
  measured: number;
  predicted: number;
}

/** One small parity plot, e.g. of one REE. */
export interface ParityGridPanel {
  /** Title above the panel, e.g. "La2O3". */
  title: string;
  /** Points of each series, in the order of `series`. Non-finite values are left out. */
  points: readonly (readonly ParityGridPoint[])[];
}

/** Options of {@link renderParityGrid}. */
export interface ParityGridOptions {
  panels: readonly ParityGridPanel[];
  /** Names of the series (e.g. model kinds or runs), for the legend and the tooltips. */
  series: readonly { label: string; color?: string }[];
  /** Panels per row. @default 6, or fewer when there are fewer panels */
  columns?: number;
  /** Width and height of each panel in px, axes included. @default 170 */
  panelSize?: number;
  /** Unit of the values, in the axis labels and tooltips. @default "ppm (molar)" */
  unit?: string;
  /** Quantity plotted, in the axis labels, e.g. "content" or "total REE". @default "content" */
  quantity?: string;
  /** Accessible name of the chart. @default a sentence giving the panels and series */
  ariaLabel?: string;
}

const DEFAULT_PANEL = 170;
const DEFAULT_COLUMNS = 6;
const MIN_PANEL = 110;
/** Space around the grid: the legend above, the shared axis labels left and below. */
const MARGIN = { top: 36, right: 8, bottom: 36, left: 28 };
/** Space inside each panel: its title above, its tick labels left and below. */
const PANEL_PADDING = { top: 20, right: 10, bottom: 24, left: 40 };
const TICK_COUNT = 3;
/** Radius of a point in px in a panel of the default size; larger panels get larger points. */
const POINT_RADIUS = 2.5;
/** Width in px of a legend marker and the space after it. */
const LEGEND_SWATCH = 10;
const formatValue = format(".1f");

/**
 * Renders a grid of small parity plots (predicted against measured), one per panel, with D3 as a
 * detached SVG. Each panel has its own equal, padded domains on both axes, a dashed y = x line
 * (predicted = measured)
 * and its title; series share colours across panels and a legend above the grid. Each point is a
 * circle with class `parity-grid-point`, `data-series` and a `<title>` tooltip.
 *
 * @throws RangeError when `panelSize` leaves no room for a plot.
 */
export function renderParityGrid(options: ParityGridOptions): SVGSVGElement {
  const {
    panels,
    series,
    panelSize = DEFAULT_PANEL,
    unit = "ppm (molar)",
    quantity = "content",
  } = options;
  checkSize("panelSize", panelSize, MIN_PANEL);
  const columns = Math.max(1, Math.min(options.columns ?? DEFAULT_COLUMNS, panels.length));
  const rows = Math.max(1, Math.ceil(panels.length / columns));
  const width = MARGIN.left + columns * panelSize + MARGIN.right;
  const legend = legendRows(
    series.map((entry) => entry.label),
    width - MARGIN.left - PANEL_PADDING.left - MARGIN.right,
    LEGEND_SWATCH,
  );
  // Each legend row beyond the first moves the panels down.
  const gridTop = MARGIN.top + (legend.rows - 1) * LEGEND_ROW_HEIGHT;
  const height = gridTop + rows * panelSize + MARGIN.bottom;
  const unitText = unit.replace(/^ppm \((.+)\)$/, "ppm, $1");

  const svg = createChartSvg(
    "parity-grid",
    width,
    height,
    options.ariaLabel ??
      `Parity plots of ${panels.length} targets, predicted against measured ${quantity}, ` +
        `for ${series.map((entry) => entry.label).join(", ") || "no series"}`,
  );
  panels.forEach((panel, index) => {
    const left = MARGIN.left + (index % columns) * panelSize;
    const top = gridTop + Math.floor(index / columns) * panelSize;
    drawPanel(svg, panel, series, { left, top, size: panelSize, unit });
  });

  drawLabel(
    svg,
    `Measured ${quantity} (${unitText})`,
    MARGIN.left + (columns * panelSize) / 2,
    height - 8,
    "parity-grid-axis-label",
  );
  drawLabel(
    svg,
    `Predicted ${quantity} (${unitText})`,
    12,
    gridTop + (rows * panelSize) / 2,
    "parity-grid-axis-label",
    true,
  );
  if (panels.length === 0) {
    drawEmptyMessage(svg, "No predictions to plot", width / 2, height / 2, "parity-grid-empty");
  }

  drawLegend(svg, series, legend.placements);

  return svg.node()!;
}

function drawPanel(
  svg: SvgSelection,
  panel: ParityGridPanel,
  series: ParityGridOptions["series"],
  frame: { left: number; top: number; size: number; unit: string },
): void {
  const { left, top, size, unit } = frame;
  const finite = panel.points.map((points) =>
    points.filter((point) => Number.isFinite(point.measured) && Number.isFinite(point.predicted)),
  );
  const values = finite.flat().flatMap((point) => [point.measured, point.predicted]);
  const domain = paddedDomain(values, { clampAtZero: true });
  const plotLeft = left + PANEL_PADDING.left;
  const plotTop = top + PANEL_PADDING.top;
  const side =
    size -
    Math.max(PANEL_PADDING.left + PANEL_PADDING.right, PANEL_PADDING.top + PANEL_PADDING.bottom);
  const x = scaleLinear()
    .domain(domain)
    .nice(TICK_COUNT)
    .range([plotLeft, plotLeft + side]);
  const y = scaleLinear()
    .domain(x.domain())
    .range([plotTop + side, plotTop]);
  const group = svg.append("g").attr("class", "parity-grid-panel").attr("data-title", panel.title);

  // Plain decimals: SI prefixes would write 0.8 ppm as "800m".
  drawAxis(group, axisBottom(x).ticks(TICK_COUNT), 0, plotTop + side, "parity-grid-axis");
  drawAxis(group, axisLeft(y).ticks(TICK_COUNT), plotLeft, 0, "parity-grid-axis");
  drawLabel(group, panel.title, plotLeft + side / 2, top + 12, "parity-grid-title");
  const [low, high] = x.domain() as [number, number];
  group
    .append("line")
    .attr("class", "parity-grid-identity")
    .attr("x1", x(low))
    .attr("y1", y(low))
    .attr("x2", x(high))
    .attr("y2", y(high))
    .attr("stroke", NEUTRAL_COLOR)
    .attr("stroke-dasharray", "4 3");

  finite.forEach((points, seriesIndex) => {
    const label = series[seriesIndex]?.label ?? `Series ${seriesIndex + 1}`;
    const color = series[seriesIndex]?.color ?? seriesColor(seriesIndex);
    group
      .append("g")
      .attr("fill", color)
      .attr("fill-opacity", 0.6)
      .selectAll("circle")
      .data(points)
      .join("circle")
      .attr("class", "parity-grid-point")
      .attr("data-series", seriesIndex)
      .attr("cx", (point) => x(point.measured))
      .attr("cy", (point) => y(point.predicted))
      .attr("r", (POINT_RADIUS * Math.max(size, DEFAULT_PANEL)) / DEFAULT_PANEL)
      .append("title")
      .text(
        (point) =>
          `${label}, ${panel.title}, sample ${point.sampleLabel}, repetition ${point.repetition}: ` +
          `measured ${formatValue(point.measured)}, predicted ${formatValue(point.predicted)} ${unit}`,
      );
  });

  if (values.length === 0) {
    drawEmptyMessage(
      group,
      "No data",
      plotLeft + side / 2,
      plotTop + side / 2,
      "parity-grid-panel-empty",
    );
  }
}

function drawLegend(
  svg: SvgSelection,
  series: ParityGridOptions["series"],
  placements: readonly LegendPlacement[],
): void {
  const legend = svg
    .append("g")
    .attr("class", "parity-grid-legend")
    .attr("transform", `translate(${MARGIN.left + PANEL_PADDING.left},16)`);
  series.forEach((entry, index) => {
    const { x, y } = placements[index] ?? { x: 0, y: 0 };
    const item = legend.append("g").attr("transform", `translate(${x},${y})`);
    item
      .append("circle")
      .attr("r", 4)
      .attr("fill", entry.color ?? seriesColor(index))
      .attr("fill-opacity", 0.8);
    item
      .append("text")
      .attr("x", 10)
      .attr("dy", "0.35em")
      .attr("fill", "currentColor")
      .text(entry.label);
  });
}
