import type { NetworkPredictor } from "../../artifact/ModelArtifact.js";
import type { AsymmetricLoss } from "../NetworkEngine.js";
import { asymmetricSquaredError } from "./asymmetricSquaredError.js";
import type { BatchTrainer, ModelSettings } from "./BatchTrainer.js";
import type { NetworkParameters } from "./initializeParameters.js";
import type { ParameterLayout } from "./ParameterLayout.js";
import { planRegions, type Region, type Regions } from "./planRegions.js";
import { readPredictor } from "./readPredictor.js";
import {
  ADAM_BETA1,
  ADAM_BETA2,
  ADAM_EPSILON,
  BATCH_NORM_EPSILON,
  BATCH_NORM_MOMENTUM,
  unbiasedVarianceFactor,
} from "./trainingConstants.js";
import type { GroupKernels } from "./wasm/GroupKernels.js";
import { instantiateGroupKernels } from "./wasm/loadGroupKernels.js";
import { firstTrainableParameter } from "./writeParameters.js";

/** Data and settings of one model in a group. */
export interface GroupMember {
  initial: NetworkParameters;
  settings: ModelSettings;
  /** Scaled inputs, row-major [rows][layout.inputs]. */
  x: Float64Array;
  /** Scaled targets, row-major [rows][layout.outputs]. */
  y: Float64Array;
}

/**
 * Trains several networks of one layout in lockstep, one Adam step of every
 * model per trainBatch call, with the WebAssembly SIMD kernels of
 * wasm/GroupKernels.ts. All state is struct-of-arrays in the kernels' memory:
 * entry i of model m sits at i * lanes + m, with lanes the model count rounded
 * up to even. So every innermost loop runs across models, two per f64x2
 * operation. A padding lane contains zeros, learning rate 0 and loss weights 0.
 *
 * Per model it performs the same float64 operations in the same order as
 * NetworkTrainer (see there for the semantics), so a model trained here ends
 * with the same weights as when trained alone. A change to one must be
 * mirrored in the other.
 */
export class NetworkGroupTrainer implements BatchTrainer {
  readonly models: number;
  private readonly lanes: number;
  private readonly layout: ParameterLayout;
  private readonly kernels: GroupKernels;
  private readonly regions: Regions;
  private readonly xs: Float64Array[];
  private readonly ys: Float64Array[];
  /** Shared by every model of the group (trainNetworks groups jobs by them). */
  private readonly frozenBlocks: number;
  private readonly asymmetricLoss: AsymmetricLoss | null;
  private beta1Power = ADAM_BETA1;
  private beta2Power = ADAM_BETA2;

  private constructor(
    layout: ParameterLayout,
    members: readonly GroupMember[],
    kernels: GroupKernels,
    regions: Regions,
  ) {
    this.models = members.length;
    this.lanes = laneCount(members.length);
    this.layout = layout;
    this.kernels = kernels;
    this.regions = regions;
    this.xs = members.map((member) => member.x);
    this.ys = members.map((member) => member.y);
    this.frozenBlocks = members[0]?.settings.frozenBlocks ?? 0;
    this.asymmetricLoss = members[0]?.settings.asymmetricLoss ?? null;
    members.forEach(({ initial, settings }, m) => {
      this.scatter(regions.parameters.view, initial.parameters, m);
      this.scatter(regions.movingStatistics.view, initial.movingStatistics, m);
      this.scatter(regions.lossWeights.view, settings.lossWeights, m);
      regions.learningRates.view[m] = settings.learningRate;
      regions.weightDecays.view[m] = settings.weightDecay;
    });
  }

  /**
   * Allocates the kernels' memory for `members` and copies in their initial
   * weights and settings.
   * @param maxBatch Largest batch that trainBatch will receive.
   */
  static async create(
    layout: ParameterLayout,
    members: readonly GroupMember[],
    maxBatch: number,
  ): Promise<NetworkGroupTrainer> {
    if (members.length === 0) {
      throw new RangeError("a NetworkGroupTrainer needs at least one member, got none");
    }

    const lanes = laneCount(members.length);
    const plan = planRegions(layout, lanes, maxBatch);
    const { kernels, buffer } = await instantiateGroupKernels(plan.bytes);

    return new NetworkGroupTrainer(layout, members, kernels, plan.regions(buffer));
  }

  trainBatch(
    orders: readonly (readonly number[])[],
    start: number,
    count: number,
    lossSums: Float64Array,
  ): void {
    if (orders.length !== this.models) {
      throw new RangeError(
        `orders must contain one row order per model (${this.models}), got ${orders.length}`,
      );
    }

    const { hidden } = this.layout;
    this.gather(orders, start, count);
    for (let l = 0; l < hidden.length; l++) {
      this.forwardBlock(l, count);
    }

    this.forwardOutput(count);
    this.backwardOutput(count);
    for (let l = hidden.length - 1; l >= this.frozenBlocks; l--) {
      this.backwardBlock(l, count);
    }

    this.applyAdam();
    const dataLosses = this.regions.losses.view;
    const penalties = this.regions.penalties.view;
    for (let m = 0; m < this.models; m++) {
      lossSums[m] = (lossSums[m] ?? 0) + (dataLosses[m] ?? NaN) + (penalties[m] ?? NaN);
    }
  }

  readPredictor(model: number): NetworkPredictor {
    if (!Number.isInteger(model) || model < 0 || model >= this.models) {
      throw new RangeError(`model must be an integer from 0 to ${this.models - 1}, got ${model}`);
    }

    const { parameters, movingStatistics } = this.regions;

    return readPredictor(this.layout, parameters.view, movingStatistics.view, this.lanes, model);
  }

  /** Writes one model's vector into lane `model` of a struct-of-arrays view. */
  private scatter(target: Float64Array, values: Float64Array, model: number): void {
    for (let i = 0; i < values.length; i++) {
      target[i * this.lanes + model] = values[i] ?? NaN;
    }
  }

  /** Byte address of row `row` of a parameter-layout region. */
  private row(region: Region, row: number): number {
    return region.address + row * this.lanes * 8;
  }

  private gather(orders: readonly (readonly number[])[], start: number, count: number): void {
    const { inputs, outputs } = this.layout;
    const lanes = this.lanes;
    const batch = this.regions.activations[0]!.view;
    const targets = this.regions.targets.view;
    for (let m = 0; m < this.models; m++) {
      const order = orders[m]!;
      const x = this.xs[m]!;
      const y = this.ys[m]!;
      for (let b = 0; b < count; b++) {
        const row = order[start + b]!;
        for (let i = 0; i < inputs; i++) {
          batch[(b * inputs + i) * lanes + m] = x[row * inputs + i]!;
        }

        for (let o = 0; o < outputs; o++) {
          targets[(b * outputs + o) * lanes + m] = y[row * outputs + o]!;
        }
      }
    }
  }

  private forwardBlock(l: number, count: number): void {
    const { fanIn, units, kernel, bias, gamma, beta, moving } = this.layout.hidden[l]!;
    const { parameters, movingStatistics, activations, normalized, inverseStd } = this.regions;
    const z = normalized[l]!.address;
    this.kernels.denseForward(
      this.row(parameters, kernel),
      this.row(parameters, bias),
      activations[l]!.address,
      fanIn,
      z,
      units,
      count,
      this.lanes,
    );
    this.kernels.batchNormForward(
      z,
      activations[l + 1]!.address,
      units,
      count,
      this.row(parameters, gamma),
      this.row(parameters, beta),
      inverseStd[l]!.address,
      this.row(movingStatistics, moving),
      this.row(movingStatistics, moving + units),
      this.lanes,
      BATCH_NORM_EPSILON,
      1 - BATCH_NORM_MOMENTUM,
      unbiasedVarianceFactor(count),
    );
  }

  private forwardOutput(count: number): void {
    const { fanIn, units, kernel, bias } = this.layout.output;
    const { parameters, activations, outputGradients, targets, lossWeights, losses } = this.regions;
    this.kernels.denseForward(
      this.row(parameters, kernel),
      this.row(parameters, bias),
      activations[this.layout.hidden.length]!.address,
      fanIn,
      outputGradients.address,
      units,
      count,
      this.lanes,
    );
    if (this.asymmetricLoss) {
      this.asymmetricError(count, this.asymmetricLoss);

      return;
    }

    // loss = sum_o w_o mean_b (p - y)^2, so dLoss/dp = 2 w_o (p - y) / count.
    this.kernels.weightedSquaredError(
      outputGradients.address,
      targets.address,
      lossWeights.address,
      units,
      count,
      losses.address,
      this.lanes,
      2 / count,
    );
  }

  /**
   * The asymmetric loss in JavaScript, lane by lane, with the same function as
   * NetworkTrainer. Padding lanes have loss weights 0 and so get gradient 0.
   */
  private asymmetricError(count: number, loss: AsymmetricLoss): void {
    const { outputGradients, targets, lossWeights, losses } = this.regions;
    const units = this.layout.outputs;
    for (let lane = 0; lane < this.lanes; lane++) {
      losses.view[lane] = asymmetricSquaredError(
        outputGradients.view,
        targets.view,
        lossWeights.view,
        units,
        count,
        this.lanes,
        lane,
        loss,
      );
    }
  }

  private backwardOutput(count: number): void {
    const { hidden, output } = this.layout;
    const { fanIn, units, kernel, bias } = output;
    const { parameters, gradients, activations, outputGradients, blockGradients } = this.regions;
    const delta = outputGradients.address;
    this.kernels.denseKernelGradient(
      this.row(gradients, kernel),
      activations[hidden.length]!.address,
      fanIn,
      delta,
      units,
      count,
      this.lanes,
    );
    this.kernels.biasGradient(delta, units, count, this.row(gradients, bias), this.lanes);
    const inputGradient = blockGradients[hidden.length - 1];
    if (inputGradient !== undefined) {
      this.kernels.denseInputGradient(
        this.row(parameters, kernel),
        delta,
        units,
        inputGradient.address,
        fanIn,
        count,
        this.lanes,
      );
    }
  }

  private backwardBlock(l: number, count: number): void {
    const { fanIn, units, kernel, gamma, beta } = this.layout.hidden[l]!;
    const { parameters, gradients, activations, normalized, inverseStd, blockGradients } =
      this.regions;
    const delta = blockGradients[l]!.address;
    this.kernels.batchNormBackward(
      activations[l + 1]!.address,
      normalized[l]!.address,
      delta,
      units,
      count,
      this.row(parameters, gamma),
      inverseStd[l]!.address,
      this.row(gradients, gamma),
      this.row(gradients, beta),
      this.lanes,
    );
    this.kernels.denseKernelGradient(
      this.row(gradients, kernel),
      activations[l]!.address,
      fanIn,
      delta,
      units,
      count,
      this.lanes,
    );
    const inputGradient = blockGradients[l - 1];
    if (inputGradient !== undefined) {
      this.kernels.denseInputGradient(
        this.row(parameters, kernel),
        delta,
        units,
        inputGradient.address,
        fanIn,
        count,
        this.lanes,
      );
    }
  }

  /** Adam on the trainable parameters, which follow the frozen ones in the layout. */
  private applyAdam(): void {
    const { parameters, gradients, firstMoment, secondMoment } = this.regions;
    const { learningRates, weightDecays, penalties } = this.regions;
    const first = firstTrainableParameter(this.layout, this.frozenBlocks);
    this.kernels.adam(
      this.row(parameters, first),
      this.row(gradients, first),
      this.row(firstMoment, first),
      this.row(secondMoment, first),
      this.layout.parameters - first,
      learningRates.address,
      weightDecays.address,
      penalties.address,
      this.lanes,
      ADAM_BETA1,
      ADAM_BETA2,
      ADAM_EPSILON,
      1 / (1 - this.beta1Power),
      1 / (1 - this.beta2Power),
    );
    this.beta1Power *= ADAM_BETA1;
    this.beta2Power *= ADAM_BETA2;
  }
}

/** Models rounded up to a whole number of f64x2 vectors. */
function laneCount(models: number): number {
  return 2 * Math.ceil(models / 2);
}
