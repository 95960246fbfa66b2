/*
 * Hyperparameters that the TensorFlow.js engine (createTfjsEngine.ts) fixes and
 * the fused engine must share to train the same model, and the fused engine's
 * moving-variance rule.
 */

/** Batch norm epsilon, PyTorch's BatchNorm1d default. */
export const BATCH_NORM_EPSILON = 1e-5;

/**
 * Share of the old moving statistic that TensorFlow.js keeps per step: Keras
 * momentum 0.9, PyTorch momentum 0.1. TensorFlow.js updates
 * `moving - (moving - batch) * (1 - momentum)`.
 */
export const BATCH_NORM_MOMENTUM = 0.9;

/**
 * Returns n / (n - 1), the factor that turns the biased variance of an n-row
 * batch into the unbiased one. The fused engine moves the moving variance
 * towards the unbiased batch variance, as PyTorch's BatchNorm1d updates
 * `running_var`, while TensorFlow.js uses the biased one. A 1-row batch has no
 * unbiased variance (PyTorch raises an error in training mode), so it gets
 * factor 1 and moves the moving variance towards its biased variance, 0.
 */
export function unbiasedVarianceFactor(count: number): number {
  return count > 1 ? count / (count - 1) : 1;
}

/** PyTorch's Adam defaults. */
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPSILON = 1e-8;
