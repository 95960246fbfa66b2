// @vitest-environment jsdom
import type { DataSplit, SamplePrediction } from "@ree/schema/documents";
import { describe, expect, it } from "vitest";

import { renderParityPlot } from "../renderParityPlot";
import { assertSvgSnapshot } from "./assertSvgSnapshot";

/** Total REE in ppm (molar), in the range of the study's Table 1 (80–293). */
const MEASURED = [80, 117, 131, 157, 170, 198, 246, 293];

function point(
  sampleLabel: string,
  repetition: number,
  split: DataSplit,
  measured: number,
  predicted: number,
): SamplePrediction {
  return { sampleLabel, repetition, split, measured, predicted };
}

/** Two repetitions of eight samples; the last two samples of each repetition are TEST. */
const NORMAL_POINTS: SamplePrediction[] = [1, 2].flatMap((repetition) =>
  MEASURED.map((measured, index) =>
    point(
      `S${index + 1}`,
      repetition,
      index >= 6 ? "TEST" : "TRAIN",
      measured,
      measured * (repetition === 1 ? 1.08 : 0.93) + 4 * index,
    ),
  ),
);
const ONE_POINT = [point("S1", 1, "TEST", 157, 162.4)];
const EQUAL_POINTS = [1, 2, 3].map((repetition) => point("S1", repetition, "TRAIN", 150, 150));

const WIDTH = 480;
const HEIGHT = 480;
/** Plot area of a 480 × 480 chart: margins left 68, right 16, top 36, bottom 52. */
const PLOT = { left: 68, top: 36, side: 392 };

function numberAttribute(element: Element, name: string): number {
  return Number(element.getAttribute(name));
}

function tickLabels(svg: SVGSVGElement, axisClass: string): string[] {
  return [...svg.querySelectorAll(`.${axisClass} .tick text`)].map((text) => text.textContent);
}

describe("renderParityPlot", () => {
  it("draws one circle per point, by split", () => {
    const svg = renderParityPlot({ points: NORMAL_POINTS, width: WIDTH, height: HEIGHT });

    expect(svg.querySelectorAll("circle.parity-point")).toHaveLength(16);
    expect(svg.querySelectorAll('circle.parity-point[data-split="TRAIN"]')).toHaveLength(12);
    expect(svg.querySelectorAll('circle.parity-point[data-split="TEST"]')).toHaveLength(4);
  });

  it("draws y = x across the square plot area", () => {
    const svg = renderParityPlot({ points: NORMAL_POINTS, width: WIDTH, height: HEIGHT });
    const identity = svg.querySelector("line.parity-identity");

    expect(identity).not.toBeNull();
    expect(numberAttribute(identity!, "x1")).toBeCloseTo(PLOT.left, 6);
    expect(numberAttribute(identity!, "y1")).toBeCloseTo(PLOT.top + PLOT.side, 6);
    expect(numberAttribute(identity!, "x2")).toBeCloseTo(PLOT.left + PLOT.side, 6);
    expect(numberAttribute(identity!, "y2")).toBeCloseTo(PLOT.top, 6);
  });

  it("uses the same domain on both axes", () => {
    const svg = renderParityPlot({ points: NORMAL_POINTS, width: WIDTH, height: HEIGHT });
    const xTicks = tickLabels(svg, "parity-axis-x");

    expect(xTicks.length).toBeGreaterThan(2);
    expect(tickLabels(svg, "parity-axis-y")).toEqual(xTicks);
  });

  it("keeps every point inside the plot area", () => {
    const svg = renderParityPlot({ points: NORMAL_POINTS, width: WIDTH, height: HEIGHT });

    for (const circle of svg.querySelectorAll("circle.parity-point")) {
      const cx = numberAttribute(circle, "cx");
      const cy = numberAttribute(circle, "cy");
      expect(cx).toBeGreaterThan(PLOT.left);
      expect(cx).toBeLessThan(PLOT.left + PLOT.side);
      expect(cy).toBeGreaterThan(PLOT.top);
      expect(cy).toBeLessThan(PLOT.top + PLOT.side);
    }
  });

  it("labels the axes and describes the chart", () => {
    const svg = renderParityPlot({ points: NORMAL_POINTS, width: WIDTH, height: HEIGHT });
    const labels = [...svg.querySelectorAll(".parity-axis-label")].map((text) => text.textContent);

    expect(labels).toEqual(["Measured total REE (ppm, molar)", "Predicted total REE (ppm, molar)"]);
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toContain("12 TRAIN and 4 TEST points");
  });

  it("gives each point a tooltip with label, repetition and values", () => {
    const svg = renderParityPlot({ points: ONE_POINT, width: WIDTH, height: HEIGHT });
    const title = svg.querySelector("circle.parity-point title");

    expect(title?.textContent).toBe(
      "S1, repetition 1, TEST: measured 157.0 ppm (molar), predicted 162.4 ppm (molar)",
    );
  });

  it("counts each split in the legend", () => {
    const svg = renderParityPlot({ points: NORMAL_POINTS, width: WIDTH, height: HEIGHT });
    const legend = [...svg.querySelectorAll(".parity-legend text")].map((text) => text.textContent);

    expect(legend).toEqual(["Training (n = 12)", "Test (n = 4)", "y = x"]);
  });

  it("applies custom colours and labels", () => {
    const svg = renderParityPlot({
      points: NORMAL_POINTS,
      colors: { TEST: "black" },
      xLabel: "Measured La2O3 (ppm, molar)",
      ariaLabel: "La2O3 parity",
    });
    const groups = svg.querySelectorAll("g.parity-points");

    expect(groups[0]?.getAttribute("fill")).toBe("#0072b2");
    expect(groups[1]?.getAttribute("fill")).toBe("black");
    expect(svg.querySelector(".parity-axis-label")?.textContent).toBe(
      "Measured La2O3 (ppm, molar)",
    );
    expect(svg.getAttribute("aria-label")).toBe("La2O3 parity");
  });

  it("renders empty data without NaN", () => {
    const svg = renderParityPlot({ points: [], width: WIDTH, height: HEIGHT });

    expect(svg.querySelectorAll("circle.parity-point")).toHaveLength(0);
    expect(svg.querySelector("line.parity-identity")).not.toBeNull();
    expect(svg.querySelector(".parity-empty")?.textContent).toBe("No predictions to plot");
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders one point without NaN", () => {
    const svg = renderParityPlot({ points: ONE_POINT, width: WIDTH, height: HEIGHT });

    expect(svg.querySelectorAll("circle.parity-point")).toHaveLength(1);
    expect(svg.querySelector("line.parity-identity")).not.toBeNull();
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders equal values on the line, without NaN", () => {
    const svg = renderParityPlot({ points: EQUAL_POINTS, width: WIDTH, height: HEIGHT });
    const circles = [...svg.querySelectorAll("circle.parity-point")];

    expect(circles).toHaveLength(3);
    expect(svg.outerHTML).not.toContain("NaN");
    for (const circle of circles) {
      const xFromLeft = numberAttribute(circle, "cx") - PLOT.left;
      const yFromBottom = PLOT.top + PLOT.side - numberAttribute(circle, "cy");
      expect(xFromLeft).toBeCloseTo(yFromBottom, 6);
      expect(xFromLeft).toBeGreaterThan(0);
      expect(xFromLeft).toBeLessThan(PLOT.side);
    }
  });

  it("leaves out points with a non-finite value", () => {
    const points = [...ONE_POINT, point("S2", 1, "TRAIN", Number.NaN, 120)];
    const svg = renderParityPlot({ points, width: WIDTH, height: HEIGHT });

    expect(svg.querySelectorAll("circle.parity-point")).toHaveLength(1);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("rejects a size without room for the plot", () => {
    expect(() => renderParityPlot({ points: ONE_POINT, width: 100, height: 480 })).toThrow(
      /width and height must leave a plot area.*got width 100 and height 480/,
    );
    expect(() => renderParityPlot({ points: ONE_POINT, width: Number.NaN })).toThrow(RangeError);
  });
});

describe("renderParityPlot snapshots", () => {
  it.each([
    ["parity-plot", NORMAL_POINTS],
    ["parity-plot-empty", []],
    ["parity-plot-one-point", ONE_POINT],
    ["parity-plot-equal-values", EQUAL_POINTS],
  ])("matches output/%s.svg", (name, points) => {
    const svg = renderParityPlot({ points, width: WIDTH, height: HEIGHT });

    assertSvgSnapshot(name, svg.outerHTML);
  });
});
