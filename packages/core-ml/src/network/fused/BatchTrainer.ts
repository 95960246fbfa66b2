import type { NetworkPredictor } from "../../artifact/ModelArtifact.js";
import type { AsymmetricLoss } from "../NetworkEngine.js";

/** Per-model settings of a trainer; the layout and batch schedule are shared. */
export interface ModelSettings {
  learningRate: number;
  weightDecay: number;
  /** Loss weight of each output, already normalised to sum to 1. */
  lossWeights: Float64Array;
  /** Leading hidden blocks whose parameters stay fixed; the same for every model of a group. */
  frozenBlocks: number;
  /** The loss in place of the weighted MSE; the same for every model of a group. */
  asymmetricLoss: AsymmetricLoss | null;
}

/** One Adam step at a time for one or more networks of the same layout. */
export interface BatchTrainer {
  /**
   * Runs one training step of every model on rows `orders[m][start .. start + count)`
   * of that model's data, and adds each model's loss (weighted MSE or asymmetric
   * loss, plus the L2 penalty of the trainable parameters before the update) to `lossSums[m]`.
   */
  trainBatch(
    orders: readonly (readonly number[])[],
    start: number,
    count: number,
    lossSums: Float64Array,
  ): void;
  /** Reads model `model`'s weights in the artifact format. */
  readPredictor(model: number): NetworkPredictor;
}
