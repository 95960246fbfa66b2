import { axisBottom, axisLeft, type ScaleLogarithmic, scaleLog } from "d3";

import { formatPowerOfTen } from "../../lib/format";
import { drawAxis, type GroupSelection } from "./chartSvg";

/*
 * Axis of heat map cells for hyperparameters that span decades. Each positive value gets a cell
 * on a log scale. A log scale cannot place 0, so 0 gets a cell of its own before the lowest
 * value, separated by a gap. Negative and non-finite values have no cell.
 */

/** The distinct values along one axis and the edges of their cells. */
export interface LogCells {
  /** Distinct positive values, ascending. */
  values: number[];
  /** Edges of the positive values' cells: values.length + 1 of them, ascending. */
  edges: number[];
  /** Whether 0 is one of the values. */
  hasZero: boolean;
}

/** Gap between the 0 cell and the log scale, in px. */
const ZERO_GAP = 6;
/** Up to this many distinct values, every value gets a tick; above it, powers of ten do. */
const MAX_VALUE_TICKS = 6;
const TICK_SIZE = 6;

/** Returns whether a value can have a cell: 0 or a positive finite number. */
export function hasLogCell(value: number): boolean {
  return value === 0 || (Number.isFinite(value) && value > 0);
}

/**
 * Returns the cells of the values. Each edge lies halfway between two neighbours in log space,
 * and each outer cell reaches as far out as the half-gap on its inner side. A single positive
 * value gets a cell one decade wide.
 */
export function logCells(values: readonly number[]): LogCells {
  const distinct = [...new Set(values.filter((value) => value > 0 && Number.isFinite(value)))];
  distinct.sort((a, b) => a - b);
  const hasZero = values.includes(0);
  const logs = distinct.map(Math.log10);
  if (logs.length === 0) {
    return { values: [], edges: [], hasZero };
  }

  const first = logs[0] ?? 0;
  const last = logs[logs.length - 1] ?? 0;
  const middles = logs.slice(1).map((log, index) => (log + (logs[index] ?? log)) / 2);
  const firstHalf = logs.length === 1 ? 0.5 : (middles[0] ?? first) - first;
  const lastHalf = logs.length === 1 ? 0.5 : last - (middles[middles.length - 1] ?? last);
  const edges = [first - firstHalf, ...middles, last + lastHalf].map((log) => 10 ** log);

  return { values: distinct, edges, hasZero };
}

/** Returns the tick values: every value of a short axis, or the powers of ten of a long one. */
export function logTicks(cells: LogCells): number[] {
  if (cells.values.length <= MAX_VALUE_TICKS) {
    return cells.values;
  }

  const low = Math.log10(cells.edges[0] ?? 1);
  const high = Math.log10(cells.edges[cells.edges.length - 1] ?? 1);
  const powers: number[] = [];
  for (let exponent = Math.ceil(low); exponent <= Math.floor(high); exponent++) {
    powers.push(10 ** exponent);
  }

  return powers.length >= 2 ? powers : cells.values.filter((_, index) => index % 2 === 0);
}

/** Returns the tick labels of an axis, "0" first when it has a 0 cell. */
export function logTickLabels(cells: LogCells): string[] {
  return [...(cells.hasZero ? ["0"] : []), ...logTicks(cells).map(formatPowerOfTen)];
}

/** An axis of cells placed between two pixel positions. */
export interface PlacedLogCells {
  cells: LogCells;
  /** Log scale of the positive values, or null when there are none. */
  scale: ScaleLogarithmic<number, number> | null;
  /** Pixel span of the 0 cell, or null without one. */
  zero: [number, number] | null;
}

/**
 * Places the cells between `start` (the low end) and `end` in px; `end` may be smaller than
 * `start`, as on a y axis. The 0 cell is as wide as an average positive cell.
 */
export function placeLogCells(cells: LogCells, start: number, end: number): PlacedLogCells {
  const count = cells.values.length;
  if (count === 0) {
    return { cells, scale: null, zero: cells.hasZero ? [start, end] : null };
  }

  const direction = end >= start ? 1 : -1;
  let logStart = start;
  let zero: [number, number] | null = null;
  if (cells.hasZero) {
    const cellSize = (Math.abs(end - start) - ZERO_GAP) / (count + 1);
    zero = [start, start + direction * cellSize];
    logStart = start + direction * (cellSize + ZERO_GAP);
  }

  const scale = scaleLog()
    .domain([cells.edges[0] ?? 1, cells.edges[count] ?? 10])
    .range([logStart, end]);

  return { cells, scale, zero };
}

/** Returns the pixel span of a value's cell, in ascending pixel order, or null without a cell. */
export function cellSpan(placed: PlacedLogCells, value: number): [number, number] | null {
  if (value === 0) {
    return placed.zero === null ? null : ascending(placed.zero);
  }

  const index = placed.cells.values.indexOf(value);
  if (index < 0 || placed.scale === null) {
    return null;
  }

  const { edges } = placed.cells;

  return ascending([placed.scale(edges[index] ?? 1), placed.scale(edges[index + 1] ?? 1)]);
}

function ascending([a, b]: [number, number]): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

/**
 * Draws the axis at `position` (the y of a bottom axis, the x of a left axis), with a tick
 * labelled "0" at the 0 cell's centre. The axis line leaves the gap before the 0 cell open, which
 * marks the break in the scale.
 */
export function drawLogCellAxis(
  parent: GroupSelection,
  placed: PlacedLogCells,
  orientation: "bottom" | "left",
  position: number,
  className: string,
): void {
  const group =
    placed.scale === null
      ? parent.append("g").attr("class", className)
      : drawAxis(
          parent,
          (orientation === "bottom" ? axisBottom(placed.scale) : axisLeft(placed.scale))
            .tickValues(logTicks(placed.cells))
            .tickFormat((value) => formatPowerOfTen(Number(value))),
          orientation === "bottom" ? 0 : position,
          orientation === "bottom" ? position : 0,
          className,
        );
  if (placed.scale === null) {
    group.attr(
      "transform",
      orientation === "bottom" ? `translate(0,${position})` : `translate(${position},0)`,
    );
  }

  if (placed.zero === null) {
    return;
  }

  // The first tick in document order, so that "0" reads first, as on the axis.
  const middle = (placed.zero[0] + placed.zero[1]) / 2;
  const tick = group
    .insert("g", ".tick")
    .attr("class", "tick tick-zero")
    .attr(
      "transform",
      orientation === "bottom" ? `translate(${middle},0)` : `translate(0,${middle})`,
    );
  tick
    .append("line")
    .attr("stroke", "currentColor")
    .attr(
      orientation === "bottom" ? "y2" : "x2",
      orientation === "bottom" ? TICK_SIZE : -TICK_SIZE,
    );
  const label = tick.append("text").attr("fill", "currentColor").text("0");
  if (orientation === "bottom") {
    label
      .attr("y", TICK_SIZE + 3)
      .attr("dy", "0.71em")
      .attr("text-anchor", "middle");
  } else {
    label
      .attr("x", -(TICK_SIZE + 3))
      .attr("dy", "0.32em")
      .attr("text-anchor", "end");
  }
}
