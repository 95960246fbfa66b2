/**
 * The Okabe–Ito palette without its yellow and black, in an order where neighbours differ most. Its
 * colours stay distinct for the common colour-vision deficiencies and readable on white.
 */
export const SERIES_COLORS = [
  "#0072b2",
  "#d55e00",
  "#009e73",
  "#cc79a7",
  "#56b4e9",
  "#e69f00",
] as const;

/** Returns the colour of the series at `index`, repeating the palette beyond its length. */
export function seriesColor(index: number): string {
  return SERIES_COLORS[
    ((index % SERIES_COLORS.length) + SERIES_COLORS.length) % SERIES_COLORS.length
  ]!;
}
