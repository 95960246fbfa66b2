import { type ConfusionMatrix, countConfusion } from "../analysis/ConfusionMatrix.js";
import { percentile } from "../analysis/percentile.js";
import type { ModelArtifact, ModelMember, NetworkPredictor } from "../artifact/ModelArtifact.js";
import { predictWithArtifact } from "../artifact/predictWithArtifact.js";
import { predictWithMember } from "../artifact/predictWithMember.js";
import type { EvaluationConfig } from "../evaluation/EvaluationConfig.js";
import type { EvaluateRepeatedOptions, EvaluationData } from "../evaluation/evaluateRepeated.js";
import { meanAbsolutePercentageError, r2Score } from "../evaluation/metrics.js";
import { type Summary, summarize } from "../evaluation/summarize.js";
import { trainAll } from "../evaluation/trainAll.js";
import {
  createMatrix,
  getColumn,
  type Matrix,
  selectColumns,
  selectRows,
} from "../matrix/Matrix.js";
import type { NetworkOptions, TrainingJob } from "../network/NetworkEngine.js";
import { fitStandardScaler, scaleMatrix } from "../preprocessing/standardScaler.js";
import { createRandom, shuffle } from "../random/createRandom.js";
import { frozenActivations } from "./frozenActivations.js";
import type { TransferConfig } from "./TransferConfig.js";

/**
 * AS_IS: the parent ensemble unchanged. FROM_SCRATCH: the parent's
 * architecture trained on the draw's training rows from random weights.
 * FINE_TUNED: the parent's members trained further on those rows with the
 * frozen layers fixed.
 */
export type TransferApproach = "AS_IS" | "FROM_SCRATCH" | "FINE_TUNED";

export const TRANSFER_APPROACHES: readonly TransferApproach[] = [
  "AS_IS",
  "FROM_SCRATCH",
  "FINE_TUNED",
];

/** Scores of one approach on the test rows of one draw, on the first target. */
export interface TransferDrawScore {
  /** Null where undefined, e.g. for test rows of equal measured values. */
  r2: number | null;
  /** In %. */
  mape: number | null;
  confusion: ConfusionMatrix;
}

/** Mean and sample sd over the draws of each count of a confusion matrix. */
export interface ConfusionSummary {
  truePositives: Summary;
  falsePositives: Summary;
  trueNegatives: Summary;
  falseNegatives: Summary;
}

export interface TransferApproachResult {
  approach: TransferApproach;
  r2: Summary;
  mape: Summary;
  confusion: ConfusionSummary;
  /** Counts summed over the draws. */
  confusionTotal: ConfusionMatrix;
  /** One score per draw, in draw order. */
  draws: TransferDrawScore[];
}

export interface TransferResult {
  parentModelId: string;
  /** The scored target: the first of the parent's targets. */
  target: string;
  /** High/low threshold of the confusion matrices, in the target's unit. */
  threshold: number;
  /** Training rows of each draw, as row indices of the data; the other rows are its test rows. */
  trainRows: number[][];
  approaches: TransferApproachResult[];
  /** Mean wall-clock seconds per trained network. */
  secondsPerTraining: number;
}

/** A planned network: which draw and approach it serves, and from which parent member. */
interface PlannedNetwork {
  draw: number;
  approach: "FROM_SCRATCH" | "FINE_TUNED";
  member: number;
  job: TrainingJob;
  /** Frozen blocks in front of the trained network, which trained on their outputs. */
  frozen?: NetworkPredictor;
}

/** One draw's rows, its seed, and the scalers that FROM_SCRATCH fits on its training rows. */
interface Draw {
  train: number[];
  test: number[];
  seed: number;
  scalers: Pick<ModelMember, "featureScaler" | "targetScaler">;
}

/**
 * Scores three ways to carry `parent` over to `data` (see TransferApproach)
 * over `config.transfer.draws` random draws of `trainingSize` training rows,
 * each tested on the remaining rows.
 *
 * Every approach predicts with the mean of an ensemble as large as the
 * parent. Each parent member gives one fine-tuned member, which keeps the
 * member's scalers. FROM_SCRATCH trains as many members from random weights,
 * with scalers fitted on the draw's training rows. The confusion matrices
 * split at `config.screeningThreshold`, or else at the median of the first
 * target over every row of `data`.
 * @throws RangeError for a config without transfer settings.
 */
export async function evaluateTransfer(
  data: EvaluationData,
  parent: ModelArtifact,
  config: EvaluationConfig,
  options: EvaluateRepeatedOptions,
): Promise<TransferResult> {
  const transfer = config.transfer;
  if (!transfer) {
    throw new RangeError(
      "a TRANSFER run needs its transfer settings; resolve it with resolveTransferConfig",
    );
  }

  const x = selectColumns(data.values, columnIndices(data, config.features));
  const y = selectColumns(data.values, columnIndices(data, config.targets));
  const measured = getColumn(y, 0);
  const threshold = config.screeningThreshold ?? percentile(measured, 50);
  const draws = drawRows(x, y, transfer, config.seed);
  const planned = draws.flatMap((draw, d) => planNetworks(d, draw, x, y, parent, config, transfer));

  const started = performance.now();
  const trained = await trainAll(
    options.engine,
    planned.map(({ job }) => job),
    (event, fraction) => {
      options.onProgress?.({
        repetition: (planned[event.job]?.draw ?? 0) + 1,
        repetitions: transfer.draws,
        modelKind: "MULTI_TASK",
        epoch: event.epoch,
        epochs: event.epochs,
        fraction,
        message: `fine-tuning and training ${planned.length} networks, epoch ${event.epoch}/${event.epochs}`,
      });
    },
    options.signal,
  );
  const secondsPerTraining = (performance.now() - started) / 1000 / Math.max(1, planned.length);

  const asIs = predictWithArtifact(parent, x).mean;
  const scores = draws.map((draw, d) => {
    const ensembles = {
      FROM_SCRATCH: collectMembers(planned, trained, d, "FROM_SCRATCH", parent, draw),
      FINE_TUNED: collectMembers(planned, trained, d, "FINE_TUNED", parent, draw),
    };
    const predicted: Record<TransferApproach, Matrix> = {
      AS_IS: asIs,
      FROM_SCRATCH: predictMean(ensembles.FROM_SCRATCH, x),
      FINE_TUNED: predictMean(ensembles.FINE_TUNED, x),
    };

    return TRANSFER_APPROACHES.map((approach) =>
      scoreDraw(measured, getColumn(predicted[approach], 0), draw.test, threshold),
    );
  });

  return {
    parentModelId: transfer.parentModelId,
    target: config.targets[0] ?? "",
    threshold,
    trainRows: draws.map((draw) => draw.train),
    approaches: TRANSFER_APPROACHES.map((approach, a) =>
      summarizeApproach(
        approach,
        scores.map((draw) => draw[a] as TransferDrawScore),
      ),
    ),
    secondsPerTraining,
  };
}

/** Draws the training rows of every draw, each from its own seed, sorted for reading. */
function drawRows(x: Matrix, y: Matrix, transfer: TransferConfig, seed: number): Draw[] {
  const master = createRandom(seed);
  const all = Array.from({ length: y.rows }, (_, i) => i);
  const byRow = (a: number, b: number) => a - b;

  return Array.from({ length: transfer.draws }, () => {
    const drawSeed = master.nextSeed();
    const order = shuffle(all, createRandom(drawSeed));
    const train = order.slice(0, transfer.trainingSize).sort(byRow);

    return {
      train,
      test: order.slice(transfer.trainingSize).sort(byRow),
      seed: drawSeed,
      scalers: {
        featureScaler: fitStandardScaler(selectRows(x, train)),
        targetScaler: fitStandardScaler(selectRows(y, train)),
      },
    };
  });
}

/**
 * Lists one FROM_SCRATCH and one FINE_TUNED network per parent member for a
 * draw. Both train with the run's network settings; the asymmetric loss, when
 * set, applies to fine-tuning only, as in the study.
 */
function planNetworks(
  d: number,
  draw: Draw,
  x: Matrix,
  y: Matrix,
  parent: ModelArtifact,
  config: EvaluationConfig,
  transfer: TransferConfig,
): PlannedNetwork[] {
  const xTrain = selectRows(x, draw.train);
  const yTrain = selectRows(y, draw.train);
  const lossWeights =
    config.network.lossWeighting === "MEAN"
      ? config.targets.map((_, j) => mean(getColumn(yTrain, j)))
      : config.targets.map(() => 1);
  const base: NetworkOptions = { ...config.network, lossWeights, seed: 0 };
  const hiddenLayers = config.network.hiddenUnits.length;

  return parent.members.flatMap((member, m): PlannedNetwork[] => [
    {
      draw: d,
      approach: "FROM_SCRATCH",
      member: m,
      job: {
        x: scaleMatrix(xTrain, draw.scalers.featureScaler),
        y: scaleMatrix(yTrain, draw.scalers.targetScaler),
        options: { ...base, seed: draw.seed + 7919 * (m + 1) },
      },
    },
    fineTuningNetwork(d, draw, m, member, xTrain, yTrain, base, transfer, hiddenLayers),
  ]);
}

/**
 * Plans the fine-tuning of one parent member. With frozen batch norm in
 * INFERENCE mode, the frozen blocks are a fixed map of the inputs, so the
 * network trained is only the trainable tail, on the frozen blocks' outputs.
 */
function fineTuningNetwork(
  d: number,
  draw: Draw,
  m: number,
  member: ModelMember,
  xTrain: Matrix,
  yTrain: Matrix,
  base: NetworkOptions,
  transfer: TransferConfig,
  hiddenLayers: number,
): PlannedNetwork {
  const parent = member.predictors[0] as NetworkPredictor;
  const frozenBlocks = hiddenLayers - transfer.fineTunedHiddenLayers;
  const x = scaleMatrix(xTrain, member.featureScaler);
  const y = scaleMatrix(yTrain, member.targetScaler);
  const options: NetworkOptions = {
    ...base,
    seed: draw.seed + 7919 * (m + 1) + 1,
    ...(transfer.asymmetricLoss && {
      asymmetricLoss: { side: transfer.asymmetricLoss, output: 0 },
    }),
  };
  if (transfer.frozenBatchNorm === "TRAINING") {
    return {
      draw: d,
      approach: "FINE_TUNED",
      member: m,
      job: { x, y, options: { ...options, initialWeights: parent, frozenBlocks } },
    };
  }

  return {
    draw: d,
    approach: "FINE_TUNED",
    member: m,
    frozen: { ...parent, hidden: parent.hidden.slice(0, frozenBlocks) },
    job: {
      x: frozenActivations(parent, frozenBlocks, x),
      y,
      options: {
        ...options,
        hiddenUnits: base.hiddenUnits.slice(frozenBlocks),
        initialWeights: { ...parent, hidden: parent.hidden.slice(frozenBlocks) },
      },
    },
  };
}

/** Collects the members that one approach trained for one draw, with the scalers of their networks. */
function collectMembers(
  planned: readonly PlannedNetwork[],
  trained: readonly NetworkPredictor[],
  d: number,
  approach: PlannedNetwork["approach"],
  parent: ModelArtifact,
  draw: Draw,
): ModelMember[] {
  return planned.flatMap((network, i) => {
    if (network.draw !== d || network.approach !== approach) {
      return [];
    }

    const parentMember = parent.members[network.member] as ModelMember;
    const scalers = approach === "FINE_TUNED" ? parentMember : draw.scalers;

    return [
      {
        featureScaler: scalers.featureScaler,
        targetScaler: scalers.targetScaler,
        predictors: [joinFrozen(network.frozen, trained[i] as NetworkPredictor)],
      },
    ];
  });
}

/** Puts frozen blocks back in front of the network trained on their outputs. */
function joinFrozen(
  frozen: NetworkPredictor | undefined,
  trained: NetworkPredictor,
): NetworkPredictor {
  return frozen ? { ...trained, hidden: [...frozen.hidden, ...trained.hidden] } : trained;
}

/** Ensemble mean of the members' predictions, rows x targets. */
function predictMean(members: readonly ModelMember[], x: Matrix): Matrix {
  const outputs = members.map((member) => predictWithMember(member, x));
  const sum = createMatrix(x.rows, outputs[0]?.columns ?? 0);
  for (const output of outputs) {
    output.data.forEach((value, i) => (sum.data[i] = (sum.data[i] ?? 0) + value));
  }

  sum.data.forEach((value, i) => (sum.data[i] = value / outputs.length));

  return sum;
}

function scoreDraw(
  measured: Float64Array,
  predicted: Float64Array,
  test: readonly number[],
  threshold: number,
): TransferDrawScore {
  const truth = test.map((row) => measured[row] ?? NaN);
  const guess = test.map((row) => predicted[row] ?? NaN);

  return {
    r2: r2Score(truth, guess),
    mape: meanAbsolutePercentageError(truth, guess),
    confusion: countConfusion(truth, guess, threshold, threshold),
  };
}

function summarizeApproach(
  approach: TransferApproach,
  draws: TransferDrawScore[],
): TransferApproachResult {
  const cells = ["truePositives", "falsePositives", "trueNegatives", "falseNegatives"] as const;
  const confusion = {} as ConfusionSummary;
  const confusionTotal = {} as ConfusionMatrix;
  for (const cell of cells) {
    const counts = draws.map((draw) => draw.confusion[cell]);
    confusion[cell] = summarize(counts);
    confusionTotal[cell] = counts.reduce((sum, count) => sum + count, 0);
  }

  return {
    approach,
    r2: summarize(draws.map((draw) => draw.r2)),
    mape: summarize(draws.map((draw) => draw.mape)),
    confusion,
    confusionTotal,
    draws,
  };
}

function columnIndices(data: EvaluationData, names: readonly string[]): number[] {
  return names.map((name) => {
    const index = data.columns.findIndex((column) => column.name === name);
    if (index < 0) {
      throw new RangeError(`the data has no column "${name}", which the parent model needs`);
    }

    return index;
  });
}

function mean(values: Float64Array): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
