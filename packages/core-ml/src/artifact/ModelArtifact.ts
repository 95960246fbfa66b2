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
export const MODEL_ARTIFACT_VERSION = 1;

/** A trained ensemble with everything needed to predict, as stored and exchanged. */
export interface ModelArtifact {
  format: typeof MODEL_ARTIFACT_FORMAT;
  version: typeof MODEL_ARTIFACT_VERSION;
  kind: ModelKind;
  /** Input columns, in the order the members expect them. */
  features: string[];
  featureUnit: string;
  targets: string[];
  targetUnit: string;
  members: ModelMember[];
}
