// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import {
  formatHiddenUnits,
  type GridPointData,
  hiddenUnitConfigurations,
  renderGridSearchMap,
} from "../renderGridSearchMap";
import { assertSvgSnapshot } from "./assertSvgSnapshot";
import { GRID } from "./selectionFixtures";

const FULL = { points: GRID.points, best: GRID.best, metricLabel: "MAPE" };
const EMPTY = { points: [] };
const SINGLE: GridPointData = {
  hiddenUnits: [20, 6],
  learningRate: 10 ** -3.33,
  weightDecay: 0.01,
  error: { mean: 12.5, sd: null },
};
const ONE_POINT = { points: [SINGLE], best: SINGLE };
const EQUAL = {
  points: [1e-3, 1e-2].flatMap((learningRate) =>
    [1e-3, 1e-1].map((weightDecay) => ({
      hiddenUnits: [8],
      learningRate,
      weightDecay,
      error: { mean: 20, sd: 1 },
    })),
  ),
};
const MISSING = {
  points: [
    { hiddenUnits: [8, 4], learningRate: 1e-3, weightDecay: 1e-2, error: { mean: 15, sd: 2 } },
    { hiddenUnits: [8, 4], learningRate: 1e-2, weightDecay: 1e-2, error: { mean: null, sd: null } },
    { hiddenUnits: [8, 4], learningRate: 1e-3, weightDecay: -1, error: { mean: 14, sd: 1 } },
    {
      hiddenUnits: [8, 4],
      learningRate: Number.NaN,
      weightDecay: 1e-2,
      error: { mean: Number.NaN, sd: null },
    },
  ],
};

function texts(svg: SVGSVGElement | Element, selector: string): string[] {
  return [...svg.querySelectorAll(selector)].map((element) => element.textContent);
}

function box(cell: Element | null | undefined) {
  const rect = cell?.querySelector("rect");
  const read = (name: string) => Number(rect?.getAttribute(name));

  return { x: read("x"), y: read("y"), width: read("width"), height: read("height") };
}

describe("renderGridSearchMap", () => {
  it("draws a panel per hidden layer pair", () => {
    const svg = renderGridSearchMap(FULL);

    expect(texts(svg, ".grid-panel-title")).toEqual(["Hidden layers 8, 4", "Hidden layers 16, 4"]);
    expect(svg.querySelectorAll(".grid-panel")[0]?.querySelectorAll(".grid-cell")).toHaveLength(9);
  });

  it("draws only the requested panels", () => {
    const svg = renderGridSearchMap({ ...FULL, panels: [[16, 4]] });

    expect(texts(svg, ".grid-panel-title")).toEqual(["Hidden layers 16, 4"]);
    expect(svg.querySelector(".grid-best")).toBeNull();
  });

  it("places cells on log axes", () => {
    const svg = renderGridSearchMap(FULL);
    const panel = svg.querySelector(".grid-panel");
    const cellAt = (learningRate: number, weightDecay: number) =>
      panel?.querySelector(
        `.grid-cell[data-learning-rate="${learningRate}"][data-weight-decay="${weightDecay}"]`,
      );
    const low = box(cellAt(0.0001, 0.001));
    const middle = box(cellAt(0.001, 0.001));
    const high = box(cellAt(0.01, 0.1));

    expect(middle.x).toBeGreaterThan(low.x);
    // Values one decade apart get cells of equal width.
    expect(middle.width).toBeCloseTo(low.width, 6);
    expect(high.y).toBeLessThan(low.y);
    expect(texts(panel!, ".grid-axis-x .tick text")).toEqual(["10⁻⁴", "10⁻³", "10⁻²"]);
    expect(texts(panel!, ".grid-axis-y .tick text")).toEqual(["10⁻³", "10⁻²", "0.1"]);
  });

  it("outlines the best point", () => {
    const svg = renderGridSearchMap(FULL);
    const best = svg.querySelectorAll(".grid-best");

    expect(best).toHaveLength(1);
    expect(best[0]?.getAttribute("data-learning-rate")).toBe("0.01");
    expect(best[0]?.getAttribute("data-weight-decay")).toBe("0.01");
    expect(svg.querySelectorAll(".grid-best-outline")).toHaveLength(1);
    expect(texts(svg, ".grid-best-key text")).toEqual(["Lowest mean error"]);
  });

  it("states the error in cell and tooltip", () => {
    const svg = renderGridSearchMap(FULL);
    const best = svg.querySelector(".grid-best");

    expect(best?.querySelector("text")?.textContent).toBe("11.9");
    expect(best?.querySelector("title")?.textContent).toBe(
      "Hidden layers 8, 4, learning rate 10⁻², weight decay 10⁻²: " +
        "validation MAPE 11.9 ± 5.8 % (mean ± sd), the lowest mean",
    );
  });

  it("shares the colour scale between panels", () => {
    const all = renderGridSearchMap(FULL);
    const one = renderGridSearchMap({ ...FULL, panels: [[16, 4]] });
    const fills = (svg: SVGSVGElement) =>
      [...svg.querySelectorAll('.grid-panel[data-hidden-units="16,4"] .grid-cell rect')].map(
        (rect) => rect.getAttribute("fill"),
      );

    expect(fills(one)).toEqual(fills(all));
    expect(texts(all, ".grid-legend-title")).toEqual(["Validation MAPE (%)"]);
  });

  it("switches to a log colour scale for wide ranges", () => {
    const wide = GRID.points.map((point, index) => ({
      ...point,
      error: { mean: index === 0 ? 2000 : (point.error.mean ?? 0), sd: null },
    }));
    const svg = renderGridSearchMap({ points: wide, metricLabel: "MAPE" });

    expect(texts(svg, ".grid-legend-title")).toEqual(["Validation MAPE (%), log scale"]);
    expect(texts(svg, ".grid-legend-axis .tick text")).toContain("100");
  });

  it("names the chart", () => {
    const svg = renderGridSearchMap(FULL);

    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe(
      "Grid search heat maps, 2 hidden layer configurations: Validation MAPE (%) by learning " +
        "rate and weight decay on log axes; lowest mean 11.9 % with hidden layers 8, 4, " +
        "learning rate 10⁻² and weight decay 10⁻²",
    );
  });

  it("renders empty data without NaN", () => {
    const svg = renderGridSearchMap(EMPTY);

    expect(svg.querySelectorAll(".grid-cell")).toHaveLength(0);
    expect(texts(svg, ".grid-empty")).toEqual(["No grid points to plot"]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders one point without NaN", () => {
    const svg = renderGridSearchMap(ONE_POINT);

    expect(svg.querySelectorAll(".grid-cell")).toHaveLength(1);
    expect(texts(svg, ".grid-axis-x .tick text")).toEqual(["4.68 × 10⁻⁴"]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders equal errors without NaN", () => {
    const svg = renderGridSearchMap(EQUAL);
    const fills = new Set(
      [...svg.querySelectorAll(".grid-cell rect")].map((rect) => rect.getAttribute("fill")),
    );

    expect(fills.size).toBe(1);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("greys out missing errors and counts unplaceable points", () => {
    const svg = renderGridSearchMap(MISSING);
    const missing = svg.querySelector('.grid-cell[data-learning-rate="0.01"]');

    expect(svg.querySelectorAll(".grid-cell")).toHaveLength(2);
    expect(missing?.querySelector("rect")?.getAttribute("fill")).toBe("#bdbdbd");
    expect(missing?.querySelector("title")?.textContent).toMatch(/no validation error$/);
    expect(texts(svg, ".grid-excluded")).toEqual([
      "2 combinations are not shown, because a negative or non-finite learning rate or weight " +
        "decay has no place on the axes",
    ]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("rejects invalid layouts", () => {
    expect(() => renderGridSearchMap({ ...FULL, columns: 0 })).toThrow(/columns must be/);
    expect(() => renderGridSearchMap({ ...FULL, panelWidth: 50 })).toThrow(/panelWidth must be/);
    expect(() => renderGridSearchMap({ ...FULL, panelHeight: Number.NaN })).toThrow(RangeError);
  });
});

describe("renderGridSearchMap with a weight decay of 0", () => {
  const points = [0, 1e-3, 1e-2].flatMap((weightDecay) =>
    [1e-3, 1e-2].map((learningRate) => ({
      hiddenUnits: [16, 4],
      learningRate,
      weightDecay,
      error: { mean: 10 + weightDecay * 100 + learningRate * 100, sd: 1 },
    })),
  );

  it("gives 0 a cell below the log scale", () => {
    const svg = renderGridSearchMap({ points });
    const rowOf = (weightDecay: number) =>
      box(svg.querySelector(`.grid-cell[data-weight-decay="${weightDecay}"]`));
    const zero = rowOf(0);
    const lowest = rowOf(0.001);

    expect(svg.querySelectorAll(".grid-cell")).toHaveLength(6);
    expect(zero.y).toBeGreaterThan(lowest.y + lowest.height);
    expect(zero.height).toBeCloseTo(lowest.height, 6);
    expect(texts(svg, ".grid-axis-y .tick text")).toEqual(["0", "10⁻³", "10⁻²"]);
    expect(svg.querySelector(".grid-excluded")).toBeNull();
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("draws an axis of 0 alone", () => {
    const svg = renderGridSearchMap({
      points: [{ hiddenUnits: [4], learningRate: 0, weightDecay: 0, error: { mean: 5, sd: 1 } }],
    });

    expect(texts(svg, ".grid-axis-x .tick text")).toEqual(["0"]);
    expect(box(svg.querySelector(".grid-cell")).width).toBeGreaterThan(0);
    expect(svg.outerHTML).not.toContain("NaN");
  });
});

describe("hiddenUnitConfigurations", () => {
  it("lists each configuration once, in order", () => {
    expect(hiddenUnitConfigurations(GRID.points)).toEqual([
      [8, 4],
      [16, 4],
    ]);
  });
});

describe("formatHiddenUnits", () => {
  it("names one or several layers", () => {
    expect(formatHiddenUnits([16])).toBe("Hidden layer 16");
    expect(formatHiddenUnits([20, 6])).toBe("Hidden layers 20, 6");
  });
});

describe("renderGridSearchMap snapshots", () => {
  it.each([
    ["grid-search-map", FULL],
    ["grid-search-map-empty", EMPTY],
    ["grid-search-map-one-point", ONE_POINT],
    ["grid-search-map-equal-values", EQUAL],
    ["grid-search-map-missing-values", MISSING],
    [
      "grid-search-map-zero-weight-decay",
      {
        points: GRID.points.map((point) => ({
          ...point,
          weightDecay: point.weightDecay === 0.001 ? 0 : point.weightDecay,
        })),
        best: GRID.best,
      },
    ],
  ])("matches output/%s.svg", (name, options) => {
    assertSvgSnapshot(name, renderGridSearchMap(options).outerHTML);
  });
});
