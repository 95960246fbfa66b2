import { estimateTextWidth } from "./chartSvg";

/** Height of one row of legend entries in px. */
export const LEGEND_ROW_HEIGHT = 18;

/** Position of a legend entry, relative to the legend's top left corner. */
export interface LegendPlacement {
  x: number;
  y: number;
}

/**
 * Places legend entries left to right, starting a new row where the next entry would pass
 * `maxWidth`. Each entry takes `swatchWidth` plus its estimated text width plus `gap` px.
 * Returns the placements and the number of rows (at least 1).
 */
export function legendRows(
  labels: readonly string[],
  maxWidth: number,
  swatchWidth: number,
  gap = 20,
): { placements: LegendPlacement[]; rows: number } {
  const placements: LegendPlacement[] = [];
  let x = 0;
  let row = 0;
  for (const label of labels) {
    const width = swatchWidth + estimateTextWidth(label);
    if (x > 0 && x + width > maxWidth) {
      x = 0;
      row++;
    }

    placements.push({ x, y: row * LEGEND_ROW_HEIGHT });
    x += width + gap;
  }

  return { placements, rows: row + 1 };
}
