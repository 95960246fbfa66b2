/**
 * Builds network trainings that replay_networks.py repeats in PyTorch from the same
 * initial weights and batch order, so that the two implementations can be compared
 * prediction by prediction rather than only in distribution.
 */
import {
  type EvaluationConfig,
  getColumn,
  type Matrix,
  matrixToRows,
  type NetworkOptions,
  type NetworkPredictor,
  predictWithPredictor,
  scaleMatrix,
  selectColumns,
  selectRows,
  type Split,
  type Table,
  fitStandardScaler,
  trainNetworks,
  createRandom,
  shuffle,
} from "../../packages/core-ml/src/index.js";
import { createParameterLayout } from "../../packages/core-ml/src/network/fused/ParameterLayout.js";
import { initializeParameters } from "../../packages/core-ml/src/network/fused/initializeParameters.js";
import { readPredictor } from "../../packages/core-ml/src/network/fused/readPredictor.js";

export type NetworkModelName = "SINGLE_TASK" | "MULTI_TASK_EQUAL" | "MULTI_TASK_MEAN";

const NETWORK_MODELS: readonly NetworkModelName[] = [
  "SINGLE_TASK",
  "MULTI_TASK_EQUAL",
  "MULTI_TASK_MEAN",
];

/** One training of the fused engine with everything PyTorch needs to repeat it. */
export interface ReplayJob {
  model: NetworkModelName;
  /** Repetition whose split the job trains on, from 1. */
  repetition: number;
  options: NetworkOptions;
  /** Scaled training rows, features and targets. */
  x: number[][];
  y: number[][];
  initial: NetworkPredictor;
  /** Rows of x in the order the engine feeds them, one list per epoch. */
  batchOrders: number[][];
  /** Every sample of the table, scaled with the training rows' scaler. */
  evaluateX: number[][];
  /** The fused engine's scaled predictions for evaluateX, after training. */
  predicted: number[][];
}

/**
 * Trains the three network models on the first `count` splits with trainNetworks and
 * records the initial weights and batch orders that the engine used.
 *
 * NOTE: trainNetworks does not expose its initial weights or batch orders. This function
 * derives them as trainNetworks does in its current version: createRandom(seed) draws the
 * initial weights (initializeParameters) and then one shuffle of the rows per epoch. If
 * that derivation changes, the replay stops matching and the float64 check fails.
 */
export async function buildReplayJobs(
  table: Table,
  config: EvaluationConfig,
  splits: readonly Split[],
  count: number,
): Promise<ReplayJob[]> {
  const column = (name: string) => table.columns.findIndex((c) => c.name === name);
  const x = selectColumns(table.values, config.features.map(column));
  const y = selectColumns(table.values, config.targets.map(column));
  const pending = splits.slice(0, count).flatMap((split, r) =>
    NETWORK_MODELS.map((model, k) => {
      // Any seed works because the replay copies the initial weights; these differ per job.
      const seed = config.seed + 1000 * (r + 1) + k;

      return prepareJob(model, r + 1, split, x, y, { ...config.network, seed });
    }),
  );
  const trained = await trainNetworks(pending.map(({ job }) => job));

  return pending.map(({ replay }, i) => {
    const predictor = trained[i];
    if (predictor === undefined) {
      throw new Error(`trainNetworks returned no predictor for job ${i}`);
    }

    const predicted = predictWithPredictor(predictor, replay.evaluate);

    return { ...replay.record, predicted: matrixToRows(predicted) };
  });
}

function prepareJob(
  model: NetworkModelName,
  repetition: number,
  split: Split,
  x: Matrix,
  y: Matrix,
  network: EvaluationConfig["network"] & { seed: number },
) {
  const xTrain = selectRows(x, split.train);
  const yTrain = selectRows(model === "SINGLE_TASK" ? selectColumns(y, [0]) : y, split.train);
  const featureScaler = fitStandardScaler(xTrain);
  const scaledX = scaleMatrix(xTrain, featureScaler);
  const scaledY = scaleMatrix(yTrain, fitStandardScaler(yTrain));
  const lossWeights = Array.from({ length: yTrain.columns }, (_, j) =>
    model === "MULTI_TASK_MEAN" ? mean(getColumn(yTrain, j)) : 1,
  );
  const { hiddenUnits, learningRate, weightDecay, batchSize, epochs, seed } = network;
  const options: NetworkOptions = {
    hiddenUnits,
    learningRate,
    weightDecay,
    batchSize,
    epochs,
    lossWeights,
    seed,
  };

  const layout = createParameterLayout(scaledX.columns, hiddenUnits, scaledY.columns);
  const random = createRandom(seed);
  const { parameters, movingStatistics } = initializeParameters(layout, random);
  const rows = Array.from({ length: scaledX.rows }, (_, i) => i);
  const batchOrders = Array.from({ length: epochs }, () => shuffle(rows, random));
  const evaluate = scaleMatrix(x, featureScaler);

  return {
    job: { x: scaledX, y: scaledY, options },
    replay: {
      evaluate,
      record: {
        model,
        repetition,
        options,
        x: matrixToRows(scaledX),
        y: matrixToRows(scaledY),
        initial: readPredictor(layout, parameters, movingStatistics, 1, 0),
        batchOrders,
        evaluateX: matrixToRows(evaluate),
      },
    },
  };
}

function mean(values: Float64Array): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
