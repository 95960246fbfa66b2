import type { NetworkEngine } from "../NetworkEngine.js";
import { trainNetworks } from "./trainNetworks.js";

/**
 * Creates the fused engine: float64 training in WebAssembly SIMD kernels, or in
 * scalar TypeScript where SIMD is missing, without TensorFlow.js's per-operation
 * overhead. It reproduces the TensorFlow.js engine, with the same initial
 * weights, batch order and update rules for the same seed, except that the
 * moving variance follows PyTorch's unbiased rule (see unbiasedVarianceFactor),
 * so predictions differ slightly from TensorFlow.js's. To train many
 * networks at once, call trainNetworks directly.
 */
export function createFusedEngine(): NetworkEngine {
  return {
    name: "fused-f64",
    train: async (x, y, options, onEpochEnd) => {
      const [predictor] = await trainNetworks(
        [{ x, y, options }],
        onEpochEnd && (({ epoch, epochs, loss }) => onEpochEnd({ epoch, epochs, loss })),
      );
      if (predictor === undefined) {
        throw new Error("trainNetworks returned no predictor for one job");
      }

      return predictor;
    },
    trainMany: trainNetworks,
  };
}
