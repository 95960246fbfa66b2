// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { LEGEND_ROW_HEIGHT, legendRows } from "../legendRows";
import { correlationColor, renderCorrelationHeatmap } from "../renderCorrelationHeatmap";
import { renderMetricBars } from "../renderMetricBars";
import { renderParityGrid } from "../renderParityGrid";
import { assertSvgSnapshot } from "./assertSvgSnapshot";

/**
 * Pearson and Spearman correlations of five columns of the ten released US coal ashes
 * (data/song2024_doe_demo10pct_molar.csv), from @ree/core-ml's correlationMatrix, to 4 decimals.
 */
const CORRELATION_LABELS = ["SiO2", "Al2O3", "CaO", "La2O3", "REE total"];
const PEARSON = [
  1, 0.4736, -0.9631, 0.3477, 0.3672, 0.4736, 1, -0.6329, 0.9842, 0.9462, -0.9631, -0.6329, 1,
  -0.5198, -0.5296, 0.3477, 0.9842, -0.5198, 1, 0.9616, 0.3672, 0.9462, -0.5296, 0.9616, 1,
];
const SPEARMAN = [
  1, 0.2364, -0.8303, 0.2364, 0.1636, 0.2364, 1, -0.6606, 1, 0.9394, -0.8303, -0.6606, 1, -0.6606,
  -0.5758, 0.2364, 1, -0.6606, 1, 0.9394, 0.1636, 0.9394, -0.5758, 0.9394, 1,
];

const point = (measured: number, predicted: number, repetition: number) => ({
  sampleLabel: `S${repetition}`,
  repetition,
  measured,
  predicted,
});
/** Made-up test predictions of two targets by two model kinds, over two repetitions. */
const GRID_PANELS = [
  {
    title: "La2O3",
    points: [
      [point(16.4, 18.1, 1), point(30.2, 27.5, 2)],
      [point(16.4, 16.9, 1), point(30.2, 29.8, 2)],
    ],
  },
  {
    title: "REE total",
    points: [
      [point(142.1, 150.3, 1), point(246, 231.7, 2)],
      [point(142.1, 139.9, 1), point(246, 250.2, 2)],
    ],
  },
];
const SERIES = [{ label: "Linear regression" }, { label: "Multi-task network" }];

/** Made-up test R2 of three targets, in the shape a run reports it. */
const R2_GROUPS = [
  {
    label: "Linear regression",
    values: [
      { mean: 0.61, sd: 0.31 },
      { mean: 0.42, sd: 0.4 },
      { mean: -0.2, sd: 0.9 },
    ],
  },
  {
    label: "Multi-task network",
    values: [{ mean: 0.74, sd: 0.2 }, { mean: 0.66, sd: 0.22 }, null],
  },
];

function texts(svg: SVGSVGElement, selector: string): string[] {
  return [...svg.querySelectorAll(selector)].map((element) => element.textContent);
}

describe("renderCorrelationHeatmap", () => {
  it("draws one cell per pair", () => {
    const svg = renderCorrelationHeatmap({ labels: CORRELATION_LABELS, values: PEARSON });

    expect(svg.querySelectorAll(".correlation-cell")).toHaveLength(25);
    expect(texts(svg, ".correlation-row-labels text")).toEqual(CORRELATION_LABELS);
  });

  it("centres the colour scale on 0", () => {
    const channels = (value: number) => (correlationColor(value).match(/\d+/g) ?? []).map(Number);
    const [red = 0, green = 0, blue = 0] = channels(0);
    const [negativeRed = 0, , negativeBlue = 0] = channels(-0.6);
    const [positiveRed = 0, , positiveBlue = 0] = channels(0.6);

    expect(Math.min(red, green, blue)).toBeGreaterThan(230);
    expect(negativeRed).toBeGreaterThan(negativeBlue);
    expect(positiveBlue).toBeGreaterThan(positiveRed);
    expect(correlationColor(2)).toBe(correlationColor(1));
  });

  it("names both columns in each tooltip", () => {
    const svg = renderCorrelationHeatmap({
      labels: CORRELATION_LABELS,
      values: PEARSON,
      coefficient: "Pearson r",
    });
    const cell = svg.querySelector('.correlation-cell[data-row="0"][data-column="2"] title');

    expect(cell?.textContent).toBe("SiO2 and CaO: Pearson r −0.963");
  });

  it("marks undefined coefficients", () => {
    const svg = renderCorrelationHeatmap({ labels: ["A", "B"], values: [1, null, null, null] });

    expect(texts(svg, ".correlation-cell text")).toEqual(["1.00", "n/a", "n/a", "n/a"]);
  });

  it("rejects a matrix of the wrong size", () => {
    expect(() => renderCorrelationHeatmap({ labels: ["A", "B"], values: [1] })).toThrow(
      "values must have 2 × 2 = 4 entries for 2 labels, got 1",
    );
  });

  it.each([
    ["correlation-heatmap-pearson", PEARSON, "Pearson r"],
    ["correlation-heatmap-spearman", SPEARMAN, "Spearman ρ"],
  ])("matches output/%s.svg", (name, values, coefficient) => {
    const svg = renderCorrelationHeatmap({
      labels: CORRELATION_LABELS,
      values,
      coefficient,
      groupStart: 3,
    });

    assertSvgSnapshot(name, svg.outerHTML);
  });
});

describe("renderParityGrid", () => {
  it("draws every finite point in its panel", () => {
    const svg = renderParityGrid({ panels: GRID_PANELS, series: SERIES });

    expect(svg.querySelectorAll(".parity-grid-panel")).toHaveLength(2);
    expect(svg.querySelectorAll(".parity-grid-point")).toHaveLength(8);
    expect(svg.querySelectorAll('.parity-grid-point[data-series="1"]')).toHaveLength(4);
  });

  it("labels the shared axes with the unit", () => {
    const svg = renderParityGrid({ panels: GRID_PANELS, series: SERIES });

    expect(texts(svg, ".parity-grid-axis-label")).toEqual([
      "Measured content (ppm, molar)",
      "Predicted content (ppm, molar)",
    ]);
    expect(texts(svg, ".parity-grid-title")).toEqual(["La2O3", "REE total"]);
  });

  it("writes series, sample and values in each tooltip", () => {
    const svg = renderParityGrid({ panels: GRID_PANELS, series: SERIES });

    expect(svg.querySelector(".parity-grid-point title")?.textContent).toBe(
      "Linear regression, La2O3, sample S1, repetition 1: measured 16.4, predicted 18.1 ppm (molar)",
    );
  });

  it("matches output/parity-grid.svg", () => {
    assertSvgSnapshot(
      "parity-grid",
      renderParityGrid({ panels: GRID_PANELS, series: SERIES, columns: 2 }).outerHTML,
    );
  });
});

describe("renderMetricBars", () => {
  it("draws one bar per defined mean", () => {
    const svg = renderMetricBars({
      categories: ["La2O3", "Ce2O3", "Lu2O3"],
      groups: R2_GROUPS,
      yLabel: "Test R² (dimensionless)",
    });

    expect(svg.querySelectorAll(".metric-bar")).toHaveLength(5);
    expect(texts(svg, ".metric-missing text")).toEqual(["n/a"]);
    expect(texts(svg, ".metric-legend text")).toEqual(["Linear regression", "Multi-task network"]);
  });

  it("gives mean and sd in the tooltip", () => {
    const svg = renderMetricBars({
      categories: ["La2O3", "Ce2O3", "Lu2O3"],
      groups: R2_GROUPS,
      yLabel: "Test R² (dimensionless)",
    });

    expect(svg.querySelector(".metric-bar title")?.textContent).toBe(
      "Linear regression, La2O3: 0.61 ± 0.31 (sd)",
    );
  });

  it("draws a negative mean below the zero line", () => {
    const svg = renderMetricBars({
      categories: ["Lu2O3"],
      groups: [{ label: "Linear regression", values: [{ mean: -0.2, sd: 0.9 }] }],
      yLabel: "R²",
    });
    const bars = [...svg.querySelectorAll(".metric-bar rect")];
    const zero = Number(svg.querySelector(".metric-zero")?.getAttribute("y1"));

    expect(bars).toHaveLength(1);
    expect(Number(bars[0]?.getAttribute("y"))).toBeCloseTo(zero, 6);
  });

  it("matches output/metric-bars.svg", () => {
    const svg = renderMetricBars({
      categories: ["La2O3", "Ce2O3", "Lu2O3"],
      groups: R2_GROUPS,
      yLabel: "Test R² (dimensionless)",
      title: "Test R² per target",
    });

    assertSvgSnapshot("metric-bars", svg.outerHTML);
  });
});

describe("legendRows", () => {
  it("starts a new row where an entry would not fit", () => {
    // Entries of 10 + 7 px per character, 20 px apart: 10 + 70 = 80 px each.
    const { placements, rows } = legendRows(["aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"], 200, 10);

    expect(rows).toBe(2);
    expect(placements).toEqual([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 0, y: LEGEND_ROW_HEIGHT },
    ]);
  });

  it("moves the parity panels below a wrapped legend", () => {
    const series = Array.from({ length: 8 }, (_, i) => ({
      label: `Run ${i + 1}: a long run name`,
    }));
    const oneRow = renderParityGrid({ panels: GRID_PANELS, series: SERIES });
    const wrapped = renderParityGrid({ panels: GRID_PANELS, series });

    expect(Number(wrapped.getAttribute("height"))).toBeGreaterThan(
      Number(oneRow.getAttribute("height")),
    );
  });
});
