import type { ModelArtifact } from "../artifact/ModelArtifact.js";
import { matrixToRows, type Matrix } from "../matrix/Matrix.js";
import { computeFeatureEffects } from "./computeFeatureEffects.js";
import { computeNoiseSensitivity } from "./computeNoiseSensitivity.js";
import { computePrecisionRecallCurve } from "./computePrecisionRecallCurve.js";
import { computeShapImportance } from "./computeShapImportance.js";
import { computeShapValues } from "./computeShapValues.js";
import type { ConfusionMatrix } from "./ConfusionMatrix.js";
import type { MetricValue } from "./MetricValue.js";
import { percentile } from "./percentile.js";
import { screenSamples } from "./screenSamples.js";

export type AnalysisKind = "SHAP" | "FEATURE_EFFECTS" | "NOISE" | "SCREENING";

/** Results of the analyses of one trained ensemble, as plain arrays for storage. */
export interface ModelAnalyses {
  shap?: {
    method: "exact" | "permutation";
    expectedValue: number;
    /** Samples x features, in the unit of the explained output. */
    values: number[][];
    /** The explained feature values, samples x features, to colour a beeswarm. */
    featureValues: number[][];
    /** Sum of |value| per feature over the samples, divided by the largest such sum. */
    importance: number[];
  };
  featureEffects?: {
    reference: number[];
    effects: { feature: number; grid: number[]; mean: number[]; sd: (number | null)[] }[];
  };
  noise?: {
    levels: { noisePercent: number; mean: number; sd: number; changes: number[] }[];
  };
  screening?: {
    threshold: number;
    confusion: ConfusionMatrix;
    iou: MetricValue;
    precision: MetricValue;
    recall: MetricValue;
    accuracy: MetricValue;
    averagePrecision: MetricValue;
    curve: { decisionThreshold: number; precision: MetricValue; recall: MetricValue }[];
  };
}

export interface AnalyzeModelInput {
  artifact: ModelArtifact;
  /** Feature rows of every sample, in the artifact's feature order. */
  x: Matrix;
  /** Measured and predicted first output (the total REE) of the pooled test predictions. */
  testMeasured: ArrayLike<number>;
  testPredicted: ArrayLike<number>;
  /** Measured first output of every sample: its median is the default screening threshold. */
  measured: ArrayLike<number>;
}

export interface AnalyzeModelOptions {
  /**
   * Analyses to run.
   * @default all four
   */
  analyses?: readonly AnalysisKind[];
  /**
   * High/low threshold of the screening, in the unit of the first output.
   * @default the median of `measured`
   */
  screeningThreshold?: number | null;
  /**
   * Seed of the SHAP background subset, permutations and noise draws.
   * @default 0
   */
  seed?: number;
}

/**
 * Runs the study's analyses of the first output (the total REE) for one ensemble. SHAP
 * explains every sample against all samples as background. Feature effects vary one
 * feature at a time. Noise measures the change of the prediction under 2 % and 4 % input
 * noise, and screening classifies the pooled test predictions as high or low.
 */
export function analyzeModel(input: AnalyzeModelInput, options: AnalyzeModelOptions = {}) {
  const {
    analyses = ["SHAP", "FEATURE_EFFECTS", "NOISE", "SCREENING"],
    screeningThreshold = null,
    seed = 0,
  } = options;
  const { artifact, x } = input;
  const result: ModelAnalyses = {};

  if (analyses.includes("SHAP")) {
    const explanation = computeShapValues(artifact, x, x, { seed });
    result.shap = {
      method: explanation.method,
      expectedValue: explanation.expectedValue,
      values: matrixToRows(explanation.values),
      featureValues: matrixToRows(x),
      importance: computeShapImportance(explanation.values),
    };
  }

  if (analyses.includes("FEATURE_EFFECTS")) {
    const { reference, effects } = computeFeatureEffects(artifact, x);
    result.featureEffects = { reference, effects };
  }

  if (analyses.includes("NOISE")) {
    const { levels } = computeNoiseSensitivity(artifact, x, { seed });
    result.noise = {
      levels: levels.map(({ noisePercent, changes, fit }) => ({
        noisePercent,
        mean: fit.mean,
        sd: fit.sd,
        changes: Array.from(changes.data),
      })),
    };
  }

  if (analyses.includes("SCREENING")) {
    result.screening = screen(input, screeningThreshold);
  }

  return result;
}

function screen(input: AnalyzeModelInput, threshold: number | null) {
  const { testMeasured, testPredicted, measured } = input;
  const screening = screenSamples(testMeasured, testPredicted, {
    threshold: threshold ?? percentile(measured, 50),
  });
  const curve = computePrecisionRecallCurve(testMeasured, testPredicted, {
    threshold: screening.threshold,
  });

  return {
    ...screening,
    averagePrecision: curve.averagePrecision,
    curve: curve.points.map(({ decisionThreshold, precision, recall }) => ({
      decisionThreshold,
      precision,
      recall,
    })),
  };
}
