// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { renderShapBeeswarm, type ShapBeeswarmOptions } from "../renderShapBeeswarm";
import { FEATURES, SHAP } from "./analysisFixtures";
import { assertSvgSnapshot } from "./assertSvgSnapshot";

const NORMAL: ShapBeeswarmOptions = {
  features: SHAP.features,
  importance: SHAP.importance,
  samples: SHAP.samples,
  expectedValue: SHAP.expectedValue,
};
const EMPTY: ShapBeeswarmOptions = { features: FEATURES, importance: SHAP.importance, samples: [] };
const ONE_POINT: ShapBeeswarmOptions = {
  features: ["CaO_mol_pct"],
  importance: [1],
  samples: [{ sampleLabel: "13", values: [-11.8], featureValues: [26.88] }],
  expectedValue: 159.75,
};
/** Eight samples with the same SHAP value and feature value, so every point overlaps. */
const EQUAL: ShapBeeswarmOptions = {
  features: ["CaO_mol_pct"],
  importance: [1],
  samples: Array.from({ length: 8 }, (_, index) => ({
    sampleLabel: `S${index + 1}`,
    values: [0],
    featureValues: [5],
  })),
  expectedValue: 150,
};
/** A NaN SHAP value, a NaN feature value and arrays one entry short. */
const MISSING: ShapBeeswarmOptions = {
  features: ["Al2O3_mol_pct", "CaO_mol_pct"],
  importance: [1, Number.NaN],
  samples: [
    { sampleLabel: "S1", values: [Number.NaN, 4], featureValues: [12, 3] },
    { sampleLabel: "S2", values: [10, -6], featureValues: [Number.NaN, 8] },
    { sampleLabel: "S3", values: [-5], featureValues: [14] },
  ],
};

const ROW_HEIGHT = 40;
const PLOT_TOP = 36;

function texts(svg: SVGSVGElement, selector: string): string[] {
  return [...svg.querySelectorAll(selector)].map((element) => element.textContent);
}

function points(svg: SVGSVGElement, feature?: string): Element[] {
  const selector = feature === undefined ? ".shap-point" : `.shap-point[data-feature="${feature}"]`;

  return [...svg.querySelectorAll(selector)];
}

function numberAttribute(element: Element, name: string): number {
  return Number(element.getAttribute(name));
}

describe("renderShapBeeswarm", () => {
  it("draws one point per sample and feature", () => {
    const svg = renderShapBeeswarm(NORMAL);

    expect(points(svg)).toHaveLength(60);
    expect(points(svg, "CaO_mol_pct")).toHaveLength(10);
  });

  it("orders the rows by importance", () => {
    const svg = renderShapBeeswarm(NORMAL);

    expect(texts(svg, ".shap-beeswarm-feature")).toEqual([
      "Al2O3",
      "CaO",
      "Fe2O3",
      "TiO2",
      "MgO",
      "P2O5",
    ]);
  });

  it("keeps each point inside its feature's row", () => {
    const svg = renderShapBeeswarm(NORMAL);
    const rows = ["Al2O3", "CaO", "Fe2O3", "TiO2", "MgO", "P2O5"];

    rows.forEach((oxide, row) => {
      for (const point of points(svg, `${oxide}_mol_pct`)) {
        const cy = numberAttribute(point, "cy");
        expect(cy).toBeGreaterThanOrEqual(PLOT_TOP + row * ROW_HEIGHT);
        expect(cy).toBeLessThanOrEqual(PLOT_TOP + (row + 1) * ROW_HEIGHT);
      }
    });
  });

  it("places points by SHAP value around the zero line", () => {
    const svg = renderShapBeeswarm(NORMAL);
    const zero = numberAttribute(svg.querySelector(".shap-beeswarm-zero")!, "x1");
    const al2o3 = points(svg, "Al2O3_mol_pct");
    const sample50 = al2o3.find((point) => point.textContent.startsWith("50:"))!;
    const sample61 = al2o3.find((point) => point.textContent.startsWith("61:"))!;

    expect(numberAttribute(sample50, "cx")).toBeGreaterThan(zero);
    expect(numberAttribute(sample61, "cx")).toBeLessThan(zero);
  });

  it("stacks overlapping points in a fixed order", () => {
    const first = renderShapBeeswarm(EQUAL);
    const second = renderShapBeeswarm(EQUAL);
    const heights = points(first).map((point) => numberAttribute(point, "cy"));

    expect(new Set(heights).size).toBe(8);
    expect(first.outerHTML).toBe(second.outerHTML);
    for (const cy of heights) {
      expect(cy).toBeGreaterThanOrEqual(PLOT_TOP);
      expect(cy).toBeLessThanOrEqual(PLOT_TOP + ROW_HEIGHT);
    }
  });

  it("colours points from the feature's lowest to highest value", () => {
    const svg = renderShapBeeswarm({ ...NORMAL, colorOf: (t) => `t${t.toFixed(2)}` });
    const fill = (label: string) =>
      points(svg, "CaO_mol_pct")
        .find((point) => point.textContent.startsWith(`${label}:`))
        ?.getAttribute("fill");

    // CaO: lowest 1.41 mol % (sample 50), highest 35.57 mol % (sample 80).
    expect(fill("50")).toBe("t0.00");
    expect(fill("80")).toBe("t1.00");
    expect(fill("13")).toBe(`t${((26.88 - 1.41) / (35.57 - 1.41)).toFixed(2)}`);
  });

  it("states the expected value under the axis", () => {
    const svg = renderShapBeeswarm(NORMAL);

    expect(texts(svg, ".shap-beeswarm-axis-label")).toEqual([
      "SHAP value: change of predicted total REE (ppm, molar)",
    ]);
    expect(texts(svg, ".shap-beeswarm-note")).toEqual([
      "0 = mean prediction over all samples, 159.8 ppm (molar)",
    ]);
  });

  it("omits the note without an expected value", () => {
    const svg = renderShapBeeswarm({ ...NORMAL, expectedValue: undefined });

    expect(svg.querySelector(".shap-beeswarm-note")).toBeNull();
  });

  it("gives each point a tooltip", () => {
    const svg = renderShapBeeswarm(ONE_POINT);

    expect(svg.querySelector(".shap-point title")?.textContent).toBe(
      "13: CaO = 26.88 mol %, SHAP value -11.8 ppm (molar)",
    );
  });

  it("has a colour legend from low to high", () => {
    const svg = renderShapBeeswarm(NORMAL);

    expect(texts(svg, ".shap-beeswarm-legend > text")).toEqual([
      "Feature value:",
      "low",
      "high (per feature)",
    ]);
    expect(svg.querySelectorAll(".shap-beeswarm-gradient rect")).toHaveLength(24);
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toContain("SHAP beeswarm of 10 samples over 6 features");
  });

  it("renders empty data without NaN", () => {
    const svg = renderShapBeeswarm(EMPTY);

    expect(points(svg)).toHaveLength(0);
    expect(texts(svg, ".shap-beeswarm-empty")).toEqual(["No SHAP values to plot"]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders no features without NaN", () => {
    const svg = renderShapBeeswarm({ features: [], importance: [], samples: SHAP.samples });

    expect(points(svg)).toHaveLength(0);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders one point without NaN", () => {
    const svg = renderShapBeeswarm({ ...ONE_POINT, colorOf: (t) => `t${t}` });

    expect(points(svg)).toHaveLength(1);
    // One value has no range, so it takes the middle of the colour scale.
    expect(points(svg)[0]?.getAttribute("fill")).toBe("t0.5");
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders equal values without NaN", () => {
    const svg = renderShapBeeswarm(EQUAL);

    expect(points(svg)).toHaveLength(8);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("leaves out missing SHAP values and greys missing feature values", () => {
    const svg = renderShapBeeswarm(MISSING);
    const al2o3 = points(svg, "Al2O3_mol_pct");

    expect(al2o3).toHaveLength(2);
    expect(points(svg, "CaO_mol_pct")).toHaveLength(2);
    expect(al2o3.find((point) => point.textContent.startsWith("S2:"))?.getAttribute("fill")).toBe(
      "#9e9e9e",
    );
    expect(texts(svg, ".shap-beeswarm-legend > text")).toContain("no feature value");
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("rejects sizes without room for the rows", () => {
    expect(() => renderShapBeeswarm({ ...NORMAL, width: 120 })).toThrow(/width must be/);
    expect(() => renderShapBeeswarm({ ...NORMAL, rowHeight: 4 })).toThrow(/rowHeight must be/);
    expect(() => renderShapBeeswarm({ ...NORMAL, radius: Number.NaN })).toThrow(RangeError);
  });
});

describe("renderShapBeeswarm snapshots", () => {
  it.each([
    ["shap-beeswarm", NORMAL],
    ["shap-beeswarm-empty", EMPTY],
    ["shap-beeswarm-one-point", ONE_POINT],
    ["shap-beeswarm-equal-values", EQUAL],
    ["shap-beeswarm-missing-values", MISSING],
  ])("matches output/%s.svg", (name, options) => {
    assertSvgSnapshot(name, renderShapBeeswarm(options).outerHTML);
  });
});
