import type { Random } from "../../random/createRandom.js";
import { drawUniform } from "./drawUniform.js";
import type { ParameterLayout } from "./ParameterLayout.js";

/** Trainable parameters and moving statistics of one network, laid out by a ParameterLayout. */
export interface NetworkParameters {
  parameters: Float64Array;
  movingStatistics: Float64Array;
}

/**
 * Draws the initial weights as the TensorFlow.js engine does, so that both
 * engines start from the same float32 values for the same seed. Each dense
 * layer, in order, takes a kernel seed and then a bias seed from `random`, and
 * both are uniform in +-1 / sqrt(fan_in) (PyTorch's nn.Linear init). Gamma
 * starts at 1, beta and the moving mean at 0, the moving variance at 1.
 */
export function initializeParameters(layout: ParameterLayout, random: Random): NetworkParameters {
  const parameters = new Float64Array(layout.parameters);
  const movingStatistics = new Float64Array(layout.movingStatistics);
  const dense = (fanIn: number, units: number, kernel: number, bias: number) => {
    const limit = 1 / Math.sqrt(fanIn);
    const kernelSeed = random.nextSeed();
    const biasSeed = random.nextSeed();
    parameters.set(drawUniform(fanIn * units, -limit, limit, kernelSeed), kernel);
    parameters.set(drawUniform(units, -limit, limit, biasSeed), bias);
  };

  for (const block of layout.hidden) {
    dense(block.fanIn, block.units, block.kernel, block.bias);
    parameters.fill(1, block.gamma, block.gamma + block.units);
    movingStatistics.fill(1, block.moving + block.units, block.moving + 2 * block.units);
  }

  const { output } = layout;
  dense(output.fanIn, output.units, output.kernel, output.bias);

  return { parameters, movingStatistics };
}
