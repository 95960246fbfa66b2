import type { EvaluationData } from "../evaluation/evaluateRepeated.js";
import { DEFAULT_NETWORK, type NetworkConfig } from "../evaluation/EvaluationConfig.js";
import { summarize, type Summary } from "../evaluation/summarize.js";
import { getColumn, selectColumns } from "../matrix/Matrix.js";
import { createRandom } from "../random/createRandom.js";
import { drawValidationSplit } from "./drawValidationSplit.js";
import {
  type FeatureSetCandidate,
  scoreFeatureSets,
  type SelectionMetric,
  type TrainMany,
} from "./scoreFeatureSets.js";

/** Values tried for each hyperparameter; every combination is trained. */
export interface HyperparameterGrid {
  hiddenUnits: number[][];
  learningRate: number[];
  weightDecay: number[];
}

const POWERS_OF_TWO = [2, 4, 8, 16, 32];

/**
 * The study's grid: h1 and h2 in {2, 4, 8, 16, 32}, learning rate from 1 down to
 * 1e-5 and weight decay from 1e-1 down to 1e-6, both in steps of x10^(1/3)
 * (16 values each, 6400 combinations). The study's optimum learning rate
 * 10^-3.33 and weight decay 1e-2 lie on it. Its h1 of 20 does not, because h1
 * takes powers of two here.
 */
export const STUDY_GRID: Readonly<HyperparameterGrid> = {
  hiddenUnits: POWERS_OF_TWO.flatMap((h1) => POWERS_OF_TWO.map((h2) => [h1, h2])),
  learningRate: Array.from({ length: 16 }, (_, k) => 10 ** (-k / 3)),
  weightDecay: Array.from({ length: 16 }, (_, k) => 10 ** (-1 - k / 3)),
};

export interface GridSearchOptions {
  trainMany: TrainMany;
  /** @default STUDY_GRID */
  grid?: HyperparameterGrid;
  /** @default every FEATURE column */
  features?: string[];
  /**
   * The target the single-task network learns.
   * @default the first TARGET column
   */
  target?: string;
  /**
   * Batch size and epochs; the grid sets the rest.
   * @default the study's network
   */
  network?: Partial<Pick<NetworkConfig, "batchSize" | "epochs">>;
  /**
   * Validation splits each combination is scored on; its score is the mean.
   * @default 1
   */
  repetitions?: number;
  /** @default 0.2 */
  testFraction?: number;
  /** @default 0.2 */
  validationFraction?: number;
  /** @default "MAPE" */
  metric?: SelectionMetric;
  /** @default 0 */
  seed?: number;
}

export interface GridPoint {
  hiddenUnits: number[];
  learningRate: number;
  weightDecay: number;
  /** Validation error (%) over the repetitions. */
  error: Summary;
}

export interface GridSearchResult {
  /** Every combination in grid order (hidden units, then learning rate, then weight decay). */
  points: GridPoint[];
  best: GridPoint;
  /** Test error (%) of the best combination retrained on fit + validation rows, over the repetitions. */
  bestTestError: Summary;
}

/**
 * Scores every combination of a hyperparameter grid on validation rows,
 * picks the lowest mean error, and retrains it on the fit and validation rows
 * to report its error on the held-out test rows.
 */
export async function gridSearch(
  data: EvaluationData,
  options: GridSearchOptions,
): Promise<GridSearchResult> {
  const {
    trainMany,
    grid = STUDY_GRID,
    features = data.columns.filter((c) => c.role === "FEATURE").map((c) => c.name),
    target = data.columns.find((c) => c.role === "TARGET")?.name ?? "",
    network = {},
    repetitions = 1,
    testFraction = 0.2,
    validationFraction = 0.2,
    metric = "MAPE",
    seed = 0,
  } = options;

  const index = (name: string) => {
    const found = data.columns.findIndex((column) => column.name === name);
    if (found < 0) {
      throw new RangeError(`unknown column "${name}"`);
    }

    return found;
  };

  const x = selectColumns(data.values, features.map(index));
  const y = selectColumns(data.values, [index(target)]);
  const context = { x, y, model: "NETWORK" as const, metric, trainMany };
  const master = createRandom(seed);
  const splits = Array.from({ length: repetitions }, () => {
    const splitSeed = master.nextSeed();

    return {
      seed: splitSeed,
      split: drawValidationSplit(
        getColumn(y, 0),
        createRandom(splitSeed),
        testFraction,
        validationFraction,
      ),
    };
  });
  const combinations = grid.hiddenUnits.flatMap((hiddenUnits) =>
    grid.learningRate.flatMap((learningRate) =>
      grid.weightDecay.map((weightDecay) => ({ hiddenUnits, learningRate, weightDecay })),
    ),
  );
  const allFeatures = features.map((_, j) => j);
  const candidate = (
    combination: (typeof combinations)[number],
    fitRows: number[],
    validationRows: number[],
    candidateSeed: number,
  ): FeatureSetCandidate => ({
    features: allFeatures,
    fitRows,
    validationRows,
    network: { ...DEFAULT_NETWORK, ...network, ...combination, seed: candidateSeed },
  });

  const errors = await scoreFeatureSets(
    combinations.flatMap((combination) =>
      splits.map(({ seed: splitSeed, split }) =>
        candidate(combination, split.fit, split.validation, splitSeed),
      ),
    ),
    context,
  );
  const points = combinations.map((combination, c) => ({
    ...combination,
    error: summarize(
      errors
        .slice(c * repetitions, (c + 1) * repetitions)
        .map((e) => (Number.isFinite(e) ? e : null)),
    ),
  }));
  const best = points.reduce((a, b) =>
    (b.error.mean ?? Infinity) < (a.error.mean ?? Infinity) ? b : a,
  );
  const testErrors = await scoreFeatureSets(
    splits.map(({ seed: splitSeed, split }) =>
      candidate(best, [...split.fit, ...split.validation], split.test, splitSeed),
    ),
    context,
  );

  return {
    points,
    best,
    bestTestError: summarize(testErrors.map((e) => (Number.isFinite(e) ? e : null))),
  };
}
