// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { renderShapImportance } from "../renderShapImportance";
import { FEATURES, SHAP } from "./analysisFixtures";
import { assertSvgSnapshot } from "./assertSvgSnapshot";

const EQUAL = { features: FEATURES.slice(0, 3), importance: [1, 1, 1] };
const ONE_FEATURE = { features: ["Al2O3_mol_pct"], importance: [1] };
/** A NaN, a negative value and a missing entry (the array is one short). */
const MISSING = { features: FEATURES, importance: [0.4, Number.NaN, 1, -0.2, 0.7] };

function texts(svg: SVGSVGElement, selector: string): string[] {
  return [...svg.querySelectorAll(selector)].map((element) => element.textContent);
}

function barWidth(svg: SVGSVGElement, feature: string): number {
  return Number(
    svg.querySelector(`.shap-importance-bar[data-feature="${feature}"]`)?.getAttribute("width"),
  );
}

describe("renderShapImportance", () => {
  it("sorts the bars from most to least important", () => {
    const svg = renderShapImportance({ features: SHAP.features, importance: SHAP.importance });

    expect(texts(svg, ".shap-importance-feature")).toEqual([
      "Al2O3",
      "CaO",
      "Fe2O3",
      "TiO2",
      "MgO",
      "P2O5",
    ]);
    expect(texts(svg, ".shap-importance-value")).toEqual([
      "1.00",
      "0.58",
      "0.46",
      "0.26",
      "0.25",
      "0.13",
    ]);
  });

  it("scales bar lengths with the importance", () => {
    const svg = renderShapImportance({ features: SHAP.features, importance: SHAP.importance });
    const full = barWidth(svg, "Al2O3_mol_pct");

    expect(full).toBeGreaterThan(0);
    expect(barWidth(svg, "CaO_mol_pct") / full).toBeCloseTo(0.576, 6);
    expect(barWidth(svg, "P2O5_mol_pct") / full).toBeCloseTo(0.13, 6);
  });

  it("grows in height with the number of features", () => {
    const six = renderShapImportance({ features: SHAP.features, importance: SHAP.importance });
    const three = renderShapImportance({ ...EQUAL, rowHeight: 30 });

    // Margins: 12 px on top, 48 px below.
    expect(six.getAttribute("height")).toBe(String(12 + 6 * 26 + 48));
    expect(three.getAttribute("height")).toBe(String(12 + 3 * 30 + 48));
  });

  it("labels the axis and describes the chart", () => {
    const svg = renderShapImportance({ features: SHAP.features, importance: SHAP.importance });

    expect(texts(svg, ".shap-importance-axis-label")).toEqual([
      "Importance: mean |SHAP value| relative to the largest",
    ]);
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe(
      "SHAP importance of 6 features, sorted; the most important is Al2O3 (1.00)",
    );
  });

  it("gives each bar a tooltip", () => {
    const svg = renderShapImportance(ONE_FEATURE);

    expect(svg.querySelector(".shap-importance-bar title")?.textContent).toBe(
      "Al2O3: importance 1.00 (mean |SHAP value| relative to the most important feature)",
    );
  });

  it("applies a custom colour, label function and name", () => {
    const svg = renderShapImportance({
      ...ONE_FEATURE,
      color: "black",
      featureLabel: (feature) => feature.toUpperCase(),
      ariaLabel: "Importance",
    });

    expect(svg.querySelector(".shap-importance-bar")?.getAttribute("fill")).toBe("black");
    expect(texts(svg, ".shap-importance-feature")).toEqual(["AL2O3_MOL_PCT"]);
    expect(svg.getAttribute("aria-label")).toBe("Importance");
  });

  it("renders empty data without NaN", () => {
    const svg = renderShapImportance({ features: [], importance: [] });

    expect(svg.querySelectorAll(".shap-importance-bar")).toHaveLength(0);
    expect(texts(svg, ".shap-importance-empty")).toEqual(["No features to plot"]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders one feature without NaN", () => {
    const svg = renderShapImportance(ONE_FEATURE);

    expect(svg.querySelectorAll(".shap-importance-bar")).toHaveLength(1);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders equal values in feature order, without NaN", () => {
    const svg = renderShapImportance(EQUAL);

    expect(texts(svg, ".shap-importance-feature")).toEqual(["Al2O3", "CaO", "Fe2O3"]);
    expect(barWidth(svg, "CaO_mol_pct")).toBe(barWidth(svg, "Al2O3_mol_pct"));
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders all-zero importance without NaN", () => {
    const svg = renderShapImportance({ features: EQUAL.features, importance: [0, 0, 0] });

    expect(barWidth(svg, "Al2O3_mol_pct")).toBe(0);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("lists missing values last, without bars", () => {
    const svg = renderShapImportance(MISSING);

    expect(texts(svg, ".shap-importance-feature")).toEqual([
      "Fe2O3",
      "TiO2",
      "Al2O3",
      "CaO",
      "MgO",
      "P2O5",
    ]);
    expect(svg.querySelectorAll(".shap-importance-bar")).toHaveLength(3);
    expect(svg.querySelectorAll(".shap-importance-missing")).toHaveLength(3);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("rejects sizes without room for the bars", () => {
    expect(() => renderShapImportance({ ...ONE_FEATURE, width: 100 })).toThrow(
      /width must be a finite number of at least \d+ px, got 100/,
    );
    expect(() => renderShapImportance({ ...ONE_FEATURE, rowHeight: Number.NaN })).toThrow(
      RangeError,
    );
  });
});

describe("renderShapImportance snapshots", () => {
  it.each([
    ["shap-importance", { features: SHAP.features, importance: SHAP.importance }],
    ["shap-importance-empty", { features: [], importance: [] }],
    ["shap-importance-one-feature", ONE_FEATURE],
    ["shap-importance-equal-values", EQUAL],
    ["shap-importance-missing-values", MISSING],
  ])("matches output/%s.svg", (name, options) => {
    assertSvgSnapshot(name, renderShapImportance(options).outerHTML);
  });
});
