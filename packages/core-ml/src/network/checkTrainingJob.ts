import type { NetworkPredictor } from "../artifact/ModelArtifact.js";
import type { Matrix } from "../matrix/Matrix.js";
import type { NetworkOptions } from "./NetworkEngine.js";

/**
 * Checks one training job before any engine trains it: matrices without rows
 * or columns, invalid sizes and rates, loss weights that sum to 0 and
 * non-integer seeds, which would otherwise end as NaN weights.
 * @throws RangeError naming the first invalid value.
 */
export function checkTrainingJob(x: Matrix, y: Matrix, options: NetworkOptions): void {
  const { hiddenUnits, batchSize, epochs, lossWeights, learningRate, weightDecay, seed } = options;
  if (x.rows !== y.rows || x.rows === 0) {
    throw new RangeError(`x and y must have the same, non-zero rows, got ${x.rows} and ${y.rows}`);
  }

  if (x.columns === 0 || y.columns === 0) {
    throw new RangeError(
      `x and y must have at least one column each, got ${x.columns} and ${y.columns}`,
    );
  }

  for (const units of hiddenUnits) {
    assertPositiveInteger("hiddenUnits", units);
  }

  assertPositiveInteger("batchSize", batchSize);
  assertPositiveInteger("epochs", epochs);
  if (!(learningRate > 0)) {
    throw new RangeError(`learningRate must be positive, got ${learningRate}`);
  }

  if (!(weightDecay >= 0)) {
    throw new RangeError(`weightDecay must be zero or more, got ${weightDecay}`);
  }

  if (lossWeights.length !== y.columns || lossWeights.some((weight) => !(weight >= 0))) {
    throw new RangeError(
      `lossWeights must hold ${y.columns} non-negative numbers, got [${lossWeights.join(", ")}]`,
    );
  }

  if (!lossWeights.some((weight) => weight > 0)) {
    throw new RangeError("lossWeights must contain at least one positive weight, got only zeros");
  }

  if (!Number.isInteger(seed)) {
    throw new RangeError(`seed must be an integer, got ${seed}`);
  }

  checkFineTuning(x, y, options);
}

function checkFineTuning(x: Matrix, y: Matrix, options: NetworkOptions): void {
  const { hiddenUnits, initialWeights, frozenBlocks = 0, asymmetricLoss } = options;
  if (!Number.isInteger(frozenBlocks) || frozenBlocks < 0 || frozenBlocks > hiddenUnits.length) {
    throw new RangeError(
      `frozenBlocks must be an integer from 0 to ${hiddenUnits.length}, got ${frozenBlocks}`,
    );
  }

  if (frozenBlocks > 0 && initialWeights === undefined) {
    throw new RangeError("frozenBlocks needs initialWeights: random frozen layers learn nothing");
  }

  if (initialWeights !== undefined) {
    const shape = describeShape(initialWeights);
    const expected = [x.columns, ...hiddenUnits, y.columns].join("-");
    if (shape !== expected) {
      throw new RangeError(`initialWeights must have the shape ${expected}, got ${shape}`);
    }
  }

  if (asymmetricLoss !== undefined) {
    const { side, output } = asymmetricLoss;
    if (side !== "OVER" && side !== "UNDER") {
      throw new RangeError(`asymmetricLoss.side must be OVER or UNDER, got ${String(side)}`);
    }

    if (!Number.isInteger(output) || output < 0 || output >= y.columns) {
      throw new RangeError(
        `asymmetricLoss.output must be an output index from 0 to ${y.columns - 1}, got ${output}`,
      );
    }
  }
}

/** Units of a network's layers from its inputs to its outputs, e.g. "6-20-6-17". */
function describeShape(predictor: NetworkPredictor): string {
  const inputs = predictor.hidden[0]?.dense.kernel.length ?? predictor.output.kernel.length;
  const units = predictor.hidden.map((block) => block.dense.bias.length);

  return [inputs, ...units, predictor.output.bias.length].join("-");
}

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}
