// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import {
  describeSelection,
  type PrecisionRecallCurveOptions,
  type PrecisionRecallPoint,
  renderPrecisionRecallCurve,
} from "../renderPrecisionRecallCurve";
import { SCREENING } from "./analysisFixtures";
import { assertSvgSnapshot } from "./assertSvgSnapshot";

function point(decisionThreshold: number, precision: number | null, recall: number | null) {
  const score = (value: number | null) => ({
    value,
    reason: value === null ? "undefined for this screening" : null,
  });

  return { decisionThreshold, precision: score(precision), recall: score(recall) };
}

const NORMAL: PrecisionRecallCurveOptions = {
  curve: SCREENING.curve,
  selectedIndex: 7,
  prevalence: 0.45,
  averagePrecision: 0.947,
};
const EMPTY: PrecisionRecallCurveOptions = { curve: [], selectedIndex: null };
const ONE_POINT: PrecisionRecallCurveOptions = {
  curve: [point(150, 0.5, 1)],
  selectedIndex: 0,
  prevalence: 0.5,
};
/** Every threshold gives the same screening. */
const EQUAL: PrecisionRecallCurveOptions = {
  curve: [point(160, 1, 1), point(155, 1, 1), point(150, 1, 1)],
  selectedIndex: 1,
  prevalence: 1,
};
/** Undefined precision or recall, as when no sample is predicted or measured high. */
const MISSING: PrecisionRecallCurveOptions = {
  curve: [
    point(200, null, 0),
    point(150, 0.5, null),
    point(120, 0.6, 0.75),
    point(Number.NaN, 1, 1),
  ],
  selectedIndex: 0,
  prevalence: null,
  averagePrecision: null,
};

const PLOT = { left: 56, right: 380 - 16, top: 76, bottom: 360 - 48 };

function texts(svg: SVGSVGElement, selector: string): string[] {
  return [...svg.querySelectorAll(selector)].map((element) => element.textContent);
}

function numberAttribute(element: Element | null, name: string): number {
  return Number(element?.getAttribute(name));
}

describe("renderPrecisionRecallCurve", () => {
  it("draws one point per threshold", () => {
    const svg = renderPrecisionRecallCurve(NORMAL);
    const indices = [...svg.querySelectorAll(".pr-point")].map((circle) =>
      circle.getAttribute("data-index"),
    );

    expect(indices).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(svg.querySelector(".pr-line")?.getAttribute("d")).toMatch(/^M[\d.,HVL]+$/);
  });

  it("places points at recall and precision", () => {
    const svg = renderPrecisionRecallCurve(NORMAL);
    const first = svg.querySelector('.pr-point[data-index="0"]');
    const width = PLOT.right - PLOT.left;
    const height = PLOT.bottom - PLOT.top;

    // Threshold 265.9: precision 1, recall 0.111.
    expect(numberAttribute(first, "cx")).toBeCloseTo(PLOT.left + 0.111 * width, 6);
    expect(numberAttribute(first, "cy")).toBeCloseTo(PLOT.top, 6);
    expect(numberAttribute(svg.querySelector(".pr-baseline"), "y1")).toBeCloseTo(
      PLOT.bottom - 0.45 * height,
      6,
    );
  });

  it("highlights the selected point and states its values", () => {
    const svg = renderPrecisionRecallCurve(NORMAL);
    const selected = svg.querySelector(".pr-selected");

    expect(selected?.getAttribute("data-index")).toBe("7");
    expect(numberAttribute(selected!.querySelector("circle"), "cx")).toBeCloseTo(PLOT.right, 6);
    expect(texts(svg, ".pr-selection-label tspan")).toEqual([
      "Selected: predicted high at ≥ 156.7 ppm (molar)",
      "precision 0.75, recall 1.00",
    ]);
    expect(svg.getAttribute("aria-label")).toBe(
      "Precision-recall curve over 10 decision thresholds; selected: " +
        "Predicted high at ≥ 156.7 ppm (molar): precision 0.75, recall 1.00",
    );
  });

  it("labels the axes and the legend", () => {
    const svg = renderPrecisionRecallCurve(NORMAL);

    expect(texts(svg, ".pr-axis-label")).toEqual(["Recall", "Precision"]);
    expect(texts(svg, ".pr-legend text")).toEqual([
      "Curve (AP = 0.95)",
      "Selected",
      "Random (0.45)",
    ]);
    expect(svg.querySelector(".pr-legend-baseline > title")?.textContent).toBe(
      "Precision of flagging samples at random: the share of samples that are high",
    );
    expect(svg.getAttribute("role")).toBe("img");
  });

  it("gives each point a tooltip", () => {
    const svg = renderPrecisionRecallCurve(ONE_POINT);

    expect(svg.querySelector(".pr-point title")?.textContent).toBe(
      "Predicted high at ≥ 150.0 ppm (molar): precision 0.50, recall 1.00",
    );
  });

  it("highlights nothing for an index out of range", () => {
    const svg = renderPrecisionRecallCurve({ ...NORMAL, selectedIndex: 10 });

    expect(svg.querySelector(".pr-selected")).toBeNull();
    expect(svg.querySelector(".pr-selection-label")).toBeNull();
  });

  it("renders empty data without NaN", () => {
    const svg = renderPrecisionRecallCurve(EMPTY);

    expect(svg.querySelectorAll(".pr-point")).toHaveLength(0);
    expect(texts(svg, ".pr-empty")).toEqual(["No thresholds to plot"]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders one point without NaN", () => {
    const svg = renderPrecisionRecallCurve(ONE_POINT);

    expect(svg.querySelectorAll(".pr-point")).toHaveLength(1);
    expect(svg.querySelector(".pr-selected")).not.toBeNull();
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders equal values without NaN", () => {
    const svg = renderPrecisionRecallCurve(EQUAL);

    expect(svg.querySelectorAll(".pr-point")).toHaveLength(3);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("leaves out points with undefined scores", () => {
    const svg = renderPrecisionRecallCurve(MISSING);

    expect([...svg.querySelectorAll(".pr-point")].map((c) => c.getAttribute("data-index"))).toEqual(
      ["2"],
    );
    // The selected point has no precision, so it is named but not drawn.
    expect(svg.querySelector(".pr-selected")).toBeNull();
    expect(texts(svg, ".pr-selection-label tspan")[1]).toBe("precision —, recall 0.00");
    expect(svg.querySelector(".pr-baseline")).toBeNull();
    expect(texts(svg, ".pr-legend text")).toEqual(["Curve", "Selected"]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("says when no score is defined", () => {
    const svg = renderPrecisionRecallCurve({ curve: [point(150, null, null)], selectedIndex: 0 });

    expect(texts(svg, ".pr-empty")).toEqual(["Precision and recall are undefined"]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("rejects sizes without room for the plot", () => {
    expect(() => renderPrecisionRecallCurve({ ...NORMAL, width: 60 })).toThrow(/width must be/);
    expect(() => renderPrecisionRecallCurve({ ...NORMAL, height: Number.NaN })).toThrow(RangeError);
  });
});

describe("describeSelection", () => {
  it.each<[PrecisionRecallPoint, string]>([
    [point(156.72, 0.75, 1), "Predicted high at ≥ 156.7 ppm (molar): precision 0.75, recall 1.00"],
    [point(200, null, 0), "Predicted high at ≥ 200.0 ppm (molar): precision —, recall 0.00"],
    [point(Number.NaN, 1, 1), "Undefined decision threshold: precision 1.00, recall 1.00"],
  ])("describes %j", (selected, expected) => {
    expect(describeSelection(selected, "ppm (molar)")).toBe(expected);
  });
});

describe("renderPrecisionRecallCurve snapshots", () => {
  it.each([
    ["pr-curve", NORMAL],
    ["pr-curve-empty", EMPTY],
    ["pr-curve-one-point", ONE_POINT],
    ["pr-curve-equal-values", EQUAL],
    ["pr-curve-missing-values", MISSING],
  ])("matches output/%s.svg", (name, options) => {
    assertSvgSnapshot(name, renderPrecisionRecallCurve(options).outerHTML);
  });
});
