import type { NetworkPredictor } from "../../artifact/ModelArtifact.js";
import { createRandom, type Random, shuffle } from "../../random/createRandom.js";
import type { JobEpochEnd, TrainingJob } from "../NetworkEngine.js";
import type { BatchTrainer, ModelSettings } from "./BatchTrainer.js";
import { checkTrainingJob } from "../checkTrainingJob.js";
import { initializeParameters, type NetworkParameters } from "./initializeParameters.js";
import { NetworkGroupTrainer } from "./NetworkGroupTrainer.js";
import { NetworkTrainer } from "./NetworkTrainer.js";
import { createParameterLayout, type ParameterLayout } from "./ParameterLayout.js";
import { groupKernelsSupported } from "./wasm/loadGroupKernels.js";
import { writeParameters } from "./writeParameters.js";

/**
 * Maximum number of models in one struct-of-arrays group. In scratch runs on the
 * shared 2-CPU machine of bench/RESULTS.md, groups of 8 to 32 models took 4.7
 * to 6.6 µs per model-step with no trend beyond the noise. Each model
 * adds about 24 KB of state (6-20-6-17 network, batch 10) that every step walks
 * through. Results do not depend on it.
 */
const MAX_GROUP_SIZE = 32;

/** Training time in milliseconds between yields to the event loop. */
const YIELD_INTERVAL_MS = 10;

/**
 * Trains many networks at once with the fused float64 kernels and returns
 * their predictors in job order. Jobs that share the network shape, row count,
 * batch size and epochs train together, interleaved across models (see
 * NetworkGroupTrainer). Each job keeps its own learning rate, weight decay,
 * loss weights, seed and initial weights, and ends with exactly the weights it gets when
 * trained alone. Without WebAssembly SIMD, each job trains alone on the scalar
 * NetworkTrainer, with the same results.
 *
 * Per job it reproduces the TensorFlow.js engine: the same initial weights
 * and batch order from `options.seed`, and the same update rules, in float64
 * where TensorFlow.js computes in float32. The exception is the moving
 * variance, which follows PyTorch's unbiased rule (see unbiasedVarianceFactor).
 *
 * @param onEpochEnd Called after every epoch of every job. An exception thrown
 *   there, such as an abort, stops the training and rejects the promise.
 * @throws RangeError for an invalid job, before any training starts.
 */
export async function trainNetworks(
  jobs: readonly TrainingJob[],
  onEpochEnd?: (event: JobEpochEnd) => void,
): Promise<NetworkPredictor[]> {
  jobs.forEach(({ x, y, options }) => checkTrainingJob(x, y, options));
  const predictors: NetworkPredictor[] = new Array<NetworkPredictor>(jobs.length);
  const clock = { lastYield: performance.now() };
  const simd = groupKernelsSupported();
  const groupSize = simd ? MAX_GROUP_SIZE : 1;
  for (const group of groupJobs(jobs)) {
    for (let start = 0; start < group.length; start += groupSize) {
      const indices = group.slice(start, start + groupSize);
      const trained = await trainGroup(indices, jobs, { simd, clock }, onEpochEnd);
      indices.forEach((index, m) => {
        predictors[index] = trained[m] as NetworkPredictor;
      });
    }
  }

  return predictors;
}

/**
 * Job indices grouped by everything that fixes the batch schedule, the buffers,
 * the frozen parameters and the loss, which jobs must share to train in one group.
 */
export function groupJobs(jobs: readonly TrainingJob[]): number[][] {
  const groups = new Map<string, number[]>();
  jobs.forEach(({ x, y, options }, index) => {
    const key = [
      x.columns,
      options.hiddenUnits.join("-"),
      y.columns,
      x.rows,
      options.batchSize,
      options.epochs,
      options.frozenBlocks ?? 0,
      options.asymmetricLoss?.side ?? "",
      options.asymmetricLoss?.output ?? "",
    ].join("/");
    const group = groups.get(key);
    if (group) {
      group.push(index);
    } else {
      groups.set(key, [index]);
    }
  });

  return [...groups.values()];
}

interface GroupContext {
  /** Whether to use the WebAssembly SIMD kernels; without them a group contains one job. */
  simd: boolean;
  clock: { lastYield: number };
}

async function trainGroup(
  indices: readonly number[],
  jobs: readonly TrainingJob[],
  { simd, clock }: GroupContext,
  onEpochEnd?: (event: JobEpochEnd) => void,
): Promise<NetworkPredictor[]> {
  const first = jobs[indices[0] ?? -1];
  if (first === undefined) {
    return [];
  }

  const { x, y, options } = first;
  const { batchSize, epochs } = options;
  const layout = createParameterLayout(x.columns, options.hiddenUnits, y.columns);
  const members = indices.map((index) => prepareMember(layout, jobs[index] as TrainingJob));
  // The SIMD trainer is faster even for one model, whose padding lane costs little.
  const trainer: BatchTrainer = simd
    ? await NetworkGroupTrainer.create(layout, members, batchSize)
    : createScalarTrainer(layout, members, batchSize);

  const rows = Array.from({ length: x.rows }, (_, i) => i);
  const lossSums = new Float64Array(members.length);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const orders = members.map((member) => shuffle(rows, member.random));
    lossSums.fill(0);
    let batches = 0;
    for (let start = 0; start < rows.length; start += batchSize) {
      trainer.trainBatch(orders, start, Math.min(batchSize, rows.length - start), lossSums);
      batches++;
    }

    indices.forEach((job, m) => {
      onEpochEnd?.({ job, epoch, epochs, loss: (lossSums[m] ?? NaN) / batches });
    });
    // Let timers and I/O run now and then, so a server in the same process stays responsive.
    if (performance.now() - clock.lastYield >= YIELD_INTERVAL_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      clock.lastYield = performance.now();
    }
  }

  return members.map((_, m) => trainer.readPredictor(m));
}

function createScalarTrainer(
  layout: ParameterLayout,
  members: readonly PreparedMember[],
  batchSize: number,
): NetworkTrainer {
  const [member] = members;
  if (member === undefined || members.length > 1) {
    throw new RangeError(`the scalar trainer takes exactly one model, got ${members.length}`);
  }

  const { initial, settings, x, y } = member;

  return new NetworkTrainer(layout, initial, settings, x, y, batchSize);
}

interface PreparedMember {
  initial: NetworkParameters;
  settings: ModelSettings;
  /** Continues after the initial weights to draw the batch order of every epoch. */
  random: Random;
  x: Float64Array;
  y: Float64Array;
}

function prepareMember(layout: ParameterLayout, { x, y, options }: TrainingJob): PreparedMember {
  const random = createRandom(options.seed);
  // Drawn even when fine-tuning, so that a seed gives the same batch order either way.
  const drawn = initializeParameters(layout, random);
  const initial = options.initialWeights ? writeParameters(layout, options.initialWeights) : drawn;
  const weightSum = options.lossWeights.reduce((sum, weight) => sum + weight, 0);

  return {
    initial,
    settings: {
      learningRate: options.learningRate,
      weightDecay: options.weightDecay,
      lossWeights: Float64Array.from(options.lossWeights, (weight) => weight / weightSum),
      frozenBlocks: options.frozenBlocks ?? 0,
      asymmetricLoss: options.asymmetricLoss ?? null,
    },
    random,
    x: x.data,
    y: y.data,
  };
}
