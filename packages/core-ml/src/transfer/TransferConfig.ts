import type { PenalisedSide } from "../network/NetworkEngine.js";

/** Settings of a TRANSFER run: how a trained multi-task model is carried over to a new data set. */
export interface TransferConfig {
  /** Id of the parent model where the caller stores it; core-ml only records it. */
  parentModelId: string;
  /** Random draws of training rows, each scored on the remaining rows. */
  draws: number;
  /** Training rows of each draw; the other rows are its test rows. */
  trainingSize: number;
  /**
   * Hidden layers that fine-tuning trains with the output layer, counted from
   * the output: 0 trains the output layer alone, 1 also the last hidden layer.
   */
  fineTunedHiddenLayers: number;
  /** Side whose errors the fine-tuning loss squares (the study's asymmetric loss); null for the MSE. */
  asymmetricLoss: PenalisedSide | null;
  /**
   * Batch norm of the frozen layers during fine-tuning. INFERENCE keeps the
   * parent's moving statistics, so frozen layers compute exactly what they
   * did in the parent (Keras freezes batch norm this way). TRAINING
   * normalises each batch by its own statistics and moves the moving
   * statistics towards them, as PyTorch does for a module in training mode
   * whose parameters are frozen.
   */
  frozenBatchNorm: FrozenBatchNorm;
}

export type FrozenBatchNorm = "INFERENCE" | "TRAINING";

/** The study's transfer: 6 of the 12 Polish fly ashes train, over 30 draws, output layer only. */
export const DEFAULT_TRANSFER: Readonly<Omit<TransferConfig, "parentModelId">> = {
  draws: 30,
  trainingSize: 6,
  fineTunedHiddenLayers: 0,
  asymmetricLoss: null,
  frozenBatchNorm: "INFERENCE",
};
