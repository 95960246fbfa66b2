// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { renderKeptProbabilityMap } from "../renderKeptProbabilityMap";
import { assertSvgSnapshot } from "./assertSvgSnapshot";
import { ELIMINATION } from "./selectionFixtures";

const FULL = {
  features: ELIMINATION.features,
  counts: ELIMINATION.counts,
  keptProbability: ELIMINATION.keptProbability,
  repetitions: 20,
};
const EMPTY = { features: [], counts: [], keptProbability: [] };
const ONE_POINT = { features: ["Al2O3_mol_pct"], counts: [1], keptProbability: [[1]] };
const EQUAL = {
  features: ["Al2O3_mol_pct", "CaO_mol_pct", "MgO_mol_pct"],
  counts: [3, 2],
  keptProbability: [
    [1, 1, 1],
    [1, 1, 1],
  ],
};
const MISSING = {
  features: ["Al2O3_mol_pct", "CaO_mol_pct", "MgO_mol_pct"],
  counts: [3, 2, 1],
  keptProbability: [[1, 1, 1], [0.5, Number.NaN, 0.5], [0.25]],
};

function texts(svg: SVGSVGElement, selector: string): string[] {
  return [...svg.querySelectorAll(selector)].map((element) => element.textContent);
}

function cell(svg: SVGSVGElement, feature: string, count: number): Element | null {
  return svg.querySelector(`.kept-cell[data-feature="${feature}"][data-count="${count}"]`);
}

describe("renderKeptProbabilityMap", () => {
  it("draws one cell per feature and step", () => {
    const svg = renderKeptProbabilityMap(FULL);

    expect(svg.querySelectorAll(".kept-cell")).toHaveLength(100);
  });

  it("puts the longest survivors on top", () => {
    const svg = renderKeptProbabilityMap(FULL);
    const rows = texts(svg, ".kept-rows text");

    expect(rows[0]).toBe("Al2O3");
    expect(rows[1]).toBe("CaO");
    expect(rows.at(-1)).toBe("MgO");
  });

  it("orders the columns by features kept", () => {
    const svg = renderKeptProbabilityMap(FULL);

    expect(texts(svg, ".kept-axis .tick text")).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
    ]);
    expect(texts(svg, ".kept-axis-label")).toEqual([
      "Features kept (elimination runs from right to left)",
    ]);
  });

  it("states the share in cell and tooltip", () => {
    const svg = renderKeptProbabilityMap(FULL);
    const al2o3 = cell(svg, "Al2O3_mol_pct", 1);

    expect(al2o3?.querySelector("text")?.textContent).toBe("45");
    expect(al2o3?.querySelector("title")?.textContent).toBe(
      "Al2O3 with 1 feature kept: kept in 45 % of 20 repetitions (9)",
    );
  });

  it("colours by share on a fixed scale", () => {
    const svg = renderKeptProbabilityMap(FULL);
    const fill = (feature: string, count: number) =>
      cell(svg, feature, count)?.querySelector("rect")?.getAttribute("fill");

    expect(fill("SiO2_mol_pct", 10)).toBe(fill("MnO_mol_pct", 10));
    expect(fill("SiO2_mol_pct", 1)).not.toBe(fill("SiO2_mol_pct", 10));
    expect(texts(svg, ".kept-legend-axis .tick text")).toEqual([
      "0 %",
      "25 %",
      "50 %",
      "75 %",
      "100 %",
    ]);
  });

  it("names the chart", () => {
    const svg = renderKeptProbabilityMap(FULL);

    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe(
      "Heat map of the share of repetitions that keep each of 10 features at each of 10 " +
        "elimination steps; Al2O3 survives longest",
    );
  });

  it("renders empty data without NaN", () => {
    const svg = renderKeptProbabilityMap(EMPTY);

    expect(svg.querySelectorAll(".kept-cell")).toHaveLength(0);
    expect(texts(svg, ".kept-probability-empty")).toEqual(["No elimination steps to plot"]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders one cell without NaN", () => {
    const svg = renderKeptProbabilityMap(ONE_POINT);

    expect(svg.querySelectorAll(".kept-cell")).toHaveLength(1);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("keeps the order of equal survivors", () => {
    const svg = renderKeptProbabilityMap(EQUAL);

    expect(texts(svg, ".kept-rows text")).toEqual(["Al2O3", "CaO", "MgO"]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("greys out missing shares", () => {
    const svg = renderKeptProbabilityMap(MISSING);
    const missing = cell(svg, "CaO_mol_pct", 2);

    expect(missing?.querySelector("rect")?.getAttribute("fill")).toBe("#bdbdbd");
    expect(missing?.querySelector("title")?.textContent).toBe("CaO with 2 features kept: no value");
    expect(cell(svg, "MgO_mol_pct", 1)?.querySelector("text")?.textContent).toBe("—");
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("rejects cells that are too small", () => {
    expect(() => renderKeptProbabilityMap({ ...FULL, cellWidth: 4 })).toThrow(/cellWidth must be/);
    expect(() => renderKeptProbabilityMap({ ...FULL, cellHeight: Number.NaN })).toThrow(RangeError);
  });
});

describe("renderKeptProbabilityMap snapshots", () => {
  it.each([
    ["kept-probability-map", FULL],
    ["kept-probability-map-empty", EMPTY],
    ["kept-probability-map-one-point", ONE_POINT],
    ["kept-probability-map-equal-values", EQUAL],
    ["kept-probability-map-missing-values", MISSING],
  ])("matches output/%s.svg", (name, options) => {
    assertSvgSnapshot(name, renderKeptProbabilityMap(options).outerHTML);
  });
});
