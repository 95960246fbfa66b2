// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import {
  type NoiseLevelData,
  noiseHistogramScales,
  renderNoiseHistogram,
} from "../renderNoiseHistogram";
import { NOISE } from "./analysisFixtures";
import { assertSvgSnapshot } from "./assertSvgSnapshot";

const TWO_PERCENT: NoiseLevelData = NOISE[0]!;
const FOUR_PERCENT: NoiseLevelData = NOISE[1]!;
const EMPTY: NoiseLevelData = { noisePercent: 2, mean: Number.NaN, sd: Number.NaN, changes: [] };
const ONE_POINT: NoiseLevelData = { noisePercent: 2, mean: 1.5, sd: 0, changes: [1.5] };
const EQUAL: NoiseLevelData = { noisePercent: 4, mean: 0, sd: 0, changes: [0, 0, 0, 0] };
const MISSING: NoiseLevelData = {
  noisePercent: 2,
  mean: 0.5,
  sd: 2,
  changes: [1, Number.NaN, -2, Number.POSITIVE_INFINITY, 3],
};

function texts(svg: SVGSVGElement, selector: string): string[] {
  return [...svg.querySelectorAll(selector)].map((element) => element.textContent);
}

function binCounts(svg: SVGSVGElement): number[] {
  return texts(svg, ".noise-bin title").map((title) => Number(/: (\d+) change/.exec(title)?.[1]));
}

function binEdges(svg: SVGSVGElement): string[] {
  return texts(svg, ".noise-bin title").map((title) => title.split(" ppm")[0] ?? "");
}

describe("renderNoiseHistogram", () => {
  it("bins every change once", () => {
    const svg = renderNoiseHistogram({ level: TWO_PERCENT });
    const counts = binCounts(svg);

    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(30);
    expect(Math.max(...counts)).toBeGreaterThan(1);
  });

  it("states n, mean and sd in the legend", () => {
    const svg = renderNoiseHistogram({ level: TWO_PERCENT });

    expect(texts(svg, ".noise-legend text")).toEqual([
      "Changes (n = 30)",
      "Normal fit: mean +0.49, sd 2.93",
    ]);
  });

  it("overlays the fitted normal curve", () => {
    const svg = renderNoiseHistogram({ level: TWO_PERCENT });
    const fit = svg.querySelector("path.noise-fit");

    expect(fit?.getAttribute("d")).toMatch(/^M[\d.,L-]+$/);
    expect(fit?.querySelector("title")?.textContent).toBe(
      "Fitted normal distribution: mean +0.49, sd 2.93 ppm (molar)",
    );
  });

  it("labels the axes and titles the noise level", () => {
    const svg = renderNoiseHistogram({ level: FOUR_PERCENT });

    expect(texts(svg, ".noise-axis-label")).toEqual([
      "Change of predicted total REE (ppm, molar)",
      "Changes per bin",
    ]);
    expect(texts(svg, ".noise-histogram-title")).toEqual(["Input noise: sd 4 % of each value"]);
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe(
      "Histogram of 30 changes of the predicted total REE under input noise of 4 %, " +
        "normal fit with mean +0.98, sd 5.86 ppm (molar)",
    );
  });

  it("draws a zero line inside the domain", () => {
    const svg = renderNoiseHistogram({ level: TWO_PERCENT });

    expect(svg.querySelectorAll("line.noise-zero")).toHaveLength(1);
  });

  it("gives charts with common scales the same bins", () => {
    const scales = noiseHistogramScales(NOISE);
    const two = renderNoiseHistogram({ level: TWO_PERCENT, ...scales });
    const four = renderNoiseHistogram({ level: FOUR_PERCENT, ...scales });
    const yTicks = (svg: SVGSVGElement) => texts(svg, ".noise-axis-y .tick text");

    expect(binEdges(two)).toEqual(binEdges(four));
    expect(yTicks(two)).toEqual(yTicks(four));
    expect(Math.max(...binCounts(two))).toBeLessThanOrEqual(scales.yMax);
    // The 4 % changes are the 2 % changes doubled, so they reach twice as far.
    expect(scales.xDomain[0]).toBeLessThanOrEqual(Math.min(...FOUR_PERCENT.changes));
    expect(scales.xDomain[1]).toBeGreaterThanOrEqual(Math.max(...FOUR_PERCENT.changes));
  });

  it("applies a custom title and colours", () => {
    const svg = renderNoiseHistogram({
      level: TWO_PERCENT,
      title: "Multi-task network, 2 %",
      barColor: "grey",
      curveColor: "black",
    });

    expect(texts(svg, ".noise-histogram-title")).toEqual(["Multi-task network, 2 %"]);
    expect(svg.querySelector(".noise-bins")?.getAttribute("fill")).toBe("grey");
    expect(svg.querySelector(".noise-fit")?.getAttribute("stroke")).toBe("black");
  });

  it("renders empty data without NaN", () => {
    const svg = renderNoiseHistogram({ level: EMPTY });

    expect(binCounts(svg).every((count) => count === 0)).toBe(true);
    expect(svg.querySelector(".noise-fit")).toBeNull();
    expect(texts(svg, ".noise-histogram-empty")).toEqual(["No changes to plot"]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders one change without NaN", () => {
    const svg = renderNoiseHistogram({ level: ONE_POINT });

    expect(binCounts(svg).filter((count) => count > 0)).toEqual([1]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders equal changes without a fit or NaN", () => {
    const svg = renderNoiseHistogram({ level: EQUAL });

    expect(binCounts(svg).filter((count) => count > 0)).toEqual([4]);
    expect(svg.querySelector(".noise-fit")).toBeNull();
    expect(texts(svg, ".noise-legend text")).toContain("No normal fit: the sd is 0 or undefined");
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("leaves out non-finite changes", () => {
    const svg = renderNoiseHistogram({ level: MISSING });

    expect(texts(svg, ".noise-legend text")[0]).toBe("Changes (n = 3)");
    expect(svg.outerHTML).not.toContain("NaN");
    expect(svg.outerHTML).not.toContain("Infinity");
  });

  it("finds common scales for empty levels", () => {
    const scales = noiseHistogramScales([EMPTY, EQUAL]);

    expect(scales.xDomain.every(Number.isFinite)).toBe(true);
    expect(scales.xDomain[0]).toBeLessThan(scales.xDomain[1]);
    expect(scales.yMax).toBe(4);
  });

  it("rejects sizes without room for the plot", () => {
    expect(() => renderNoiseHistogram({ level: TWO_PERCENT, width: 90 })).toThrow(/width must be/);
    expect(() => renderNoiseHistogram({ level: TWO_PERCENT, height: Number.NaN })).toThrow(
      RangeError,
    );
  });
});

describe("renderNoiseHistogram snapshots", () => {
  it.each([
    ["noise-histogram", TWO_PERCENT],
    ["noise-histogram-empty", EMPTY],
    ["noise-histogram-one-point", ONE_POINT],
    ["noise-histogram-equal-values", EQUAL],
    ["noise-histogram-missing-values", MISSING],
  ])("matches output/%s.svg", (name, level) => {
    assertSvgSnapshot(name, renderNoiseHistogram({ level }).outerHTML);
  });
});
