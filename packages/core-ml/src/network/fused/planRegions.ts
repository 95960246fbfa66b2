import type { ParameterLayout } from "./ParameterLayout.js";

/** A struct-of-arrays buffer in the kernels' memory: byte address and a view. */
export interface Region {
  address: number;
  view: Float64Array;
}

export interface Regions {
  parameters: Region;
  gradients: Region;
  firstMoment: Region;
  secondMoment: Region;
  movingStatistics: Region;
  learningRates: Region;
  weightDecays: Region;
  /** [output][lane] */
  lossWeights: Region;
  losses: Region;
  penalties: Region;
  /** [0] is the input batch, [l + 1] the ReLU output of hidden block l; [row][unit][lane]. */
  activations: Region[];
  /** Pre-activation, then x-hat, of each hidden block. */
  normalized: Region[];
  /** [unit][lane] */
  inverseStd: Region[];
  /** Gradient with respect to activations[l + 1], then to block l's pre-activation. */
  blockGradients: Region[];
  /** Predictions, then the gradient of the loss with respect to them. */
  outputGradients: Region;
  /** Targets of the batch, [row][output][lane]. */
  targets: Region;
}

/**
 * Places every region back to back. Each contains a multiple of `lanes` (even)
 * float64 entries, so every region starts 16-byte aligned.
 */
export function planRegions(layout: ParameterLayout, lanes: number, maxBatch: number) {
  const sizes: number[] = [];
  const reserve = (rows: number) => {
    sizes.push(rows * lanes);

    return sizes.length - 1;
  };

  const hiddenUnits = layout.hidden.map((block) => block.units);
  const plan = {
    parameters: reserve(layout.parameters),
    gradients: reserve(layout.parameters),
    firstMoment: reserve(layout.parameters),
    secondMoment: reserve(layout.parameters),
    movingStatistics: reserve(layout.movingStatistics),
    learningRates: reserve(1),
    weightDecays: reserve(1),
    lossWeights: reserve(layout.outputs),
    losses: reserve(1),
    penalties: reserve(1),
    activations: [layout.inputs, ...hiddenUnits].map((units) => reserve(maxBatch * units)),
    normalized: hiddenUnits.map((units) => reserve(maxBatch * units)),
    inverseStd: hiddenUnits.map((units) => reserve(units)),
    blockGradients: hiddenUnits.map((units) => reserve(maxBatch * units)),
    outputGradients: reserve(maxBatch * layout.outputs),
    targets: reserve(maxBatch * layout.outputs),
  };
  const starts: number[] = [];
  let entries = 0;
  for (const size of sizes) {
    starts.push(entries);
    entries += size;
  }

  const regions = (buffer: ArrayBuffer): Regions => {
    const region = (index: number): Region => {
      const start = starts[index] ?? 0;

      return {
        address: start * 8,
        view: new Float64Array(buffer, start * 8, sizes[index] ?? 0),
      };
    };

    return {
      parameters: region(plan.parameters),
      gradients: region(plan.gradients),
      firstMoment: region(plan.firstMoment),
      secondMoment: region(plan.secondMoment),
      movingStatistics: region(plan.movingStatistics),
      learningRates: region(plan.learningRates),
      weightDecays: region(plan.weightDecays),
      lossWeights: region(plan.lossWeights),
      losses: region(plan.losses),
      penalties: region(plan.penalties),
      activations: plan.activations.map(region),
      normalized: plan.normalized.map(region),
      inverseStd: plan.inverseStd.map(region),
      blockGradients: plan.blockGradients.map(region),
      outputGradients: region(plan.outputGradients),
      targets: region(plan.targets),
    };
  };

  return { bytes: entries * 8, regions };
}
