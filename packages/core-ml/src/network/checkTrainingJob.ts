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
}

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}
