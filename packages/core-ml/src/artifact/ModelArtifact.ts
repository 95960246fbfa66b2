import type { StandardScaler } from "../preprocessing/standardScaler.js";

export type ModelKind =
  "LINEAR" | "SINGLE_TASK" | "MULTI_TASK" | "RANDOM_FOREST" | "GRADIENT_BOOSTING" | "SVR";

/** Baselines of the study's supplement: one model per target, fitted on the same scaled rows. */
export const BASELINE_KINDS = ["RANDOM_FOREST", "GRADIENT_BOOSTING", "SVR"] as const;
export type BaselineKind = (typeof BASELINE_KINDS)[number];

/** A dense layer: outputs = inputs x kernel + bias. */
export interface DenseWeights {
  /** Shape [inputs][units], the TensorFlow.js layout (PyTorch stores the transpose). */
  kernel: number[][];
  bias: number[];
}

/** Batch normalisation in inference mode: gamma (x - mean) / sqrt(variance + epsilon) + beta. */
export interface BatchNormWeights {
  gamma: number[];
  beta: number[];
  movingMean: number[];
  movingVariance: number[];
  epsilon: number;
}

export interface LinearPredictor {
  type: "linear";
  dense: DenseWeights;
}

/** Hidden blocks of dense -> batch norm -> ReLU, then a dense output layer. */
export interface NetworkPredictor {
  type: "network";
  hidden: { dense: DenseWeights; batchNorm: BatchNormWeights }[];
  output: DenseWeights;
}

/**
 * A binary regression tree in flat arrays, root at node 0. A row goes to `left[i]` when
 * its value of `feature[i]` is below `threshold[i]`, else to `right[i]`; a leaf has
 * feature -1 and predicts `value[i]`.
 */
export interface RegressionTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

/**
 * One output: intercept + scale x the sum of the trees' outputs. A random forest has
 * intercept 0 and scale 1 / trees; gradient boosting the initial mean and the shrinkage.
 */
export interface TreeEnsemblePredictor {
  type: "trees";
  intercept: number;
  scale: number;
  trees: RegressionTree[];
}

/** One output of epsilon-SVR: sum_i coefficients[i] K(supportVectors[i], x) + intercept. */
export interface SvrPredictor {
  type: "svr";
  /** RBF: exp(-gamma |u - v|^2). LINEAR: u . v. */
  kernel: "RBF" | "LINEAR";
  gamma: number;
  supportVectors: number[][];
  coefficients: number[];
  intercept: number;
}

export type Predictor = LinearPredictor | NetworkPredictor | TreeEnsemblePredictor | SvrPredictor;

/**
 * One repetition's model. Predictors work on z-scores; their outputs, joined
 * in order, are the scaled targets.
 */
export interface ModelMember {
  featureScaler: StandardScaler;
  targetScaler: StandardScaler;
  predictors: Predictor[];
}

export const MODEL_ARTIFACT_FORMAT = "ree-workbench/model";
/** Version 2 adds the optional `domain`, `screening` and `training` fields to version 1. */
export const MODEL_ARTIFACT_VERSION = 2;
export type ModelArtifactVersion = 1 | 2;

/**
 * The region of feature space the model was trained on, so that predictions far from it can be flagged.
 * Ranges are in the feature unit; the distance is the Mahalanobis distance of
 * the z-scores (x - center) / scale.
 */
export interface TrainingDomain {
  /** "rows" when computed from the training rows, "scaler" when only their mean and sd were known. */
  source: "rows" | "scaler";
  /** Training rows the statistics describe. */
  rows: number;
  /** Smallest allowed value per feature, in the feature unit. */
  min: number[];
  /** Largest allowed value per feature, in the feature unit. */
  max: number[];
  /** Per-feature mean of the training rows. */
  center: number[];
  /** Per-feature population sd of the training rows (1 for a constant feature). */
  scale: number[];
  /** Inverse of the regularised covariance of the z-scores, features x features. */
  precision: number[][];
  /** Largest Mahalanobis distance still inside the domain (not squared). */
  maxDistance: number;
}

/** The default high/low split of one target, e.g. total REE at the training median. */
export interface ScreeningRule {
  target: string;
  /** In the target unit; a prediction at or above it is "high". */
  threshold: number;
}

/** The data the model was trained on, as the application that trained it names it. */
export interface TrainingData {
  datasetId: string | null;
  datasetName: string | null;
  /** The data set's version when it has one. */
  datasetVersion: number | null;
  rows: number;
  /** Mean test metrics over the repetitions, per target, when the trainer computed them. */
  metrics: TrainingMetric[];
}

export interface TrainingMetric {
  target: string;
  /** Coefficient of determination on the test rows. */
  r2: number | null;
  /** Mean absolute percentage error on the test rows, in %. */
  mape: number | null;
}

/** A trained ensemble with everything needed to predict, as stored and exchanged. */
export interface ModelArtifact {
  format: typeof MODEL_ARTIFACT_FORMAT;
  version: ModelArtifactVersion;
  kind: ModelKind;
  /** Input columns, in the order the members expect them. */
  features: string[];
  featureUnit: string;
  targets: string[];
  targetUnit: string;
  members: ModelMember[];
  /** Absent in version 1 artifacts, which then predict without domain warnings. */
  domain?: TrainingDomain;
  screening?: ScreeningRule;
  training?: TrainingData;
}
