import type { FeatureEffect, NoiseLevel, ScreeningResult, ShapResult } from "@ree/schema/documents";

/*
 * Analysis results in the shape and range of a multi-task run on the ten released US coal ashes
 * (Song et al., Mater. Horiz. 11 (2024) 1448): six oxides in mol %, total REE in ppm (molar),
 * values rounded from one such run.
 */

export const FEATURES = [
  "Al2O3_mol_pct",
  "CaO_mol_pct",
  "Fe2O3_mol_pct",
  "MgO_mol_pct",
  "TiO2_mol_pct",
  "P2O5_mol_pct",
];

export const SHAP: ShapResult = {
  method: "exact",
  expectedValue: 159.75,
  features: FEATURES,
  importance: [1, 0.576, 0.461, 0.251, 0.263, 0.13],
  samples: [
    {
      sampleLabel: "13",
      values: [-2, -11.8, -7.6, -0.9, 0, 2.4],
      featureValues: [14.36, 26.88, 2.5, 7.41, 1.19, 0.44],
    },
    {
      sampleLabel: "15",
      values: [-17.9, -11, -10.1, 1.7, -0.3, -2.6],
      featureValues: [11.54, 27.43, 2.41, 8.74, 1.01, 0.57],
    },
    {
      sampleLabel: "19",
      values: [-4.2, 8.2, 6, -8.1, -4.1, -0.7],
      featureValues: [14.34, 5.76, 6.57, 1.69, 1, 0.09],
    },
    {
      sampleLabel: "34",
      values: [12.4, 13.4, 7.4, -0.6, 4.1, 0.7],
      featureValues: [16.02, 1.8, 5.27, 1.72, 1.26, 0.09],
    },
    {
      sampleLabel: "50",
      values: [47.1, 16.9, 6.6, 4.6, 1.4, 3.3],
      featureValues: [19.3, 1.41, 4.37, 2.73, 1.17, 0.17],
    },
    {
      sampleLabel: "57",
      values: [47.9, 14.7, 6.2, 4.6, 2.4, 4.4],
      featureValues: [19.58, 2.06, 4.97, 2.82, 1.3, 0.28],
    },
    {
      sampleLabel: "61",
      values: [-35.6, 8.6, -0.4, -12.3, -18.4, -2.8],
      featureValues: [9.55, 2.16, 4.19, 2.12, 0.54, 0.08],
    },
    {
      sampleLabel: "80",
      values: [-19.5, -17.3, -21.4, 4.6, -2.5, -7.7],
      featureValues: [9.84, 35.57, 2.04, 11.27, 1.02, 0],
    },
    {
      sampleLabel: "88",
      values: [-11.7, -14, 23.3, 11.5, -3, -0.2],
      featureValues: [11.56, 34.57, 7.94, 10.05, 0.76, 0.05],
    },
    {
      sampleLabel: "92",
      values: [-16.3, -7.9, -9.9, -5.1, 20.3, 3.2],
      featureValues: [10.86, 29.38, 2.42, 9.51, 2.65, 0.12],
    },
  ],
};

/** Five grid points per feature, from the 20th to the 80th percentile, with a linear trend. */
function effect(
  feature: string,
  low: number,
  high: number,
  start: number,
  slope: number,
  sd: number,
): FeatureEffect {
  const grid = [0, 1, 2, 3, 4].map((step) => low + ((high - low) * step) / 4);

  return {
    feature,
    referenceValue: (low + high) / 2,
    grid,
    mean: grid.map((_, step) => start + slope * step),
    sd: grid.map((_, step) => sd + step),
  };
}

export const FEATURE_EFFECTS: FeatureEffect[] = [
  effect("Al2O3_mol_pct", 10.66, 16.68, 145.9, 6.5, 26),
  effect("CaO_mol_pct", 2.01, 30.41, 161.2, 0.4, 22),
  effect("Fe2O3_mol_pct", 2.42, 5.53, 141.9, 3.1, 33),
  effect("MgO_mol_pct", 2.04, 9.62, 146.2, 2.8, 24),
  effect("TiO2_mol_pct", 0.95, 1.27, 149.9, 1.2, 21),
  effect("P2O5_mol_pct", 0.07, 0.31, 153.7, 0.9, 23),
];

const CHANGES_2 = [
  0, -2.9, -3, 0.6, 1.5, -0.5, 4.4, 1, 6.1, 1.4, -7.5, -3.4, 3.6, -0.7, 1, -1.3, 0, -0.1, -0.1,
  -4.6, -0.8, 1.3, 0.5, -0.1, 1.5, 1.2, 6, 5, 1.6, 2.9,
];

export const NOISE: NoiseLevel[] = [
  { noisePercent: 2, mean: 0.49, sd: 2.93, changes: CHANGES_2 },
  { noisePercent: 4, mean: 0.98, sd: 5.86, changes: CHANGES_2.map((change) => 2 * change) },
];

const CURVE_ROWS: [number, number, number][] = [
  [265.9, 1, 0.111],
  [244.5, 1, 0.222],
  [226.7, 1, 0.444],
  [212.6, 0.833, 0.556],
  [173.9, 0.857, 0.667],
  [167.4, 0.889, 0.889],
  [164.1, 0.9, 1],
  [156.7, 0.75, 1],
  [132.8, 0.562, 1],
  [100.6, 0.474, 1],
];

export const SCREENING: ScreeningResult = {
  threshold: 145.2,
  confusion: { truePositives: 9, falsePositives: 3, trueNegatives: 8, falseNegatives: 0 },
  iou: { value: 0.75, reason: null },
  precision: { value: 0.75, reason: null },
  recall: { value: 1, reason: null },
  accuracy: { value: 0.85, reason: null },
  averagePrecision: { value: 0.947, reason: null },
  curve: CURVE_ROWS.map(([decisionThreshold, precision, recall]) => ({
    decisionThreshold,
    precision: { value: precision, reason: null },
    recall: { value: recall, reason: null },
  })),
};
