import { createMatrix, type Matrix } from "../matrix/Matrix.js";
import type { DenseWeights, Predictor } from "./ModelArtifact.js";
import { predictWithSvr } from "./predictWithSvr.js";
import { predictWithTrees } from "./predictWithTrees.js";

/** Runs one predictor on scaled inputs, in float64 and inference mode. */
export function predictWithPredictor(predictor: Predictor, x: Matrix): Matrix {
  switch (predictor.type) {
    case "linear":
      return applyDense(x, predictor.dense);
    case "network": {
      let activations = x;
      for (const { dense, batchNorm } of predictor.hidden) {
        activations = applyDense(activations, dense);
        const { columns, data } = activations;
        data.forEach((value, index) => {
          const j = index % columns;
          const normalised =
            ((value - (batchNorm.movingMean[j] ?? 0)) /
              Math.sqrt((batchNorm.movingVariance[j] ?? 1) + batchNorm.epsilon)) *
              (batchNorm.gamma[j] ?? 1) +
            (batchNorm.beta[j] ?? 0);
          data[index] = Math.max(0, normalised);
        });
      }

      return applyDense(activations, predictor.output);
    }

    case "trees":
      return predictWithTrees(predictor, x);
    case "svr":
      return predictWithSvr(predictor, x);
  }
}

function applyDense(x: Matrix, { kernel, bias }: DenseWeights): Matrix {
  if (kernel.length !== x.columns) {
    throw new RangeError(`dense layer expects ${kernel.length} inputs, got ${x.columns}`);
  }

  const units = bias.length;
  const output = createMatrix(x.rows, units);
  for (let i = 0; i < x.rows; i++) {
    for (let u = 0; u < units; u++) {
      let sum = bias[u] ?? 0;
      for (let k = 0; k < x.columns; k++) {
        sum += (x.data[i * x.columns + k] ?? 0) * (kernel[k]?.[u] ?? 0);
      }

      output.data[i * units + u] = sum;
    }
  }

  return output;
}
