import type { EvaluationData } from "../evaluation/evaluateRepeated.js";
import { DEFAULT_NETWORK, type NetworkConfig } from "../evaluation/EvaluationConfig.js";
import { summarize, type Summary } from "../evaluation/summarize.js";
import { getColumn, selectColumns } from "../matrix/Matrix.js";
import { createRandom } from "../random/createRandom.js";
import { repetitionSeeds } from "../random/repetitionSeeds.js";
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

/** Validation errors of one grid cell, as scoreGridCells returns them. */
export interface GridCellScore {
  /** Index of the combination in grid order, from 0. */
  cell: number;
  /** Validation error (%) on each repetition's split, or null where the model did not fit. */
  errors: (number | null)[];
}

/** One combination of a hyperparameter grid. */
export type GridCell = Pick<GridPoint, "hiddenUnits" | "learningRate" | "weightDecay">;

/**
 * Scores every combination of a hyperparameter grid on validation rows,
 * picks the lowest mean error, and retrains it on the fit and validation rows
 * to report its error on the held-out test rows.
 */
export async function gridSearch(
  data: EvaluationData,
  options: GridSearchOptions,
): Promise<GridSearchResult> {
  const cells = gridCells(options.grid ?? STUDY_GRID).map((_, c) => c);

  return finishGridSearch(data, await scoreGridCells(data, cells, options), options);
}

/** Lists the combinations of a grid in grid order: hidden units, then learning rate, then weight decay. */
export function gridCells(grid: HyperparameterGrid): GridCell[] {
  return grid.hiddenUnits.flatMap((hiddenUnits) =>
    grid.learningRate.flatMap((learningRate) =>
      grid.weightDecay.map((weightDecay) => ({ hiddenUnits, learningRate, weightDecay })),
    ),
  );
}

/**
 * Scores the cells `indices` (from 0, in grid order) on the validation rows of
 * every repetition. A repetition's split and initial weights come from `seed`
 * and the repetition's index alone, the same for every cell, so cells scored in
 * separate calls, on separate machines, finish to the result of one call.
 */
export async function scoreGridCells(
  data: EvaluationData,
  indices: readonly number[],
  options: GridSearchOptions,
): Promise<GridCellScore[]> {
  const search = prepareSearch(data, options);
  const unknown = indices.find((c) => search.cells[c] === undefined);
  if (unknown !== undefined) {
    throw new RangeError(
      `invalid grid cell ${unknown}: the grid has cells 0 to ${search.cells.length - 1}`,
    );
  }

  const errors = await scoreFeatureSets(
    indices.flatMap((c) =>
      search.splits.map(({ seed, split }) =>
        search.candidate(search.cells[c] as GridCell, split.fit, split.validation, seed),
      ),
    ),
    search.context,
  );
  const repetitions = search.splits.length;

  return indices.map((cell, k) => ({
    cell,
    errors: errors
      .slice(k * repetitions, (k + 1) * repetitions)
      .map((e) => (Number.isFinite(e) ? e : null)),
  }));
}

/**
 * Summarises the scores of every cell, in grid order whatever their order,
 * picks the lowest mean validation error, and retrains that combination on the
 * fit and validation rows to report its error on the held-out test rows.
 */
export async function finishGridSearch(
  data: EvaluationData,
  scores: readonly GridCellScore[],
  options: GridSearchOptions,
): Promise<GridSearchResult> {
  const search = prepareSearch(data, options);
  const byCell = new Map(scores.map((score) => [score.cell, score]));
  const missing = search.cells.findIndex((_, c) => !byCell.has(c));
  if (missing >= 0 || scores.length !== search.cells.length) {
    throw new RangeError(
      `scores must cover each of the ${search.cells.length} grid cells once, ` +
        (missing >= 0 ? `but cell ${missing} is missing` : `got ${scores.length} scores`),
    );
  }

  const points = search.cells.map((cell, c) => ({
    ...cell,
    error: summarize(byCell.get(c)?.errors ?? []),
  }));
  const best = points.reduce((a, b) =>
    (b.error.mean ?? Infinity) < (a.error.mean ?? Infinity) ? b : a,
  );
  const testErrors = await scoreFeatureSets(
    search.splits.map(({ seed, split }) =>
      search.candidate(best, [...split.fit, ...split.validation], split.test, seed),
    ),
    search.context,
  );

  return {
    points,
    best,
    bestTestError: summarize(testErrors.map((e) => (Number.isFinite(e) ? e : null))),
  };
}

function prepareSearch(data: EvaluationData, options: GridSearchOptions) {
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
  const repetitionIndices = Array.from({ length: repetitions }, (_, r) => r);
  const splits = repetitionSeeds(seed, repetitionIndices).map((splitSeed) => ({
    seed: splitSeed,
    split: drawValidationSplit(
      getColumn(y, 0),
      createRandom(splitSeed),
      testFraction,
      validationFraction,
    ),
  }));
  const allFeatures = features.map((_, j) => j);
  // Every cell starts from the same initial weights on a repetition's split, so
  // cells differ by their hyperparameters alone.
  const candidate = (
    cell: GridCell,
    fitRows: number[],
    validationRows: number[],
    candidateSeed: number,
  ): FeatureSetCandidate => ({
    features: allFeatures,
    fitRows,
    validationRows,
    network: {
      ...DEFAULT_NETWORK,
      ...network,
      hiddenUnits: cell.hiddenUnits,
      learningRate: cell.learningRate,
      weightDecay: cell.weightDecay,
      seed: candidateSeed,
    },
  });

  return {
    cells: gridCells(grid),
    splits,
    candidate,
    context: { x, y, model: "NETWORK" as const, metric, trainMany },
  };
}
