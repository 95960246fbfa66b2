import type { Matrix } from "../matrix/Matrix.js";

/** PyTorch's BatchNorm1d default epsilon, which state dicts do not record. */
export const TORCH_BATCH_NORM_EPSILON = 1e-5;

/** Options of the importers of PyTorch models exported to JSON. */
export interface TorchImportOptions {
  /**
   * Batch norm epsilon for layers whose JSON has no `epsilon` field. An
   * `epsilon` in the file always takes precedence.
   * @default TORCH_BATCH_NORM_EPSILON (1e-5). TensorFlow.js defaults to 1e-3.
   */
  defaultBatchNormEpsilon?: number;
  /**
   * Training rows that are public, in the file's feature order and unit. The
   * training domain, otherwise estimated from the feature scaler alone, widens
   * to hold them (see domainFromScaler).
   * @default none
   */
  knownTrainingRows?: Matrix;
}
