/** Offsets of one hidden block's parameters in a flat parameter vector. */
export interface HiddenBlockLayout {
  fanIn: number;
  units: number;
  /** Kernel of shape [fanIn][units], row-major. */
  kernel: number;
  bias: number;
  gamma: number;
  beta: number;
  /** Offset of the block's moving mean in the moving-statistics vector; its variance follows at + units. */
  moving: number;
}

/** Offsets of the output layer's parameters in a flat parameter vector. */
export interface OutputLayerLayout {
  fanIn: number;
  units: number;
  kernel: number;
  bias: number;
}

/**
 * Positions of every trainable parameter of a network in one flat vector, in
 * the order of TensorFlow.js `model.trainableWeights`: per hidden block kernel,
 * bias, gamma, beta, then the output kernel and bias.
 */
export interface ParameterLayout {
  inputs: number;
  outputs: number;
  hidden: HiddenBlockLayout[];
  output: OutputLayerLayout;
  /** Length of the parameter vector. */
  parameters: number;
  /** Length of the moving-statistics vector: mean and variance of every hidden unit. */
  movingStatistics: number;
}

/** Lays out the parameters of inputs -> [dense -> batch norm -> ReLU] x hiddenUnits -> dense. */
export function createParameterLayout(
  inputs: number,
  hiddenUnits: readonly number[],
  outputs: number,
): ParameterLayout {
  const hidden: HiddenBlockLayout[] = [];
  let offset = 0;
  let moving = 0;
  let fanIn = inputs;
  for (const units of hiddenUnits) {
    const kernel = offset;
    const bias = kernel + fanIn * units;
    const gamma = bias + units;
    const beta = gamma + units;
    hidden.push({ fanIn, units, kernel, bias, gamma, beta, moving });
    offset = beta + units;
    moving += 2 * units;
    fanIn = units;
  }

  const output = { fanIn, units: outputs, kernel: offset, bias: offset + fanIn * outputs };

  return {
    inputs,
    outputs,
    hidden,
    output,
    parameters: output.bias + outputs,
    movingStatistics: moving,
  };
}
