// @vitest-environment jsdom
import type { Prediction } from "@ree/schema/documents";
import { describe, expect, it } from "vitest";

import { PredictionTable } from "../PredictionTable";
import { cellTexts, renderMarkup } from "./renderMarkup";

const PREDICTION: Prediction = {
  label: "Ash 7",
  total: { target: "REE_total_ppm_mol", value: 171.26, sd: 12.04, p5: 152.31, p95: 190.02 },
  targets: [
    { target: "REE_total_ppm_mol", value: 171.26, sd: 12.04, p5: 152.31, p95: 190.02 },
    { target: "La2O3_ppm_mol", value: 31.04, sd: null, p5: 31.04, p95: 31.04 },
  ],
  screening: null,
  warnings: [],
};

describe("PredictionTable", () => {
  it("lists the total first and each other target once", () => {
    const table = renderMarkup(<PredictionTable prediction={PREDICTION} unit="ppm (molar)" />);
    const rows = [...table.querySelectorAll("tbody tr")].map(cellTexts);

    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(["Total REE", "171.3", "12.0", "152.3 - 190.0", "ppm (molar)"]);
    expect(rows[1]?.[0]).toBe("La2O3");
    expect(rows[1]?.[1]).toBe("31.0");
  });

  it("shows a missing sd as a dash with the reason", () => {
    const table = renderMarkup(<PredictionTable prediction={PREDICTION} unit="ppm (molar)" />);
    const missing = table.querySelectorAll("tbody tr")[1]!.querySelector(".missing");

    expect(missing?.firstChild?.textContent).toBe("—");
    expect(missing?.getAttribute("title")).toMatch(/one member/);
  });

  it("names the sample in the caption", () => {
    const table = renderMarkup(<PredictionTable prediction={PREDICTION} unit="ppm (molar)" />);

    expect(table.querySelector("caption")?.textContent).toContain("for Ash 7");
  });
});
