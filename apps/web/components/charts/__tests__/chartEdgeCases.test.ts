// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { renderConfusionMatrix } from "../renderConfusionMatrix";
import { renderCorrelationHeatmap } from "../renderCorrelationHeatmap";
import { renderEliminationCurve } from "../renderEliminationCurve";
import { renderFeatureEffects } from "../renderFeatureEffects";
import { renderGridSearchMap } from "../renderGridSearchMap";
import { renderKeptProbabilityMap } from "../renderKeptProbabilityMap";
import { renderMetricBars } from "../renderMetricBars";
import { renderNoiseHistogram } from "../renderNoiseHistogram";
import { renderParityGrid } from "../renderParityGrid";
import { renderParityPlot } from "../renderParityPlot";
import { renderPrecisionRecallCurve } from "../renderPrecisionRecallCurve";
import { renderShapBeeswarm } from "../renderShapBeeswarm";
import { renderShapImportance } from "../renderShapImportance";

/*
 * Every chart, new and old, drawn from the inputs that break naive charts: no data, one point,
 * all values equal, zeros where a scale is logarithmic, and missing (null or NaN) values. None
 * may write NaN or Infinity into the SVG, where browsers silently drop the element.
 */

type EdgeCase = "empty" | "one point" | "equal values" | "zeros" | "missing values";
type Render = () => SVGSVGElement;

const NaN_ = Number.NaN;
const score = (value: number | null) => ({ value, reason: value === null ? "undefined" : null });
const prPoint = (threshold: number, precision: number | null, recall: number | null) => ({
  decisionThreshold: threshold,
  precision: score(precision),
  recall: score(recall),
});
const prediction = (measured: number, predicted: number, repetition = 1) => ({
  sampleLabel: "S1",
  repetition,
  split: "TEST" as const,
  measured,
  predicted,
});
const gridPoint = (learningRate: number, weightDecay: number, mean: number | null) => ({
  hiddenUnits: [8],
  learningRate,
  weightDecay,
  error: { mean, sd: mean === null ? null : 1 },
});
const confusion = (tp: number, fp: number, tn: number, fn: number) => ({
  truePositives: tp,
  falsePositives: fp,
  trueNegatives: tn,
  falseNegatives: fn,
});

const CHARTS: Record<string, Record<EdgeCase, Render>> = {
  "parity plot": {
    empty: () => renderParityPlot({ points: [] }),
    "one point": () => renderParityPlot({ points: [prediction(150, 160)] }),
    "equal values": () =>
      renderParityPlot({ points: [1, 2, 3].map((r) => prediction(150, 150, r)) }),
    zeros: () => renderParityPlot({ points: [prediction(0, 0), prediction(0, 0, 2)] }),
    "missing values": () =>
      renderParityPlot({
        points: [prediction(NaN_, 150), prediction(140, NaN_), prediction(120, 130)],
      }),
  },
  "parity grid": {
    empty: () => renderParityGrid({ panels: [], series: [] }),
    "one point": () =>
      renderParityGrid({
        panels: [{ title: "La2O3", points: [[prediction(10, 12)]] }],
        series: [{ label: "Linear regression" }],
      }),
    "equal values": () =>
      renderParityGrid({
        panels: [{ title: "La2O3", points: [[prediction(10, 10), prediction(10, 10, 2)]] }],
        series: [{ label: "Linear regression" }],
      }),
    zeros: () =>
      renderParityGrid({
        panels: [{ title: "Lu2O3", points: [[prediction(0, 0)], []] }],
        series: [{ label: "A" }, { label: "B" }],
      }),
    "missing values": () =>
      renderParityGrid({
        panels: [
          { title: "La2O3", points: [[prediction(NaN_, 3), prediction(4, NaN_)]] },
          { title: "Ce2O3", points: [] },
        ],
        series: [{ label: "Linear regression" }],
      }),
  },
  "metric bars": {
    empty: () =>
      renderMetricBars({ categories: [], groups: [], yLabel: "Test R² (dimensionless)" }),
    "one point": () =>
      renderMetricBars({
        categories: ["La2O3"],
        groups: [{ label: "Linear", values: [{ mean: 0.8, sd: null }] }],
        yLabel: "Test R² (dimensionless)",
      }),
    "equal values": () =>
      renderMetricBars({
        categories: ["La2O3", "Ce2O3"],
        groups: [
          {
            label: "Linear",
            values: [
              { mean: 5, sd: 0 },
              { mean: 5, sd: 0 },
            ],
          },
        ],
        yLabel: "Test MAPE (%)",
      }),
    zeros: () =>
      renderMetricBars({
        categories: ["La2O3", "Ce2O3"],
        groups: [
          {
            label: "A",
            values: [
              { mean: 0, sd: 0 },
              { mean: 0, sd: 0 },
            ],
          },
          { label: "B", values: [{ mean: 0, sd: 0 }, null] },
        ],
        yLabel: "Test MAPE (%)",
      }),
    "missing values": () =>
      renderMetricBars({
        categories: ["La2O3", "Ce2O3", "Pr2O3"],
        groups: [
          {
            label: "Linear",
            values: [
              { mean: null, sd: null },
              { mean: NaN_, sd: 2 },
              { mean: -0.4, sd: NaN_ },
            ],
          },
        ],
        yLabel: "Test R² (dimensionless)",
      }),
  },
  "correlation heat map": {
    empty: () => renderCorrelationHeatmap({ labels: [], values: [] }),
    "one point": () => renderCorrelationHeatmap({ labels: ["SiO2"], values: [1] }),
    "equal values": () =>
      renderCorrelationHeatmap({ labels: ["SiO2", "CaO"], values: [1, 1, 1, 1] }),
    zeros: () => renderCorrelationHeatmap({ labels: ["SiO2", "CaO"], values: [0, 0, 0, 0] }),
    "missing values": () =>
      renderCorrelationHeatmap({ labels: ["SiO2", "CaO"], values: [null, NaN_, 0.5, null] }),
  },
  "noise histogram": {
    empty: () =>
      renderNoiseHistogram({ level: { noisePercent: 2, mean: NaN_, sd: NaN_, changes: [] } }),
    "one point": () =>
      renderNoiseHistogram({ level: { noisePercent: 2, mean: 1, sd: 0, changes: [1] } }),
    "equal values": () =>
      renderNoiseHistogram({ level: { noisePercent: 2, mean: 3, sd: 0, changes: [3, 3, 3] } }),
    zeros: () =>
      renderNoiseHistogram({ level: { noisePercent: 0, mean: 0, sd: 0, changes: [0, 0] } }),
    "missing values": () =>
      renderNoiseHistogram({
        level: { noisePercent: 2, mean: NaN_, sd: 1, changes: [1, NaN_, Number.POSITIVE_INFINITY] },
      }),
  },
  "confusion matrix": {
    empty: () => renderConfusionMatrix({ confusion: confusion(0, 0, 0, 0), threshold: 145 }),
    "one point": () => renderConfusionMatrix({ confusion: confusion(1, 0, 0, 0), threshold: 145 }),
    "equal values": () =>
      renderConfusionMatrix({ confusion: confusion(5, 5, 5, 5), threshold: 145 }),
    zeros: () => renderConfusionMatrix({ confusion: confusion(0, 0, 0, 0), threshold: 0 }),
    "missing values": () =>
      renderConfusionMatrix({ confusion: confusion(NaN_, -1, 1.5, 2), threshold: NaN_ }),
  },
  "precision-recall curve": {
    empty: () => renderPrecisionRecallCurve({ curve: [], selectedIndex: null }),
    "one point": () =>
      renderPrecisionRecallCurve({
        curve: [prPoint(150, 0.5, 1)],
        selectedIndex: 0,
        prevalence: 0.5,
      }),
    "equal values": () =>
      renderPrecisionRecallCurve({
        curve: [prPoint(160, 1, 1), prPoint(150, 1, 1)],
        selectedIndex: 1,
        prevalence: 1,
      }),
    zeros: () =>
      renderPrecisionRecallCurve({
        curve: [prPoint(0, 0, 0), prPoint(0, 0, 0)],
        selectedIndex: 0,
        prevalence: 0,
        averagePrecision: 0,
      }),
    "missing values": () =>
      renderPrecisionRecallCurve({
        curve: [prPoint(200, null, 0), prPoint(NaN_, 0.5, null)],
        selectedIndex: 0,
        prevalence: null,
        averagePrecision: null,
      }),
  },
  "SHAP beeswarm": {
    empty: () => renderShapBeeswarm({ features: ["CaO_mol_pct"], importance: [1], samples: [] }),
    "one point": () =>
      renderShapBeeswarm({
        features: ["CaO_mol_pct"],
        importance: [1],
        samples: [{ sampleLabel: "13", values: [-11.8], featureValues: [26.88] }],
      }),
    "equal values": () =>
      renderShapBeeswarm({
        features: ["CaO_mol_pct"],
        importance: [1],
        samples: [1, 2, 3].map((i) => ({ sampleLabel: `S${i}`, values: [2], featureValues: [5] })),
      }),
    zeros: () =>
      renderShapBeeswarm({
        features: ["CaO_mol_pct"],
        importance: [0],
        samples: [{ sampleLabel: "S1", values: [0], featureValues: [0] }],
        expectedValue: 0,
      }),
    "missing values": () =>
      renderShapBeeswarm({
        features: ["Al2O3_mol_pct", "CaO_mol_pct"],
        importance: [1, NaN_],
        samples: [
          { sampleLabel: "S1", values: [NaN_, 4], featureValues: [12, 3] },
          { sampleLabel: "S2", values: [-5], featureValues: [NaN_] },
        ],
      }),
  },
  "SHAP importance": {
    empty: () => renderShapImportance({ features: [], importance: [] }),
    "one point": () => renderShapImportance({ features: ["CaO_mol_pct"], importance: [1] }),
    "equal values": () =>
      renderShapImportance({ features: ["CaO_mol_pct", "SiO2_mol_pct"], importance: [1, 1] }),
    zeros: () =>
      renderShapImportance({ features: ["CaO_mol_pct", "SiO2_mol_pct"], importance: [0, 0] }),
    "missing values": () =>
      renderShapImportance({ features: ["CaO_mol_pct", "SiO2_mol_pct"], importance: [NaN_] }),
  },
  "feature effects": {
    empty: () => renderFeatureEffects({ effects: [] }),
    "one point": () =>
      renderFeatureEffects({
        effects: [{ feature: "CaO_mol_pct", grid: [12.5], mean: [150], sd: [4] }],
      }),
    "equal values": () =>
      renderFeatureEffects({
        effects: [{ feature: "P2O5_mol_pct", grid: [0.1, 0.1], mean: [150, 150], sd: [0, 0] }],
      }),
    zeros: () =>
      renderFeatureEffects({
        effects: [{ feature: "P2O5_mol_pct", grid: [0, 0], mean: [0, 0], sd: [0, 0] }],
      }),
    "missing values": () =>
      renderFeatureEffects({
        effects: [{ feature: "CaO_mol_pct", grid: [2, NaN_, 6], mean: [NaN_, 150], sd: [null] }],
      }),
  },
  "elimination curve": {
    empty: () => renderEliminationCurve({ counts: [], normalizedError: [] }),
    "one point": () =>
      renderEliminationCurve({ counts: [1], normalizedError: [{ mean: 1, sd: null }] }),
    "equal values": () =>
      renderEliminationCurve({
        counts: [2, 1],
        normalizedError: [
          { mean: 1, sd: 0 },
          { mean: 1, sd: 0 },
        ],
      }),
    zeros: () =>
      renderEliminationCurve({
        counts: [2, 1],
        normalizedError: [
          { mean: 0, sd: 0 },
          { mean: 0, sd: 0 },
        ],
      }),
    "missing values": () =>
      renderEliminationCurve({
        counts: [3, 2, 1],
        normalizedError: [
          { mean: null, sd: null },
          { mean: NaN_, sd: 0.2 },
        ],
      }),
  },
  "kept-probability map": {
    empty: () => renderKeptProbabilityMap({ features: [], counts: [], keptProbability: [] }),
    "one point": () =>
      renderKeptProbabilityMap({ features: ["CaO_mol_pct"], counts: [1], keptProbability: [[1]] }),
    "equal values": () =>
      renderKeptProbabilityMap({
        features: ["CaO_mol_pct", "SiO2_mol_pct"],
        counts: [2, 1],
        keptProbability: [
          [0.5, 0.5],
          [0.5, 0.5],
        ],
      }),
    zeros: () =>
      renderKeptProbabilityMap({
        features: ["CaO_mol_pct", "SiO2_mol_pct"],
        counts: [2, 1],
        keptProbability: [
          [0, 0],
          [0, 0],
        ],
      }),
    "missing values": () =>
      renderKeptProbabilityMap({
        features: ["CaO_mol_pct", "SiO2_mol_pct"],
        counts: [2, 1],
        keptProbability: [[NaN_], [0.5, NaN_]],
      }),
  },
  // Learning rate and weight decay are on log axes: a weight decay of 0 must not become -Infinity.
  "grid search map": {
    empty: () => renderGridSearchMap({ points: [] }),
    "one point": () => renderGridSearchMap({ points: [gridPoint(1e-3, 1e-2, 12)] }),
    "equal values": () =>
      renderGridSearchMap({
        points: [gridPoint(1e-3, 1e-3, 20), gridPoint(1e-2, 1e-1, 20), gridPoint(1e-3, 1e-1, 20)],
      }),
    zeros: () =>
      renderGridSearchMap({
        points: [gridPoint(1e-3, 0, 0), gridPoint(1e-2, 0, 0), gridPoint(1e-3, 1e-2, 0)],
      }),
    "missing values": () =>
      renderGridSearchMap({
        points: [
          gridPoint(1e-3, 1e-2, null),
          gridPoint(NaN_, 1e-2, 15),
          gridPoint(1e-2, 1e-2, NaN_),
        ],
      }),
  },
};

describe.each(Object.entries(CHARTS))("%s", (_, cases) => {
  it.each(Object.entries(cases))("draws %s without NaN", (_, render) => {
    const markup = render().outerHTML;

    expect(markup).not.toMatch(/NaN|Infinity/);
    expect(markup).toMatch(/^<svg/);
  });
});
