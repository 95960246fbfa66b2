// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { renderEliminationCurve, type SummaryValue } from "../renderEliminationCurve";
import { assertSvgSnapshot } from "./assertSvgSnapshot";
import { ELIMINATION } from "./selectionFixtures";

const FULL = {
  counts: ELIMINATION.counts,
  normalizedError: ELIMINATION.normalizedError,
  error: ELIMINATION.error,
  metricLabel: "MAPE",
  repetitions: 20,
};
const EMPTY = { counts: [], normalizedError: [] };
const ONE_POINT = { counts: [1], normalizedError: [{ mean: 1, sd: null }] };
const EQUAL = {
  counts: [3, 2, 1],
  normalizedError: [
    { mean: 1, sd: 0 },
    { mean: 1, sd: 0 },
    { mean: 1, sd: 0 },
  ],
};
const MISSING: { counts: number[]; normalizedError: SummaryValue[] } = {
  counts: [4, 3, 2, 1],
  normalizedError: [
    { mean: 1, sd: 0 },
    { mean: null, sd: null },
    { mean: Number.NaN, sd: 0.2 },
    { mean: 0.8, sd: Number.POSITIVE_INFINITY },
  ],
};

function texts(svg: SVGSVGElement, selector: string): string[] {
  return [...svg.querySelectorAll(selector)].map((element) => element.textContent);
}

describe("renderEliminationCurve", () => {
  it("draws one point per count", () => {
    const svg = renderEliminationCurve(FULL);
    const counts = [...svg.querySelectorAll(".elimination-point")].map((point) =>
      Number(point.getAttribute("data-count")),
    );

    expect(counts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("orders the x axis by features kept", () => {
    const svg = renderEliminationCurve(FULL);
    const x = (count: number) =>
      Number(svg.querySelector(`.elimination-point[data-count="${count}"]`)?.getAttribute("cx"));

    expect(x(1)).toBeLessThan(x(10));
    expect(texts(svg, ".elimination-axis-x .tick text")).toEqual([
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
  });

  it("highlights the lowest mean", () => {
    const svg = renderEliminationCurve(FULL);
    const lowest = svg.querySelectorAll(".elimination-lowest");

    expect(lowest).toHaveLength(1);
    expect(lowest[0]?.getAttribute("data-count")).toBe("6");
  });

  it("gives ratio and error in tooltips", () => {
    const svg = renderEliminationCurve(FULL);
    const title = svg.querySelector('.elimination-point[data-count="6"] title');

    expect(title?.textContent).toBe(
      "6 features kept: error ratio 0.32 ± 0.43; MAPE 11.7 ± 13.5 %, mean ± sd (lowest mean)",
    );
  });

  it("cuts the band at zero", () => {
    const svg = renderEliminationCurve(FULL);
    const zero = Number(
      [...svg.querySelectorAll(".elimination-axis-y .tick")]
        .find((tick) => tick.textContent === "0.0")
        ?.getAttribute("transform")
        ?.match(/,([\d.]+)\)/)?.[1],
    );
    const bandYs = (svg.querySelector(".elimination-band")?.getAttribute("d") ?? "")
      .split(/[MLZ]/)
      .filter((pair) => pair !== "")
      .map((pair) => Number(pair.split(",")[1]));

    expect(Number.isFinite(zero)).toBe(true);
    expect(Math.max(...bandYs)).toBeLessThanOrEqual(zero + 1e-9);
  });

  it("labels axes and legend", () => {
    const svg = renderEliminationCurve(FULL);

    expect(texts(svg, ".elimination-axis-label")).toEqual([
      "Features kept",
      "Validation error ÷ error with all features",
    ]);
    expect(texts(svg, ".elimination-legend text")).toEqual([
      "Mean over 20 repetitions",
      "±1 sd",
      "All features (1)",
      "Lowest mean",
    ]);
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe(
      "Feature elimination: validation error relative to the error with all features, " +
        "against the number of features kept from 10 down to 1; the lowest mean is 0.32 with 6 features",
    );
  });

  it("renders empty data without NaN", () => {
    const svg = renderEliminationCurve(EMPTY);

    expect(svg.querySelectorAll(".elimination-point")).toHaveLength(0);
    expect(texts(svg, ".elimination-empty")).toEqual(["No elimination steps to plot"]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders one point without NaN or highlight", () => {
    const svg = renderEliminationCurve(ONE_POINT);

    expect(svg.querySelectorAll(".elimination-point")).toHaveLength(1);
    expect(svg.querySelector(".elimination-lowest")).toBeNull();
    expect(texts(svg, ".elimination-legend text")).not.toContain("±1 sd");
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders equal values without NaN", () => {
    const svg = renderEliminationCurve(EQUAL);

    expect(svg.querySelectorAll(".elimination-point")).toHaveLength(3);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("leaves out missing means", () => {
    const svg = renderEliminationCurve(MISSING);
    const counts = [...svg.querySelectorAll(".elimination-point")].map((point) =>
      point.getAttribute("data-count"),
    );

    expect(counts).toEqual(["1", "4"]);
    expect(svg.outerHTML).not.toContain("NaN");
    expect(svg.outerHTML).not.toContain("Infinity");
  });

  it("rejects sizes without room for the plot", () => {
    expect(() => renderEliminationCurve({ ...FULL, width: 100 })).toThrow(/width must be/);
    expect(() => renderEliminationCurve({ ...FULL, height: Number.NaN })).toThrow(RangeError);
  });
});

describe("renderEliminationCurve snapshots", () => {
  it.each([
    ["elimination-curve", FULL],
    ["elimination-curve-empty", EMPTY],
    ["elimination-curve-one-point", ONE_POINT],
    ["elimination-curve-equal-values", EQUAL],
    ["elimination-curve-missing-values", MISSING],
  ])("matches output/%s.svg", (name, options) => {
    assertSvgSnapshot(name, renderEliminationCurve(options).outerHTML);
  });
});
