import type { NetworkPredictor } from "../../artifact/ModelArtifact.js";
import type { BatchTrainer, ModelSettings } from "./BatchTrainer.js";
import type { NetworkParameters } from "./initializeParameters.js";
import type { ParameterLayout } from "./ParameterLayout.js";
import { asymmetricSquaredError } from "./asymmetricSquaredError.js";
import { readPredictor } from "./readPredictor.js";
import { denseForward, denseInputGradient, denseKernelGradient } from "./scalarDense.js";
import {
  ADAM_BETA1,
  ADAM_BETA2,
  ADAM_EPSILON,
  BATCH_NORM_EPSILON,
  BATCH_NORM_MOMENTUM,
  unbiasedVarianceFactor,
} from "./trainingConstants.js";
import { firstTrainableParameter } from "./writeParameters.js";

/**
 * Trains one network in float64 with the TensorFlow.js engine's semantics,
 * except for the moving variance, which follows PyTorch's BatchNorm1d. Batch
 * norm in training mode normalises with the biased batch variance and moves the
 * moving statistics as `moving - (moving - batch) * (1 - momentum)`, where
 * `batch` is the batch mean and the unbiased batch variance
 * (unbiasedVarianceFactor gives the factor). The loss
 * is the weighted MSE (or the asymmetric loss, see asymmetricSquaredError)
 * plus weightDecay / 2 x the sum of squares of the trainable parameters,
 * minimised by TensorFlow.js's Adam update. Parameters of frozen blocks stay
 * fixed; their moving statistics still move.
 *
 * It is the readable reference of NetworkGroupTrainer, which performs the same
 * floating-point operations in the same order for many models at once. So both
 * return identical weights for the same job, and a change to one must be
 * mirrored in the other. trainNetworks uses it where WebAssembly SIMD is missing.
 *
 * Hot loops read typed arrays with `!`: every index is in bounds by
 * construction of the layout and buffers.
 */
export class NetworkTrainer implements BatchTrainer {
  /** Trainable parameters in ParameterLayout order. */
  readonly parameters: Float64Array;
  readonly movingStatistics: Float64Array;
  /**
   * Gradient of the weighted MSE from the last `computeGradients` call, without
   * the L2 term. The entries of the dense biases in front of a batch norm stay 0:
   * batch norm subtracts the batch mean, so these biases have no data gradient.
   *
   * NOTE: TensorFlow.js computes that gradient in float32 as rounding noise,
   * which Adam turns into full-size steps. With weightDecay 0, those biases and
   * the moving means therefore differ between the engines (by 4e-3 after 100
   * steps in the 6-20-6-17 equivalence test setup); with weightDecay > 0 the L2
   * gradient dominates the noise and the engines agree.
   */
  readonly gradients: Float64Array;
  private readonly layout: ParameterLayout;
  private readonly settings: ModelSettings;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly firstMoment: Float64Array;
  private readonly secondMoment: Float64Array;
  /** beta1^t and beta2^t after t steps, kept as running products as TensorFlow.js does. */
  private beta1Power = ADAM_BETA1;
  private beta2Power = ADAM_BETA2;
  /** [0] is the input batch, [l + 1] the ReLU output of hidden block l; rows of the batch. */
  private readonly activations: Float64Array[];
  /** Pre-activation, then the normalised value x-hat, of each hidden block. */
  private readonly normalized: Float64Array[];
  private readonly inverseStd: Float64Array[];
  /** Gradient of the loss with respect to activations[l + 1], then to block l's pre-activation. */
  private readonly blockGradients: Float64Array[];
  /** Predictions, then the gradient of the loss with respect to them. */
  private readonly outputGradients: Float64Array;
  /** Targets of the batch's rows, gathered for the asymmetric loss. */
  private readonly batchTargets: Float64Array;
  /** Per-unit scratch sums of the widest hidden block. */
  private readonly unitSumsA: Float64Array;
  private readonly unitSumsB: Float64Array;

  /**
   * @param x Scaled inputs, row-major [rows][layout.inputs].
   * @param y Scaled targets, row-major [rows][layout.outputs].
   * @param maxBatch Largest batch that trainBatch will receive.
   */
  constructor(
    layout: ParameterLayout,
    initial: NetworkParameters,
    settings: ModelSettings,
    x: Float64Array,
    y: Float64Array,
    maxBatch: number,
  ) {
    this.layout = layout;
    this.settings = settings;
    this.x = x;
    this.y = y;
    this.parameters = Float64Array.from(initial.parameters);
    this.movingStatistics = Float64Array.from(initial.movingStatistics);
    this.gradients = new Float64Array(layout.parameters);
    this.firstMoment = new Float64Array(layout.parameters);
    this.secondMoment = new Float64Array(layout.parameters);
    this.activations = [
      new Float64Array(maxBatch * layout.inputs),
      ...layout.hidden.map((block) => new Float64Array(maxBatch * block.units)),
    ];
    this.normalized = layout.hidden.map((block) => new Float64Array(maxBatch * block.units));
    this.inverseStd = layout.hidden.map((block) => new Float64Array(block.units));
    this.blockGradients = layout.hidden.map((block) => new Float64Array(maxBatch * block.units));
    this.outputGradients = new Float64Array(maxBatch * layout.outputs);
    this.batchTargets = new Float64Array(maxBatch * layout.outputs);
    const widest = Math.max(0, ...layout.hidden.map((block) => block.units));
    this.unitSumsA = new Float64Array(widest);
    this.unitSumsB = new Float64Array(widest);
  }

  trainBatch(
    orders: readonly (readonly number[])[],
    start: number,
    count: number,
    lossSums: Float64Array,
  ): void {
    const order = orders[0];
    if (order === undefined) {
      throw new RangeError("orders must contain the row order of the one model, got none");
    }

    const dataLoss = this.computeGradients(order, start, count);
    lossSums[0] = (lossSums[0] ?? 0) + dataLoss + this.applyAdam();
  }

  readPredictor(model: number): NetworkPredictor {
    if (model !== 0) {
      throw new RangeError(
        `model must be 0 because a NetworkTrainer trains one model, got ${model}`,
      );
    }

    return readPredictor(this.layout, this.parameters, this.movingStatistics, 1, 0);
  }

  /**
   * Runs the forward pass in training mode on rows `order[start .. start + count)`
   * (which updates the moving statistics), fills `gradients` and returns the
   * weighted MSE.
   */
  computeGradients(order: readonly number[], start: number, count: number): number {
    const { hidden } = this.layout;
    this.gatherInputs(order, start, count);
    for (let l = 0; l < hidden.length; l++) {
      this.forwardBlock(l, count);
    }

    const dataLoss = this.forwardOutput(order, start, count);
    this.backwardOutput(count);
    // Frozen blocks need no gradients, and nothing below them does either.
    for (let l = hidden.length - 1; l >= this.settings.frozenBlocks; l--) {
      this.backwardBlock(l, count);
    }

    return dataLoss;
  }

  /**
   * Applies one Adam step with the L2 gradient weightDecay x w added to
   * `gradients`, and returns the L2 penalty weightDecay / 2 x sum(w^2) of the
   * weights before the step. Parameters of frozen blocks neither move nor
   * count in the penalty, as PyTorch's Adam skips parameters without gradient.
   */
  applyAdam(): number {
    const { learningRate, weightDecay, frozenBlocks } = this.settings;
    const w = this.parameters;
    const g = this.gradients;
    const m = this.firstMoment;
    const v = this.secondMoment;
    // TensorFlow.js divides by 1 - beta^t; multiplying by the reciprocal saves two
    // divisions per parameter and changes the result by about one ulp.
    const correction1 = 1 / (1 - this.beta1Power);
    const correction2 = 1 / (1 - this.beta2Power);
    let squares = 0;
    for (let i = firstTrainableParameter(this.layout, frozenBlocks); i < w.length; i++) {
      const weight = w[i]!;
      squares += weight * weight;
      const gradient = g[i]! + weightDecay * weight;
      const first = ADAM_BETA1 * m[i]! + (1 - ADAM_BETA1) * gradient;
      const second = ADAM_BETA2 * v[i]! + (1 - ADAM_BETA2) * gradient * gradient;
      m[i] = first;
      v[i] = second;
      w[i] =
        ((first * correction1) / (Math.sqrt(second * correction2) + ADAM_EPSILON)) * -learningRate +
        weight;
    }

    this.beta1Power *= ADAM_BETA1;
    this.beta2Power *= ADAM_BETA2;

    return (weightDecay / 2) * squares;
  }

  private gatherInputs(order: readonly number[], start: number, count: number): void {
    const inputs = this.layout.inputs;
    const x = this.x;
    const batch = this.activations[0]!;
    for (let b = 0; b < count; b++) {
      const row = order[start + b]! * inputs;
      for (let i = 0; i < inputs; i++) {
        batch[b * inputs + i] = x[row + i]!;
      }
    }
  }

  private forwardBlock(l: number, count: number): void {
    const { fanIn, units, kernel, bias, gamma, beta, moving } = this.layout.hidden[l]!;
    const p = this.parameters;
    const output = this.activations[l + 1]!;
    const z = this.normalized[l]!;
    const inverseStd = this.inverseStd[l]!;
    const stats = this.movingStatistics;
    const means = this.unitSumsA;
    const variances = this.unitSumsB;
    const epsilon = BATCH_NORM_EPSILON;
    const decay = 1 - BATCH_NORM_MOMENTUM;
    const varianceFactor = unbiasedVarianceFactor(count);
    denseForward(p, kernel, bias, this.activations[l]!, fanIn, z, units, count);

    // Rows in the outer loops keep memory access contiguous; every unit still
    // sums its rows in order.
    means.fill(0);
    for (let b = 0; b < count; b++) {
      const row = b * units;
      for (let u = 0; u < units; u++) {
        means[u] = means[u]! + z[row + u]!;
      }
    }

    for (let u = 0; u < units; u++) {
      means[u] = means[u]! / count;
    }

    variances.fill(0);
    for (let b = 0; b < count; b++) {
      const row = b * units;
      for (let u = 0; u < units; u++) {
        const deviation = z[row + u]! - means[u]!;
        variances[u] = variances[u]! + deviation * deviation;
      }
    }

    for (let u = 0; u < units; u++) {
      const variance = variances[u]! / count;
      variances[u] = variance;
      inverseStd[u] = 1 / Math.sqrt(variance + epsilon);
      const movingMean = stats[moving + u]!;
      const movingVariance = stats[moving + units + u]!;
      stats[moving + u] = movingMean - (movingMean - means[u]!) * decay;
      const unbiasedVariance = variance * varianceFactor;
      stats[moving + units + u] = movingVariance - (movingVariance - unbiasedVariance) * decay;
    }

    for (let b = 0; b < count; b++) {
      const row = b * units;
      for (let u = 0; u < units; u++) {
        const i = row + u;
        const normalized = (z[i]! - means[u]!) * inverseStd[u]!;
        z[i] = normalized;
        const activation = p[gamma + u]! * normalized + p[beta + u]!;
        output[i] = activation > 0 ? activation : 0;
      }
    }
  }

  /**
   * Computes predictions, replaces them by dLoss/dPrediction, and returns the
   * weighted MSE or the asymmetric loss.
   */
  private forwardOutput(order: readonly number[], start: number, count: number): number {
    const { fanIn, units, kernel, bias } = this.layout.output;
    const input = this.activations[this.layout.hidden.length]!;
    const predictions = this.outputGradients;
    const y = this.y;
    const { lossWeights: weights, asymmetricLoss } = this.settings;
    denseForward(this.parameters, kernel, bias, input, fanIn, predictions, units, count);
    if (asymmetricLoss) {
      const targets = this.batchTargets;
      for (let b = 0; b < count; b++) {
        targets.set(
          y.subarray(order[start + b]! * units, (order[start + b]! + 1) * units),
          b * units,
        );
      }

      return asymmetricSquaredError(
        predictions,
        targets,
        weights,
        units,
        count,
        1,
        0,
        asymmetricLoss,
      );
    }

    // loss = sum_o w_o mean_b (p - y)^2, so dLoss/dp = 2 w_o (p - y) / count.
    const gradientScale = 2 / count;
    let loss = 0;
    for (let b = 0; b < count; b++) {
      const row = order[start + b]! * units;
      for (let o = 0; o < units; o++) {
        const i = b * units + o;
        const error = predictions[i]! - y[row + o]!;
        const weight = weights[o]!;
        loss += weight * error * error;
        predictions[i] = gradientScale * weight * error;
      }
    }

    return loss / count;
  }

  private backwardOutput(count: number): void {
    const { hidden, output } = this.layout;
    const { fanIn, units, kernel, bias } = output;
    const input = this.activations[hidden.length]!;
    const delta = this.outputGradients;
    const g = this.gradients;
    denseKernelGradient(g, kernel, input, fanIn, delta, units, count);
    for (let o = 0; o < units; o++) {
      let sum = 0;
      for (let b = 0; b < count; b++) {
        sum += delta[b * units + o]!;
      }

      g[bias + o] = sum;
    }

    const inputGradient = this.blockGradients[hidden.length - 1];
    if (inputGradient !== undefined) {
      denseInputGradient(this.parameters, kernel, delta, units, inputGradient, fanIn, count);
    }
  }

  private backwardBlock(l: number, count: number): void {
    const { fanIn, units, kernel, gamma, beta } = this.layout.hidden[l]!;
    const p = this.parameters;
    const g = this.gradients;
    const output = this.activations[l + 1]!;
    const normalized = this.normalized[l]!;
    const inverseStd = this.inverseStd[l]!;
    const delta = this.blockGradients[l]!;
    const betaGradients = this.unitSumsA;
    const gammaGradients = this.unitSumsB;
    betaGradients.fill(0);
    gammaGradients.fill(0);
    for (let b = 0; b < count; b++) {
      const row = b * units;
      for (let u = 0; u < units; u++) {
        const i = row + u;
        const gradient = output[i]! > 0 ? delta[i]! : 0;
        delta[i] = gradient;
        betaGradients[u] = betaGradients[u]! + gradient;
        gammaGradients[u] = gammaGradients[u]! + gradient * normalized[i]!;
      }
    }

    for (let u = 0; u < units; u++) {
      g[gamma + u] = gammaGradients[u]!;
      g[beta + u] = betaGradients[u]!;
      // Reused below as gamma / sigma / n.
      inverseStd[u] = (p[gamma + u]! * inverseStd[u]!) / count;
    }

    // Batch norm backward through the batch mean and variance:
    // dz = gamma / sigma / n * (n dy - sum dy - x-hat sum(dy x-hat)).
    for (let b = 0; b < count; b++) {
      const row = b * units;
      for (let u = 0; u < units; u++) {
        const i = row + u;
        delta[i] =
          inverseStd[u]! *
          (count * delta[i]! - betaGradients[u]! - normalized[i]! * gammaGradients[u]!);
      }
    }

    denseKernelGradient(g, kernel, this.activations[l]!, fanIn, delta, units, count);
    const inputGradient = this.blockGradients[l - 1];
    if (inputGradient !== undefined) {
      denseInputGradient(p, kernel, delta, units, inputGradient, fanIn, count);
    }
  }
}
