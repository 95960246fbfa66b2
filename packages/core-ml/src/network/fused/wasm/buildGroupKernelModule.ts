import { adam } from "./adamKernel.js";
import { batchNormBackward, batchNormForward } from "./batchNormKernels.js";
import {
  biasGradient,
  denseForward,
  denseInputGradient,
  denseKernelGradient,
} from "./denseKernels.js";
import { encodeModule } from "./encodeModule.js";
import { weightedSquaredError } from "./lossKernel.js";

/** Encodes the module of all kernels that GroupKernels declares. */
export function buildGroupKernelModule(): Uint8Array {
  return encodeModule([
    denseForward(),
    denseKernelGradient(),
    denseInputGradient(),
    biasGradient(),
    batchNormForward(),
    batchNormBackward(),
    weightedSquaredError(),
    adam(),
  ]);
}
