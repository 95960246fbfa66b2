import type { NetworkPredictor } from "../artifact/ModelArtifact.js";
import type { Matrix } from "../matrix/Matrix.js";

export interface NetworkOptions {
  /** Units of each hidden block (dense -> batch norm -> ReLU). */
  hiddenUnits: readonly number[];
  learningRate: number;
  /** L2 penalty added to the gradient of every parameter, as PyTorch's Adam weight_decay. */
  weightDecay: number;
  batchSize: number;
  epochs: number;
  /** Weight of each output in the loss; normalised to sum to 1. */
  lossWeights: readonly number[];
  /** Seed of the initial weights and of the batch order. */
  seed: number;
  /**
   * Weights to start from instead of the seed's random draw, for fine-tuning.
   * Their shape must match hiddenUnits and the data's columns. Only the fused
   * engine supports it.
   */
  initialWeights?: NetworkPredictor;
  /**
   * Hidden blocks, counted from the input, whose dense and batch norm
   * parameters stay fixed; at most hiddenUnits.length, which leaves only the
   * output layer to train. Their moving statistics still follow the batches,
   * as PyTorch's batch norm does in training mode with frozen parameters.
   * Default 0; more needs initialWeights. Only the fused engine supports it.
   */
  frozenBlocks?: number;
  /** Replaces the weighted MSE by the study's asymmetric loss. Only the fused engine supports it. */
  asymmetricLoss?: AsymmetricLoss;
}

/** Side of the truth that the asymmetric loss penalises. */
export type PenalisedSide = "OVER" | "UNDER";

/**
 * The study's asymmetric loss: a row's weighted squared error is squared
 * when output `output` (the screened target, usually the total REE) is
 * predicted above the truth (OVER, which penalises false positives) or below
 * it (UNDER, false negatives). Errors are in scaled units, so a row loss
 * below 1 gets smaller when squared and one above 1 gets larger.
 */
export interface AsymmetricLoss {
  side: PenalisedSide;
  /** Index of the output whose error decides the side. */
  output: number;
}

export interface EpochEnd {
  /** Epoch just finished, from 1. */
  epoch: number;
  epochs: number;
  /** Mean training loss over the epoch's batches, on scaled targets. */
  loss: number;
}

/** One network to train: scaled inputs, scaled targets and its options. */
export interface TrainingJob {
  x: Matrix;
  y: Matrix;
  options: NetworkOptions;
}

/** End of an epoch of one job of a batch. */
export interface JobEpochEnd extends EpochEnd {
  /** Index of the job in the list passed to trainMany. */
  job: number;
}

/**
 * Trains a feed-forward network on scaled inputs and targets. Engines differ in
 * speed, not in the model: every engine returns the same predictor format.
 */
export interface NetworkEngine {
  /** Engine and backend, e.g. "tfjs-cpu", for logs and run records. */
  readonly name: string;
  train(
    x: Matrix,
    y: Matrix,
    options: NetworkOptions,
    onEpochEnd?: (event: EpochEnd) => void,
  ): Promise<NetworkPredictor>;
  /**
   * Trains many networks at once and returns their predictors in job order, each
   * the same as `train` would return for it. Engines without it train one by one.
   */
  trainMany?(
    jobs: readonly TrainingJob[],
    onEpochEnd?: (event: JobEpochEnd) => void,
  ): Promise<NetworkPredictor[]>;
}
