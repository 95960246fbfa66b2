// @vitest-environment jsdom
import type { ColumnStatistics } from "@ree/schema/documents";
import { describe, expect, it } from "vitest";

import { StatisticsTable } from "../StatisticsTable";
import { cellTexts, renderMarkup } from "./renderMarkup";

/** Al2O3 and total REE rows of the study's Table 1. */
const STATISTICS: ColumnStatistics[] = [
  {
    column: "Al2O3_mol_pct",
    unit: "mol %",
    count: 80,
    p0: 8.0,
    p20: 10.9,
    p50: 13.7,
    p80: 18.5,
    p100: 21.3,
    mean: 14.1234,
    sd: 3.456,
  },
  {
    column: "REE_total_ppm_mol",
    unit: "ppm (molar)",
    count: 1,
    p0: 157,
    p20: 157,
    p50: 157,
    p80: 157,
    p100: 157,
    mean: 157,
    sd: null,
  },
];

describe("StatisticsTable", () => {
  it("has the columns of Table 1", () => {
    const table = renderMarkup(<StatisticsTable statistics={STATISTICS} />);
    const header = table.querySelector("thead tr");

    expect(cellTexts(header!)).toEqual([
      "Column",
      "Unit",
      "n",
      "P0",
      "P20",
      "P50",
      "P80",
      "P100",
      "Mean",
      "sd",
    ]);
  });

  it("formats mol % with 2 decimals", () => {
    const table = renderMarkup(<StatisticsTable statistics={STATISTICS} />);
    const row = table.querySelectorAll("tbody tr")[0];

    expect(cellTexts(row!)).toEqual([
      "Al2O3",
      "mol %",
      "80",
      "8.00",
      "10.90",
      "13.70",
      "18.50",
      "21.30",
      "14.12",
      "3.46",
    ]);
  });

  it("formats ppm with 1 decimal and a missing sd as a dash", () => {
    const table = renderMarkup(<StatisticsTable statistics={STATISTICS} />);
    const row = table.querySelectorAll("tbody tr")[1]!;
    const missing = row.querySelector(".missing");

    expect(cellTexts(row).slice(0, 9)).toEqual([
      "REE total",
      "ppm (molar)",
      "1",
      "157.0",
      "157.0",
      "157.0",
      "157.0",
      "157.0",
      "157.0",
    ]);
    expect(missing?.firstChild?.textContent).toBe("—");
    expect(missing?.getAttribute("title")).toBe("The sd needs at least 2 values.");
  });

  it("says when there is nothing to summarise", () => {
    const container = renderMarkup(<StatisticsTable statistics={[]} />);

    expect(container.querySelector("table")).toBeNull();
    expect(container.textContent).toContain("no numeric columns");
  });
});
