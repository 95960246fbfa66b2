// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { type ConfusionCounts, renderConfusionMatrix } from "../renderConfusionMatrix";
import { SCREENING } from "./analysisFixtures";
import { assertSvgSnapshot } from "./assertSvgSnapshot";

const NORMAL = { confusion: SCREENING.confusion, threshold: SCREENING.threshold };
const EMPTY = {
  confusion: { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 },
  threshold: 145.2,
};
const ONE_POINT = { confusion: { ...EMPTY.confusion, truePositives: 1 }, threshold: 145.2 };
const EQUAL = {
  confusion: { truePositives: 5, falsePositives: 5, trueNegatives: 5, falseNegatives: 5 },
  threshold: 145.2,
};
/** A NaN count, a negative count, a fraction and a NaN threshold. */
const MISSING = {
  confusion: {
    truePositives: Number.NaN,
    falsePositives: -1,
    trueNegatives: 1.5,
    falseNegatives: 2,
  },
  threshold: Number.NaN,
};

function cell(svg: SVGSVGElement, key: keyof ConfusionCounts): Element {
  return svg.querySelector(`.confusion-cell[data-cell="${key}"]`)!;
}

function texts(svg: SVGSVGElement, selector: string): string[] {
  return [...svg.querySelectorAll(selector)].map((element) => element.textContent);
}

describe("renderConfusionMatrix", () => {
  it("puts measured in rows and predicted in columns", () => {
    const svg = renderConfusionMatrix(NORMAL);

    // Cells 130 × 107 px from (84, 72), the high class first in rows and columns.
    expect(cell(svg, "truePositives").getAttribute("transform")).toBe("translate(84,72)");
    expect(cell(svg, "falseNegatives").getAttribute("transform")).toBe("translate(214,72)");
    expect(cell(svg, "falsePositives").getAttribute("transform")).toBe("translate(84,179)");
    expect(cell(svg, "trueNegatives").getAttribute("transform")).toBe("translate(214,179)");
  });

  it("shows each count with its term", () => {
    const svg = renderConfusionMatrix(NORMAL);

    expect(texts(svg, ".confusion-count")).toEqual(["9", "0", "3", "8"]);
    expect(texts(svg, ".confusion-term")).toEqual([
      "true positive",
      "false negative",
      "false positive",
      "true negative",
    ]);
    expect(texts(svg, ".confusion-total")).toEqual(["n = 20 test predictions"]);
  });

  it("states the threshold in the title", () => {
    const svg = renderConfusionMatrix(NORMAL);

    expect(texts(svg, ".confusion-title")).toEqual(["High: total REE ≥ 145.2 ppm (molar)"]);
    expect(texts(svg, ".confusion-axis-label")).toEqual(["Predicted", "Measured"]);
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe(
      "Confusion matrix of the high/low screening at 145.2 ppm (molar): 9 true positives, " +
        "0 false negatives, 3 false positives, 8 true negatives",
    );
  });

  it("shades cells by count", () => {
    const svg = renderConfusionMatrix(NORMAL);
    const opacity = (key: keyof ConfusionCounts) =>
      Number(cell(svg, key).querySelector("rect")?.getAttribute("fill-opacity"));

    expect(opacity("truePositives")).toBeCloseTo(0.85, 6);
    expect(opacity("falseNegatives")).toBe(0);
    expect(opacity("trueNegatives")).toBeGreaterThan(opacity("falsePositives"));
  });

  it("colours each count for contrast", () => {
    const textFill = (svg: SVGSVGElement, key: keyof ConfusionCounts) =>
      cell(svg, key).querySelector("text")?.getAttribute("fill");
    const primary = renderConfusionMatrix(NORMAL);
    const navy = renderConfusionMatrix({ ...NORMAL, color: "#053061" });

    // #0072b2 at 0.85 over white is a mid blue: black reaches 5.3:1 on it, white only 4.0:1.
    expect(textFill(primary, "truePositives")).toBe("#000");
    expect(textFill(primary, "falseNegatives")).toBe("#000");
    expect(textFill(navy, "truePositives")).toBe("#fff");
  });

  it("explains each cell in its tooltip", () => {
    const svg = renderConfusionMatrix(NORMAL);

    expect(cell(svg, "falsePositives").querySelector(":scope > title")?.textContent).toBe(
      "Measured low, predicted high: 3 of 20 test predictions (15 %), false positives: " +
        "low ashes flagged as high",
    );
  });

  it("renders empty data without NaN", () => {
    const svg = renderConfusionMatrix(EMPTY);

    expect(texts(svg, ".confusion-count")).toEqual(["0", "0", "0", "0"]);
    expect(texts(svg, ".confusion-total")).toEqual(["n = 0 test predictions"]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders one prediction without NaN", () => {
    const svg = renderConfusionMatrix(ONE_POINT);

    expect(texts(svg, ".confusion-count")).toEqual(["1", "0", "0", "0"]);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("shades equal counts alike, without NaN", () => {
    const svg = renderConfusionMatrix(EQUAL);
    const opacities = new Set(
      [...svg.querySelectorAll(".confusion-cell rect")].map((rect) =>
        rect.getAttribute("fill-opacity"),
      ),
    );

    expect(opacities.size).toBe(1);
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("shows invalid counts and threshold as missing", () => {
    const svg = renderConfusionMatrix(MISSING);

    expect(texts(svg, ".confusion-count")).toEqual(["—", "2", "—", "—"]);
    expect(texts(svg, ".confusion-title")).toEqual(["High: total REE ≥ an undefined threshold"]);
    expect(cell(svg, "truePositives").querySelector(":scope > title")?.textContent).toBe(
      "Measured high, predicted high: count missing or invalid (true positives)",
    );
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("rejects sizes without room for the cells", () => {
    expect(() => renderConfusionMatrix({ ...NORMAL, width: 100 })).toThrow(/width must be/);
    expect(() => renderConfusionMatrix({ ...NORMAL, height: Number.NaN })).toThrow(RangeError);
  });
});

describe("renderConfusionMatrix snapshots", () => {
  it.each([
    ["confusion-matrix", NORMAL],
    ["confusion-matrix-empty", EMPTY],
    ["confusion-matrix-one-point", ONE_POINT],
    ["confusion-matrix-equal-values", EQUAL],
    ["confusion-matrix-missing-values", MISSING],
  ])("matches output/%s.svg", (name, options) => {
    assertSvgSnapshot(name, renderConfusionMatrix(options).outerHTML);
  });
});
