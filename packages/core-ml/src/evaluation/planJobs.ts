import { getColumn, type Matrix, selectColumns } from "../matrix/Matrix.js";
import type { ModelKind } from "../artifact/ModelArtifact.js";
import type { TrainingJob } from "../network/NetworkEngine.js";
import type { EvaluationConfig } from "./EvaluationConfig.js";
import type { Repetition } from "./prepareRepetition.js";

/** Fixed per kind, so that adding a kind to a run leaves the others' initial weights alone. */
const KIND_SEED_OFFSET: Readonly<Record<ModelKind, number>> = {
  LINEAR: 1,
  SINGLE_TASK: 2,
  MULTI_TASK: 3,
  RANDOM_FOREST: 4,
  GRADIENT_BOOSTING: 5,
  SVR: 6,
};

/** Seed of a model kind in a repetition; a kind's j-th model of the repetition takes seed + j. */
export function modelSeed(repetitionSeed: number, kind: ModelKind): number {
  return repetitionSeed + 7919 * KIND_SEED_OFFSET[kind];
}

export interface PlannedJob {
  repetition: number;
  /** Index of the model kind in config.models. */
  kind: number;
  job: TrainingJob;
}

/**
 * Lists the networks to train: one multi-task network, or one single-task
 * network per target, for each repetition. Seeds depend on the repetition, the
 * model kind and the target only, so a kind trains the same networks whatever
 * other kinds the run lists, and on any engine.
 */
export function planJobs(
  repetitions: readonly Repetition[],
  config: EvaluationConfig,
): PlannedJob[] {
  return repetitions.flatMap((repetition, r) =>
    config.models.flatMap((kind, k): PlannedJob[] => {
      const seed = modelSeed(repetition.seed, kind);
      const { scaledX: x, scaledY: y, yTrain } = repetition;
      switch (kind) {
        case "LINEAR":
        case "RANDOM_FOREST":
        case "GRADIENT_BOOSTING":
        case "SVR":
          return [];
        case "MULTI_TASK": {
          const lossWeights = multiTaskLossWeights(config, yTrain);

          return [
            {
              repetition: r,
              kind: k,
              job: { x, y, options: { ...config.network, lossWeights, seed } },
            },
          ];
        }

        case "SINGLE_TASK":
          return config.targets.map((_, j) => ({
            repetition: r,
            kind: k,
            job: {
              x,
              y: selectColumns(y, [j]),
              options: { ...config.network, lossWeights: [1], seed: seed + j },
            },
          }));
      }
    }),
  );
}

function multiTaskLossWeights({ network, targets }: EvaluationConfig, yTrain: Matrix): number[] {
  switch (network.lossWeighting) {
    case "EQUAL":
      return targets.map(() => 1);
    case "MEAN":
      return targets.map((_, j) => mean(getColumn(yTrain, j)));
    case "CUSTOM":
      return network.lossWeights ?? [];
  }
}

function mean(values: Float64Array): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
