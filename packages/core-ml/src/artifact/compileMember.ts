import { createMatrix, type Matrix } from "../matrix/Matrix.js";
import type { DenseWeights, ModelMember, Predictor } from "./ModelArtifact.js";

/** Predicts raw targets from raw feature rows, as predictWithMember does. */
export type CompiledMember = (x: Matrix) => Matrix;

interface CompiledLayer {
  inputs: number;
  units: number;
  /** The kernel transposed, row-major [units][inputs], so that each unit reads its weights in order. */
  weights: Float64Array;
  bias: Float64Array;
  /** Batch norm and ReLU after the dense layer; absent for an output layer. */
  batchNorm?: {
    mean: Float64Array;
    denominator: Float64Array;
    gamma: Float64Array;
    beta: Float64Array;
  };
}

/**
 * Turns a member into a function that predicts row by row on flat typed
 * arrays, with no intermediate matrices: about ten times faster than
 * predictWithMember for large batches. Every operation is predictWithMember's,
 * in the same order, so the results are identical to the last bit.
 */
export function compileMember(member: ModelMember): CompiledMember {
  const featureMean = Float64Array.from(member.featureScaler.mean);
  const featureScale = Float64Array.from(member.featureScaler.scale);
  const targetMean = Float64Array.from(member.targetScaler.mean);
  const targetScale = Float64Array.from(member.targetScaler.scale);
  const predictors = member.predictors.map(compilePredictor);
  for (const layers of predictors) {
    layers.reduce((inputs, layer) => {
      if (layer.inputs !== inputs) {
        throw new RangeError(`dense layer expects ${layer.inputs} inputs, got ${inputs}`);
      }

      return layer.units;
    }, featureMean.length);
  }

  const width = predictors.reduce((sum, layers) => sum + (layers.at(-1)?.units ?? 0), 0);

  return (x) => {
    if (x.columns !== featureMean.length) {
      throw new RangeError(`dense layer expects ${featureMean.length} inputs, got ${x.columns}`);
    }

    const scaled = new Float64Array(x.data.length);
    for (let index = 0; index < x.data.length; index++) {
      const j = index % x.columns;
      scaled[index] =
        ((x.data[index] as number) - (featureMean[j] as number)) / (featureScale[j] as number);
    }

    const output = createMatrix(x.rows, width);
    let offset = 0;
    for (const layers of predictors) {
      let activations: Float64Array = scaled;
      for (const layer of layers) {
        activations = applyLayer(layer, activations, x.rows);
      }

      const units = layers.at(-1)?.units ?? 0;
      for (let i = 0; i < x.rows; i++) {
        for (let u = 0; u < units; u++) {
          const t = offset + u;
          output.data[i * width + t] =
            (activations[i * units + u] as number) * (targetScale[t] as number) +
            (targetMean[t] as number);
        }
      }

      offset += units;
    }

    return output;
  };
}

/** Applies one layer to every row at once: long loops keep the JIT's code hot. */
function applyLayer(layer: CompiledLayer, input: Float64Array, rows: number): Float64Array {
  const { inputs, units, weights, bias, batchNorm } = layer;
  const output = new Float64Array(rows * units);
  for (let i = 0; i < rows; i++) {
    const row = i * inputs;
    for (let u = 0; u < units; u++) {
      const column = u * inputs;
      let sum = bias[u] as number;
      for (let k = 0; k < inputs; k++) {
        sum += (input[row + k] as number) * (weights[column + k] as number);
      }

      if (batchNorm) {
        const normalised =
          ((sum - (batchNorm.mean[u] as number)) / (batchNorm.denominator[u] as number)) *
            (batchNorm.gamma[u] as number) +
          (batchNorm.beta[u] as number);
        sum = Math.max(0, normalised);
      }

      output[i * units + u] = sum;
    }
  }

  return output;
}

function compilePredictor(predictor: Predictor): CompiledLayer[] {
  if (predictor.type === "linear") {
    return [compileDense(predictor.dense)];
  }

  const hidden = predictor.hidden.map(({ dense, batchNorm }) => ({
    ...compileDense(dense),
    batchNorm: {
      mean: Float64Array.from(batchNorm.movingMean),
      denominator: Float64Array.from(batchNorm.movingVariance, (variance) =>
        Math.sqrt(variance + batchNorm.epsilon),
      ),
      gamma: Float64Array.from(batchNorm.gamma),
      beta: Float64Array.from(batchNorm.beta),
    },
  }));

  return [...hidden, compileDense(predictor.output)];
}

function compileDense({ kernel, bias }: DenseWeights): CompiledLayer {
  const units = bias.length;

  const inputs = kernel.length;
  const weights = new Float64Array(units * inputs);
  kernel.forEach((row, k) => {
    row.forEach((weight, u) => {
      weights[u * inputs + k] = weight;
    });
  });

  return { inputs, units, weights, bias: Float64Array.from(bias) };
}
