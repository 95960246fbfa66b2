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
