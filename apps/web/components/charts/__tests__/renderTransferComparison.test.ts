// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { renderTransferComparison, type TransferApproachScores } from "../renderTransferComparison";
import { assertSvgSnapshot } from "./assertSvgSnapshot";

/** Three draws of 6 test samples each, shaped like the study ensemble on the Polish fly ashes. */
const APPROACHES: TransferApproachScores[] = [
  {
    label: "As is",
    r2: { mean: -1.2, sd: 0.5 },
    mape: { mean: 38.5, sd: 4.1 },
    drawR2: [-0.7, -1.2, -1.7],
    drawMape: [34.4, 38.5, 42.6],
    confusion: { truePositives: 9, falsePositives: 9, trueNegatives: 0, falseNegatives: 0 },
  },
  {
    label: "From scratch",
    r2: { mean: -0.4, sd: 0.9 },
    mape: { mean: 22.1, sd: 6.3 },
    drawR2: [0.5, -0.4, -1.3],
    drawMape: [15.8, 22.1, 28.4],
    confusion: { truePositives: 5, falsePositives: 4, trueNegatives: 5, falseNegatives: 4 },
  },
  {
    label: "Fine-tuned",
    r2: { mean: 0.71, sd: 0.12 },
    mape: { mean: 11.3, sd: 2.2 },
    drawR2: [0.83, 0.71, 0.59],
    drawMape: [9.1, 11.3, 13.5],
    confusion: { truePositives: 8, falsePositives: 2, trueNegatives: 7, falseNegatives: 1 },
  },
];
const NORMAL = { approaches: APPROACHES, threshold: 159.4 };
const EMPTY = { approaches: [], threshold: 159.4 };
const ONE_DRAW = {
  approaches: APPROACHES.map((scores) => ({
    ...scores,
    r2: { mean: scores.drawR2[0] ?? null, sd: null },
    mape: { mean: scores.drawMape[0] ?? null, sd: null },
    drawR2: scores.drawR2.slice(0, 1),
    drawMape: scores.drawMape.slice(0, 1),
  })),
  threshold: 159.4,
};
/** R2 undefined in every draw of one approach, a NaN count and a NaN threshold. */
const MISSING = {
  approaches: [
    {
      ...APPROACHES[0]!,
      r2: { mean: null, sd: null },
      drawR2: [null, null, null],
      confusion: { ...APPROACHES[0]!.confusion, truePositives: Number.NaN },
    },
    APPROACHES[2]!,
  ],
  threshold: Number.NaN,
};

function texts(svg: SVGSVGElement, selector: string): string[] {
  return [...svg.querySelectorAll(selector)].map((element) => element.textContent);
}

describe("renderTransferComparison", () => {
  it("draws one bar per approach and metric", () => {
    const svg = renderTransferComparison(NORMAL);
    const bars = [...svg.querySelectorAll(".transfer-bar")];

    expect(bars.map((bar) => bar.getAttribute("data-metric"))).toEqual([
      "r2",
      "r2",
      "r2",
      "mape",
      "mape",
      "mape",
    ]);
    expect(texts(svg, ".transfer-title")).toEqual(["Test R²", "Test MAPE (%)"]);
  });

  it("writes mean ± sd under each bar", () => {
    const svg = renderTransferComparison(NORMAL);

    expect(texts(svg, ".transfer-value")).toEqual([
      "-1.20 ± 0.50",
      "-0.40 ± 0.90",
      "0.71 ± 0.12",
      "38.5 ± 4.1",
      "22.1 ± 6.3",
      "11.3 ± 2.2",
    ]);
  });

  it("draws a dot per draw and an sd whisker per bar", () => {
    const svg = renderTransferComparison(NORMAL);

    expect(svg.querySelectorAll(".transfer-draw")).toHaveLength(2 * 3 * 3);
    expect(svg.querySelectorAll(".transfer-sd")).toHaveLength(6);
  });

  it("grows a negative R2 bar down from zero", () => {
    const svg = renderTransferComparison(NORMAL);
    const bar = (approach: string) =>
      svg.querySelector(`.transfer-bar[data-metric="r2"][data-approach="${approach}"]`)!;
    const zero = Number(svg.querySelector(".transfer-panel-r2 .transfer-zero")?.getAttribute("y1"));

    expect(Number(bar("As is").getAttribute("y"))).toBeCloseTo(zero, 6);
    expect(Number(bar("Fine-tuned").getAttribute("y"))).toBeLessThan(zero);
  });

  it("shows the confusion matrices of all draws", () => {
    const svg = renderTransferComparison(NORMAL);
    const fineTuned = svg.querySelector('.transfer-matrix[data-approach="Fine-tuned"]')!;

    expect(svg.querySelectorAll(".transfer-matrix")).toHaveLength(3);
    expect(texts(fineTuned as SVGSVGElement, ".transfer-count")).toEqual(["8", "1", "2", "7"]);
    expect(texts(svg, ".transfer-matrices-title")[0]).toContain("total REE ≥ 159.4 ppm (molar)");
  });

  it("leaves out missing values without NaN", () => {
    const svg = renderTransferComparison(MISSING);

    expect(texts(svg, ".transfer-value")[0]).toBe("—");
    expect(svg.querySelectorAll('.transfer-bar[data-metric="r2"]')).toHaveLength(1);
    expect(texts(svg, ".transfer-count")[0]).toBe("—");
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("renders no approaches and one draw without NaN", () => {
    expect(renderTransferComparison(EMPTY).outerHTML).not.toContain("NaN");
    expect(renderTransferComparison(ONE_DRAW).querySelectorAll(".transfer-sd")).toHaveLength(0);
  });

  it("rejects sizes without room for the panels", () => {
    expect(() => renderTransferComparison({ ...NORMAL, width: 200 })).toThrow(/width must be/);
    expect(() => renderTransferComparison({ ...NORMAL, height: Number.NaN })).toThrow(RangeError);
  });
});

describe("renderTransferComparison snapshots", () => {
  it.each([
    ["transfer-comparison", NORMAL],
    ["transfer-comparison-empty", EMPTY],
    ["transfer-comparison-one-draw", ONE_DRAW],
    ["transfer-comparison-missing-values", MISSING],
  ])("matches output/%s.svg", (name, options) => {
    assertSvgSnapshot(name, renderTransferComparison(options).outerHTML);
  });
});
