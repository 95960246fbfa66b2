import type { DenseWeights, NetworkPredictor } from "../../artifact/ModelArtifact.js";
import type { ParameterLayout } from "./ParameterLayout.js";
import { BATCH_NORM_EPSILON } from "./trainingConstants.js";

/**
 * Copies one model's weights out of flat vectors into the artifact format.
 * Entry i of the model sits at `i * stride + model`, so one reader serves the
 * single-model layout (stride 1) and the interleaved many-model layout (stride =
 * number of models).
 */
export function readPredictor(
  layout: ParameterLayout,
  parameters: Float64Array,
  movingStatistics: Float64Array,
  stride: number,
  model: number,
): NetworkPredictor {
  const read = (source: Float64Array, offset: number, length: number) =>
    Array.from({ length }, (_, i) => source[(offset + i) * stride + model] ?? NaN);
  const dense = (fanIn: number, units: number, kernel: number, bias: number): DenseWeights => ({
    kernel: Array.from({ length: fanIn }, (_, k) => read(parameters, kernel + k * units, units)),
    bias: read(parameters, bias, units),
  });

  return {
    type: "network",
    hidden: layout.hidden.map((block) => ({
      dense: dense(block.fanIn, block.units, block.kernel, block.bias),
      batchNorm: {
        gamma: read(parameters, block.gamma, block.units),
        beta: read(parameters, block.beta, block.units),
        movingMean: read(movingStatistics, block.moving, block.units),
        movingVariance: read(movingStatistics, block.moving + block.units, block.units),
        epsilon: BATCH_NORM_EPSILON,
      },
    })),
    output: dense(
      layout.output.fanIn,
      layout.output.units,
      layout.output.kernel,
      layout.output.bias,
    ),
  };
}
