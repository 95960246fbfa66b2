// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { type FeatureEffectCurve, renderFeatureEffects } from "../renderFeatureEffects";
import { FEATURE_EFFECTS } from "./analysisFixtures";
import { assertSvgSnapshot } from "./assertSvgSnapshot";

const ONE_POINT: FeatureEffectCurve[] = [
  { feature: "Al2O3_mol_pct", grid: [12.5], mean: [150.2], sd: [4.1] },
];
/** A feature whose 20th and 80th percentiles coincide, with a flat prediction. */
const EQUAL: FeatureEffectCurve[] = [
  { feature: "P2O5_mol_pct", grid: [0.1, 0.1, 0.1], mean: [150, 150, 150], sd: [0, 0, 0] },
];
/** A NaN grid value, a NaN mean, null and NaN sds and arrays of unequal length. */
const MISSING: FeatureEffectCurve[] = [
  {
    feature: "CaO_mol_pct",
    grid: [2, 6, Number.NaN, 14, 18, 22],
    mean: [160, Number.NaN, 158, 157, 156],
    sd: [20, null, 21, Number.NaN],
  },
  { feature: "MgO_mol_pct", grid: [2, 4], mean: [Number.NaN, Number.NaN], sd: [null, null] },
];
const SINGLE_MEMBER: FeatureEffectCurve[] = [
  { feature: "Al2O3_mol_pct", grid: [10, 12, 14], mean: [140, 150, 160], sd: [null, null, null] },
];

function texts(parent: Element, selector: string): string[] {
  return [...parent.querySelectorAll(selector)].map((element) => element.textContent);
}

function panels(svg: SVGSVGElement): Element[] {
  return [...svg.querySelectorAll(".feature-effects-panel")];
}

describe("renderFeatureEffects", () => {
  it("draws one panel per feature with its grid points", () => {
    const svg = renderFeatureEffects({ effects: FEATURE_EFFECTS });

    expect(texts(svg, ".feature-effects-title")).toEqual([
      "Al2O3",
      "CaO",
      "Fe2O3",
      "MgO",
      "TiO2",
      "P2O5",
    ]);
    expect(svg.querySelectorAll(".effect-point")).toHaveLength(30);
    expect(svg.querySelectorAll('.effect-point[data-feature="CaO_mol_pct"]')).toHaveLength(5);
  });

  it("lays the panels out in rows of three", () => {
    const svg = renderFeatureEffects({ effects: FEATURE_EFFECTS });
    const transforms = panels(svg).map((panel) => panel.getAttribute("transform"));

    // A 44 px header (y label and legend rows of 18 px, 8 px padding), panels 220 × 190 px.
    expect(svg.getAttribute("width")).toBe(String(3 * 220));
    expect(svg.getAttribute("height")).toBe(String(44 + 2 * 190));
    expect(transforms[0]).toBe("translate(0,44)");
    expect(transforms[2]).toBe("translate(440,44)");
    expect(transforms[3]).toBe("translate(0,234)");
  });

  it("wraps the legend when one panel is too narrow for it", () => {
    const svg = renderFeatureEffects({ effects: ONE_POINT });
    const entries = [...svg.querySelectorAll(".feature-effects-legend > g")];

    // The y label and two legend rows of 18 px, and 8 px padding, above one 190 px panel.
    expect(svg.getAttribute("height")).toBe(String(3 * 18 + 8 + 190));
    expect(entries[0]?.getAttribute("transform")).toBe("translate(0,18)");
    expect(panels(svg)[0]?.getAttribute("transform")).toBe("translate(0,62)");
    // Wide enough for the y label, 32 characters of about 7 px, with 4 px on each side.
    expect(svg.getAttribute("width")).toBe(String(8 + 32 * 7));
  });

  it("shares the y axis unless told otherwise", () => {
    const yTicks = (panel: Element) => texts(panel, ".feature-effects-axis-y .tick text");
    const shared = panels(renderFeatureEffects({ effects: FEATURE_EFFECTS }));
    const separate = panels(renderFeatureEffects({ effects: FEATURE_EFFECTS, sharedY: false }));

    expect(yTicks(shared[1]!)).toEqual(yTicks(shared[0]!));
    expect(yTicks(separate[1]!)).not.toEqual(yTicks(separate[0]!));
  });

  it("labels the axes with units", () => {
    const svg = renderFeatureEffects({ effects: FEATURE_EFFECTS });
    const labels = texts(svg, ".feature-effects-axis-label");

    expect(labels[0]).toBe("Predicted total REE (ppm, molar)");
    expect(labels).toContain("Al2O3 (mol %)");
    expect(labels).toContain("P2O5 (mol %)");
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toContain("Al2O3, CaO, Fe2O3, MgO, TiO2, P2O5");
  });

  it("draws a mean line and a ±1 sd band per panel", () => {
    const svg = renderFeatureEffects({ effects: FEATURE_EFFECTS });

    expect(svg.querySelectorAll(".feature-effects-line")).toHaveLength(6);
    expect(svg.querySelectorAll(".feature-effects-band")).toHaveLength(6);
    expect(svg.querySelector(".feature-effects-band")?.getAttribute("d")).toMatch(/^M.+Z$/);
    expect(texts(svg, ".feature-effects-legend text")).toEqual([
      "Mean of the ensemble members",
      "±1 sd between members",
    ]);
  });

  it("gives each grid point a tooltip", () => {
    const svg = renderFeatureEffects({ effects: ONE_POINT });

    expect(svg.querySelector(".effect-point title")?.textContent).toBe(
      "Al2O3 = 12.50 mol %: predicted 150.2 ppm (molar) (sd 4.1)",
    );
  });

  it("says when no sd is available", () => {
    const svg = renderFeatureEffects({ effects: SINGLE_MEMBER });

    expect(texts(svg, ".feature-effects-legend text")).toContain(
      "No sd: it needs 2 or more members",
    );
    expect(svg.querySelector(".feature-effects-band")?.getAttribute("d")).toBe("");
    expect(svg.querySelector(".effect-point title")?.textContent).toContain("sd undefined");
  });

  it("renders empty data without NaN", () => {
    const svg = renderFeatureEffects({ effects: [] });

    expect(panels(svg)).toHaveLength(0);
    expect(texts(svg, ".feature-effects-empty")).toEqual(["No feature effects to plot"]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders one point without NaN", () => {
    const svg = renderFeatureEffects({ effects: ONE_POINT });

    expect(svg.querySelectorAll(".effect-point")).toHaveLength(1);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders equal values without NaN", () => {
    const svg = renderFeatureEffects({ effects: EQUAL });

    expect(svg.querySelectorAll(".effect-point")).toHaveLength(3);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("leaves out missing values, without NaN", () => {
    const svg = renderFeatureEffects({ effects: MISSING });
    const [cao, mgo] = panels(svg);

    // CaO keeps the grid points 2, 14 and 18; MgO has no finite mean.
    expect(cao!.querySelectorAll(".effect-point")).toHaveLength(3);
    expect(texts(mgo!, ".feature-effects-empty")).toEqual(["No values"]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("rejects invalid layouts", () => {
    expect(() => renderFeatureEffects({ effects: ONE_POINT, columns: 0 })).toThrow(
      "columns must be a whole number of at least 1, got 0",
    );
    expect(() => renderFeatureEffects({ effects: ONE_POINT, panelWidth: 50 })).toThrow(
      /panelWidth must be/,
    );
    expect(() => renderFeatureEffects({ effects: ONE_POINT, panelHeight: Number.NaN })).toThrow(
      RangeError,
    );
  });
});

describe("renderFeatureEffects snapshots", () => {
  it.each([
    ["feature-effects", FEATURE_EFFECTS],
    ["feature-effects-empty", []],
    ["feature-effects-one-point", ONE_POINT],
    ["feature-effects-equal-values", EQUAL],
    ["feature-effects-missing-values", MISSING],
  ])("matches output/%s.svg", (name, effects) => {
    assertSvgSnapshot(name, renderFeatureEffects({ effects }).outerHTML);
  });
});
