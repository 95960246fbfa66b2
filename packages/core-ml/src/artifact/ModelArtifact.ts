import type { StandardScaler } from "../preprocessing/standardScaler.js";

export type ModelKind = "LINEAR" | "SINGLE_TASK" | "MULTI_TASK";

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

export type Predictor = LinearPredictor | NetworkPredictor;

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
