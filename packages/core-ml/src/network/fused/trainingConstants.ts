/*
 * Hyperparameters that the TensorFlow.js engine (createTfjsEngine.ts) fixes and
 * the fused engine must share to train the same model.
 */

/** Batch norm epsilon, PyTorch's BatchNorm1d default. */
export const BATCH_NORM_EPSILON = 1e-5;

/**
 * Share of the old moving statistic that TensorFlow.js keeps per step: Keras
 * momentum 0.9, PyTorch momentum 0.1. TensorFlow.js updates
 * `moving - (moving - batch) * (1 - momentum)`.
 */
export const BATCH_NORM_MOMENTUM = 0.9;

/** PyTorch's Adam defaults. */
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPSILON = 1e-8;
