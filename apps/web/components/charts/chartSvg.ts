import {
  type Axis,
  axisBottom,
  axisLeft,
  create,
  type NumberValue,
  rgb,
  type ScaleContinuousNumeric,
  type scaleLinear,
  type Selection,
} from "d3";

/*
 * Building blocks shared by the analysis charts: the root SVG, axes that inherit the SVG's font,
 * padded domains that never collapse, and size checks. Every function uses the global
 * `document` through D3, so the charts also render under jsdom.
 */

export type SvgSelection = Selection<SVGSVGElement, undefined, null, undefined>;
export type GroupSelection = Selection<SVGGElement, undefined, null, undefined>;
export type LinearScale = ReturnType<typeof scaleLinear<number, number>>;
/** Any selection that elements can be appended to. */
export type ParentSelection = SvgSelection | GroupSelection;

export const SVG_NAMESPACE = "http://www.w3.org/2000/svg";
/** Font size of all chart text in px. */
export const FONT_SIZE = 12;
/**
 * Estimated width of one character of 12 px text in px, used to place labels and legend
 * entries. Text is not measured because the charts must also render without layout (jsdom).
 */
export const CHARACTER_WIDTH = 7;
/** Colour of reference lines, empty-data messages and cell borders: dark grey, legible in print. */
export const NEUTRAL_COLOR = "#444";
/** Blue of the Okabe–Ito palette, distinct for the common colour-vision deficiencies. */
export const PRIMARY_COLOR = "#0072b2";
/** Vermillion of the Okabe–Ito palette, the highlight colour next to {@link PRIMARY_COLOR}. */
export const HIGHLIGHT_COLOR = "#d55e00";

/** Text colour for labels on light fills. */
const DARK_TEXT = "#000";

/**
 * Returns white or black, whichever contrasts more with `fill` by the WCAG 2 contrast ratio, for a
 * label drawn on a coloured cell. One of the two always reaches at least √21 ≈ 4.58:1, above the
 * 4.5:1 that WCAG AA requires of small text.
 */
export function textColorOn(fill: string): string {
  const fillLuminance = relativeLuminance(fill);
  const againstWhite = 1.05 / (fillLuminance + 0.05);
  const againstDark = (fillLuminance + 0.05) / (relativeLuminance(DARK_TEXT) + 0.05);

  return againstWhite > againstDark ? "#fff" : DARK_TEXT;
}

/** WCAG 2 relative luminance of a CSS colour, from 0 (black) to 1 (white). */
function relativeLuminance(color: string): number {
  const { r, g, b } = rgb(color);
  const linear = (channel: number) => {
    const value = channel / 255;

    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };

  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Share of the data range added on each side of a padded domain. */
const PADDING_FRACTION = 0.05;

/** Creates the root `<svg>` of a chart with its size, viewBox, accessible name and font. */
export function createChartSvg(
  className: string,
  width: number,
  height: number,
  ariaLabel: string,
): SvgSelection {
  return create("svg")
    .attr("xmlns", SVG_NAMESPACE)
    .attr("class", className)
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img")
    .attr("aria-label", ariaLabel)
    .attr("font-family", "system-ui, sans-serif")
    .attr("font-size", FONT_SIZE);
}

/**
 * Returns `value` after checking that it is a finite size of at least `minimum` px.
 * @throws RangeError otherwise, naming the option.
 */
export function checkSize(name: string, value: number, minimum: number): number {
  if (!Number.isFinite(value) || value < minimum) {
    throw new RangeError(`${name} must be a finite number of at least ${minimum} px, got ${value}`);
  }

  return value;
}

/** Options of {@link paddedDomain}. */
export interface PaddedDomainOptions {
  /** Widens the domain to contain 0, e.g. for values that are changes or importances. */
  includeZero?: boolean;
  /** Keeps the lower end at 0 or above when no value is negative, e.g. for contents. */
  clampAtZero?: boolean;
}

/**
 * Returns a domain that covers every finite value with 5 % padding on each side. Without finite
 * values it returns [0, 1]. A single value or equal values get a padding of 10 % of the value
 * (at least 1), so a scale never has an empty domain and never maps a value to NaN.
 */
export function paddedDomain(
  values: Iterable<number>,
  options: PaddedDomainOptions = {},
): [number, number] {
  let min = options.includeZero ? 0 : Infinity;
  let max = options.includeZero ? 0 : -Infinity;
  for (const value of values) {
    if (Number.isFinite(value)) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }

  if (min > max) {
    return [0, 1];
  }

  const span = max - min;
  const padding = span > 0 ? span * PADDING_FRACTION : Math.max(Math.abs(min) * 0.1, 1);
  const lower = options.clampAtZero && min >= 0 ? Math.max(0, min - padding) : min - padding;

  return [lower, max + padding];
}

/** Appends a bottom axis at `y` whose ticks inherit the SVG's font. */
export function drawBottomAxis(
  parent: ParentSelection,
  scale: LinearScale,
  y: number,
  className: string,
  ticks: number,
): void {
  // d3-axis sets its own font on each axis; removing it lets the axes inherit the SVG's font.
  parent
    .append("g")
    .attr("class", className)
    .attr("transform", `translate(0,${y})`)
    .call(axisBottom(scale).ticks(ticks))
    .attr("font-size", null)
    .attr("font-family", null);
}

/** Appends a left axis at `x` whose ticks inherit the SVG's font. */
export function drawLeftAxis(
  parent: ParentSelection,
  scale: LinearScale,
  x: number,
  className: string,
  ticks: number,
): void {
  parent
    .append("g")
    .attr("class", className)
    .attr("transform", `translate(${x},0)`)
    .call(axisLeft(scale).ticks(ticks))
    .attr("font-size", null)
    .attr("font-family", null);
}

/** Appends a text label centred on (x, y), rotated by -90° when `vertical` is set. */
export function drawLabel(
  parent: ParentSelection,
  text: string,
  x: number,
  y: number,
  className: string,
  vertical = false,
): void {
  const label = parent
    .append("text")
    .attr("class", className)
    .attr("text-anchor", "middle")
    .attr("fill", "currentColor")
    .text(text);
  if (vertical) {
    label.attr("transform", `translate(${x},${y}) rotate(-90)`);
  } else {
    label.attr("x", x).attr("y", y);
  }
}

/** Appends a centred grey message, used where a chart has no data to draw. */
export function drawEmptyMessage(
  parent: ParentSelection,
  text: string,
  x: number,
  y: number,
  className: string,
): void {
  parent
    .append("text")
    .attr("class", className)
    .attr("x", x)
    .attr("y", y)
    .attr("text-anchor", "middle")
    .attr("fill", NEUTRAL_COLOR)
    .text(text);
}

/** Returns the estimated width in px of `text` in 12 px type (see {@link CHARACTER_WIDTH}). */
export function estimateTextWidth(text: string): number {
  return text.length * CHARACTER_WIDTH;
}

/**
 * Appends an axis that the caller has configured (ticks, format) at (x, y), with ticks that
 * inherit the SVG's font, and returns its group.
 */
export function drawAxis(
  parent: ParentSelection,
  axis: Axis<NumberValue>,
  x: number,
  y: number,
  className: string,
): GroupSelection {
  return parent
    .append("g")
    .attr("class", className)
    .attr("transform", `translate(${x},${y})`)
    .call(axis)
    .attr("font-size", null)
    .attr("font-family", null);
}

/** Options of {@link drawColorBar}. */
export interface ColorBarOptions {
  /** Colour of a value. */
  color: (value: number) => string;
  /**
   * Position of a value along the bar, in px from the bar's left end. A linear or log scale whose
   * domain is the legend's range of values.
   */
  scale: ScaleContinuousNumeric<number, number>;
  tickValues: readonly number[];
  tickFormat: (value: number) => string;
  /** Text above the bar, e.g. "Validation MAPE (%)". */
  title: string;
  /** Left end of the bar in px. */
  x: number;
  /** Top of the bar in px; the title sits above it and the ticks below. */
  y: number;
  className: string;
}

/** Height of a colour bar in px. */
export const COLOR_BAR_HEIGHT = 10;
/** Swatches that make up a colour bar; enough that neighbours differ by less than one step. */
const COLOR_BAR_STEPS = 64;

/**
 * Appends a horizontal colour bar with a title and tick labels, as the legend of a colour scale.
 * The bar is drawn as narrow swatches rather than a gradient, so that it needs no element id
 * and renders the same in every viewer.
 */
export function drawColorBar(parent: ParentSelection, options: ColorBarOptions): void {
  const { color, scale, tickValues, tickFormat, title, x, y, className } = options;
  const [start = 0, end = 0] = scale.range();
  const stepWidth = (end - start) / COLOR_BAR_STEPS;
  const legend = parent
    .append("g")
    .attr("class", className)
    .attr("transform", `translate(${x},${y})`);

  legend
    .append("text")
    .attr("class", `${className}-title`)
    .attr("x", start)
    .attr("y", -6)
    .attr("fill", "currentColor")
    .text(title);
  legend
    .append("g")
    .attr("class", `${className}-swatches`)
    .selectAll("rect")
    .data(Array.from({ length: COLOR_BAR_STEPS }, (_, step) => start + (step + 0.5) * stepWidth))
    .join("rect")
    .attr("x", (position) => position - stepWidth / 2)
    // Swatches overlap by a fraction of a pixel, so no background shows between them.
    .attr("width", stepWidth + 0.5)
    .attr("height", COLOR_BAR_HEIGHT)
    .attr("fill", (position) => color(scale.invert(position)));
  drawAxis(
    legend,
    axisBottom(scale)
      .tickValues([...tickValues])
      .tickFormat((value) => tickFormat(Number(value)))
      .tickSizeOuter(0),
    0,
    COLOR_BAR_HEIGHT,
    `${className}-axis`,
  );
}
