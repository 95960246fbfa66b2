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
 * Turns a member into a function that predicts layer by layer on flat typed
 * arrays: about six times faster than predictWithMember on 10,000 rows of the
 * study ensemble. Every operation is predictWithMember's, in the same order,
 * so the results are identical to the last bit.
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

/** Rows that share each weight load in applyLayer. */
const BLOCK = 4;

/**
 * Applies one layer to every row, four rows at a time so that each weight is
 * read once per block: about 1.7 times as fast as one row at a time on Node
 * 20. Each row's sum still adds the same terms in the same order.
 */
function applyLayer(layer: CompiledLayer, input: Float64Array, rows: number): Float64Array {
  const { inputs, units, weights, bias, batchNorm } = layer;
  const output = new Float64Array(rows * units);
  const blocked = rows - (rows % BLOCK);
  for (let i = 0; i < blocked; i += BLOCK) {
    const row0 = i * inputs;
    const row1 = row0 + inputs;
    const row2 = row1 + inputs;
    const row3 = row2 + inputs;
    for (let u = 0; u < units; u++) {
      const column = u * inputs;
      let sum0 = bias[u] as number;
      let sum1 = sum0;
      let sum2 = sum0;
      let sum3 = sum0;
      for (let k = 0; k < inputs; k++) {
        const weight = weights[column + k] as number;
        sum0 += (input[row0 + k] as number) * weight;
        sum1 += (input[row1 + k] as number) * weight;
        sum2 += (input[row2 + k] as number) * weight;
        sum3 += (input[row3 + k] as number) * weight;
      }

      if (batchNorm) {
        const mean = batchNorm.mean[u] as number;
        const denominator = batchNorm.denominator[u] as number;
        const gamma = batchNorm.gamma[u] as number;
        const beta = batchNorm.beta[u] as number;
        sum0 = Math.max(0, ((sum0 - mean) / denominator) * gamma + beta);
        sum1 = Math.max(0, ((sum1 - mean) / denominator) * gamma + beta);
        sum2 = Math.max(0, ((sum2 - mean) / denominator) * gamma + beta);
        sum3 = Math.max(0, ((sum3 - mean) / denominator) * gamma + beta);
      }

      output[i * units + u] = sum0;
      output[(i + 1) * units + u] = sum1;
      output[(i + 2) * units + u] = sum2;
      output[(i + 3) * units + u] = sum3;
    }
  }

  for (let i = blocked; i < rows; i++) {
    for (let u = 0; u < units; u++) {
      let sum = bias[u] as number;
      for (let k = 0; k < inputs; k++) {
        sum += (input[i * inputs + k] as number) * (weights[u * inputs + k] as number);
      }

      output[i * units + u] = activate(layer, u, sum);
    }
  }

  return output;
}

/** Batch norm and ReLU of a hidden unit; the dense output as it is for an output layer. */
function activate({ batchNorm }: CompiledLayer, unit: number, sum: number): number {
  if (!batchNorm) {
    return sum;
  }

  const normalised =
    ((sum - (batchNorm.mean[unit] as number)) / (batchNorm.denominator[unit] as number)) *
      (batchNorm.gamma[unit] as number) +
    (batchNorm.beta[unit] as number);

  return Math.max(0, normalised);
}

/** Tells whether compileMember handles every predictor of the member: layered ones only. */
export function isCompilable(member: ModelMember): boolean {
  return member.predictors.every(({ type }) => type === "linear" || type === "network");
}

function compilePredictor(predictor: Predictor): CompiledLayer[] {
  if (predictor.type === "linear") {
    return [compileDense(predictor.dense)];
  }

  if (predictor.type !== "network") {
    throw new RangeError(`cannot compile a "${predictor.type}" predictor; use predictWithMember`);
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
