// @vitest-environment jsdom
import type { TargetMetrics } from "@ree/schema/documents";
import { describe, expect, it } from "vitest";

import { MetricsTable } from "../MetricsTable";
import { cellTexts, renderMarkup } from "./renderMarkup";

const METRICS: TargetMetrics[] = [
  {
    target: "REE_total_ppm_mol",
    split: "TRAIN",
    r2: { mean: 0.91234, sd: 0.0123 },
    mape: { mean: 12.345, sd: 1.26 },
    maeOverMean: { mean: 9.87, sd: 0.54 },
    rmse: { mean: 21.04, sd: 2.11 },
  },
  {
    target: "REE_total_ppm_mol",
    split: "TEST",
    r2: { mean: null, sd: null },
    mape: { mean: 15.5, sd: null },
    maeOverMean: { mean: 11.25, sd: 3.05 },
    rmse: { mean: 27.5, sd: 6.25 },
  },
];

describe("MetricsTable", () => {
  it("shows mean ± sd per target and split", () => {
    const table = renderMarkup(<MetricsTable metrics={METRICS} unit="ppm (molar)" />);
    const row = table.querySelectorAll("tbody tr")[0]!;

    expect(cellTexts(row)).toEqual([
      "REE total",
      "Training",
      "0.912 ± 0.012",
      "12.3 ± 1.3",
      "9.9 ± 0.5",
      "21.0 ± 2.1",
    ]);
  });

  it("gives RMSE the target unit", () => {
    const table = renderMarkup(<MetricsTable metrics={METRICS} unit="ppm (molar)" />);
    const headers = cellTexts(table.querySelector("thead tr")!);

    expect(headers).toEqual([
      "Target",
      "Split",
      "R²",
      "MAPE (%)",
      "MAE / mean (%)",
      "RMSEppm (molar)",
    ]);
  });

  it("shows a missing mean as a dash with the reason", () => {
    const table = renderMarkup(<MetricsTable metrics={METRICS} unit="ppm (molar)" />);
    const r2Cell = table.querySelectorAll("tbody tr")[1]!.querySelectorAll("td")[1]!;
    const missing = r2Cell.querySelector(".missing");

    expect(missing?.firstChild?.textContent).toBe("—");
    expect(missing?.getAttribute("title")).toBe(
      "Missing: no repetition could compute this metric.",
    );
    expect(r2Cell.textContent).not.toContain("±");
  });

  it("shows a missing sd as a dash with the reason", () => {
    const table = renderMarkup(<MetricsTable metrics={METRICS} unit="ppm (molar)" />);
    const mapeCell = table.querySelectorAll("tbody tr")[1]!.querySelectorAll("td")[2]!;

    expect(mapeCell.textContent).toMatch(/^15\.5 ± —/);
    expect(mapeCell.querySelector(".missing")?.getAttribute("title")).toBe(
      "Missing: the sd needs the metric from at least 2 repetitions.",
    );
  });
});
