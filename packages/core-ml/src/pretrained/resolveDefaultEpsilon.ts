import { TORCH_BATCH_NORM_EPSILON, type TorchImportOptions } from "./TorchImportOptions.js";

/** Returns the epsilon for batch norm layers without one, after checking the option. */
export function resolveDefaultEpsilon(options: TorchImportOptions): number {
  const epsilon = options.defaultBatchNormEpsilon ?? TORCH_BATCH_NORM_EPSILON;
  if (!Number.isFinite(epsilon) || epsilon <= 0) {
    throw new RangeError(
      `defaultBatchNormEpsilon must be a positive finite number, got ${epsilon}; ` +
        `omit it to use PyTorch's ${TORCH_BATCH_NORM_EPSILON}`,
    );
  }

  return epsilon;
}
