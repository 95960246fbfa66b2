import type { NetworkPredictor } from "../../artifact/ModelArtifact.js";
import type { NetworkParameters } from "./initializeParameters.js";
import type { ParameterLayout } from "./ParameterLayout.js";
import { BATCH_NORM_EPSILON } from "./trainingConstants.js";

/**
 * Lays out a predictor's weights as flat vectors, the inverse of
 * readPredictor, so that training can start from them. The shape must match
 * the layout (checkTrainingJob checks it).
 * @throws RangeError for a batch norm epsilon other than the engine's, which
 *   would change the network's outputs.
 */
export function writeParameters(
  layout: ParameterLayout,
  predictor: NetworkPredictor,
): NetworkParameters {
  const parameters = new Float64Array(layout.parameters);
  const movingStatistics = new Float64Array(layout.movingStatistics);
  layout.hidden.forEach((block, l) => {
    const { dense, batchNorm } = predictor.hidden[l]!;
    if (batchNorm.epsilon !== BATCH_NORM_EPSILON) {
      throw new RangeError(
        `hidden block ${l + 1} has batch norm epsilon ${batchNorm.epsilon}; ` +
          `fine-tuning needs ${BATCH_NORM_EPSILON}, the engine's`,
      );
    }

    parameters.set(dense.kernel.flat(), block.kernel);
    parameters.set(dense.bias, block.bias);
    parameters.set(batchNorm.gamma, block.gamma);
    parameters.set(batchNorm.beta, block.beta);
    movingStatistics.set(batchNorm.movingMean, block.moving);
    movingStatistics.set(batchNorm.movingVariance, block.moving + block.units);
  });
  parameters.set(predictor.output.kernel.flat(), layout.output.kernel);
  parameters.set(predictor.output.bias, layout.output.bias);

  return { parameters, movingStatistics };
}

/** Offset of the first trainable parameter when the first `frozenBlocks` hidden blocks stay fixed. */
export function firstTrainableParameter(layout: ParameterLayout, frozenBlocks: number): number {
  return layout.hidden[frozenBlocks]?.kernel ?? layout.output.kernel;
}
