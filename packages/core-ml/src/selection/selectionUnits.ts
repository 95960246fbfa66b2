import type { EvaluationConfig } from "../evaluation/EvaluationConfig.js";
import type { EvaluationData, EvaluationProgress } from "../evaluation/evaluateRepeated.js";
import { trainAll } from "../evaluation/trainAll.js";
import type { NetworkEngine } from "../network/NetworkEngine.js";
import {
  finishGridSearch,
  gridCells,
  type GridCellScore,
  type GridSearchOptions,
  scoreGridCells,
  STUDY_GRID,
} from "./gridSearch.js";
import {
  eliminateFeatures,
  type RfeOptions,
  type RfeRepetition,
  summarizeEliminations,
} from "./recursiveFeatureElimination.js";
import type { SelectionResults } from "./runSelection.js";
import type { TrainMany } from "./scoreFeatureSets.js";

/**
 * The outcome of one unit of a selection task: a repetition of a feature
 * elimination, or the validation errors of a grid cell. It is plain JSON, so
 * another process can store and merge it.
 */
export type SelectionUnitOutcome = RfeRepetition | GridCellScore;

export interface SelectionUnitOptions {
  engine: NetworkEngine;
  onProgress?: (progress: EvaluationProgress) => void;
  signal?: AbortSignal;
}

/**
 * Independent units a selection task splits into: its repetitions for a
 * feature elimination, the cells of its grid for a grid search.
 */
export function countSelectionUnits(config: EvaluationConfig): number {
  switch (config.task) {
    case "FEATURE_ELIMINATION":
      return config.selection.repetitions;
    case "GRID_SEARCH":
      return gridCells(config.selection.grid ?? STUDY_GRID).length;
    case "EVALUATION":
    case "TRANSFER":
      throw new RangeError(
        `only FEATURE_ELIMINATION and GRID_SEARCH split into selection units, got "${config.task}"`,
      );
  }
}

/**
 * Runs the units `units` (from 0) of a selection task, all in one batch of
 * networks, reporting progress as the share of their network epochs trained.
 * A unit's seeds come from the config's seed and its index alone, so any
 * grouping of the units merges to the result of runSelection.
 */
export async function runSelectionUnits(
  data: EvaluationData,
  config: EvaluationConfig,
  units: readonly number[],
  options: SelectionUnitOptions,
): Promise<SelectionUnitOutcome[]> {
  const { network, selection, features } = config;
  const networksPerUnit =
    config.task === "GRID_SEARCH"
      ? selection.repetitions
      : (features.length * (features.length + 1)) / 2;
  const totalEpochs =
    selection.model === "NETWORK" ? units.length * networksPerUnit * network.epochs : 0;
  const trainMany = progressTrainer(config, options, totalEpochs);

  return config.task === "GRID_SEARCH"
    ? scoreGridCells(data, units, gridOptions(config, trainMany))
    : eliminateFeatures(data, units, rfeOptions(config, trainMany));
}

/**
 * Merges the outcomes of every unit of a selection task, in unit order
 * whatever their order, into the task's results. A grid search retrains its
 * best cell here, once per repetition, to report its test error.
 */
export async function mergeSelectionUnits(
  data: EvaluationData,
  config: EvaluationConfig,
  outcomes: readonly SelectionUnitOutcome[],
  options: SelectionUnitOptions,
): Promise<SelectionResults> {
  const count = countSelectionUnits(config);
  const units = new Set(outcomes.map(unitIndex));
  const missing = Array.from({ length: count }, (_, u) => u).find((u) => !units.has(u));
  if (missing !== undefined || outcomes.length !== count) {
    throw new RangeError(
      `${config.task} has ${count} units but got ${outcomes.length} outcomes` +
        (missing === undefined ? "" : `, missing unit ${missing}`) +
        "; pass the outcome of every unit exactly once",
    );
  }

  const trainMany = progressTrainer(config, { ...options, onProgress: undefined }, 0);
  if (config.task === "GRID_SEARCH") {
    return {
      gridSearch: await finishGridSearch(
        data,
        outcomes as GridCellScore[],
        gridOptions(config, trainMany),
      ),
    };
  }

  return {
    featureElimination: summarizeEliminations(config.features, outcomes as RfeRepetition[]),
  };
}

function unitIndex(outcome: SelectionUnitOutcome): number {
  return "repetition" in outcome ? outcome.repetition : outcome.cell;
}

function progressTrainer(
  config: EvaluationConfig,
  { engine, onProgress, signal }: SelectionUnitOptions,
  totalEpochs: number,
): TrainMany {
  const { selection, targets } = config;
  let epochsDone = 0;

  return (jobs) =>
    trainAll(
      engine,
      jobs,
      (event) => {
        epochsDone++;
        onProgress?.({
          repetition: 0,
          repetitions: selection.repetitions,
          modelKind: "SINGLE_TASK",
          epoch: event.epoch,
          epochs: event.epochs,
          fraction: totalEpochs === 0 ? 1 : Math.min(1, epochsDone / totalEpochs),
          message: `${config.task} on ${targets[0]}: training ${jobs.length} networks, epoch ${event.epoch}/${event.epochs}`,
        });
      },
      signal,
    );
}

function sharedOptions(config: EvaluationConfig, trainMany: TrainMany) {
  const { selection, features, targets, testFraction, seed } = config;

  return {
    trainMany,
    features,
    target: targets[0] ?? "",
    repetitions: selection.repetitions,
    testFraction,
    validationFraction: selection.validationFraction,
    metric: selection.metric,
    seed,
  };
}

function rfeOptions(config: EvaluationConfig, trainMany: TrainMany): RfeOptions {
  return {
    ...sharedOptions(config, trainMany),
    model: config.selection.model,
    network: config.network,
  };
}

function gridOptions(config: EvaluationConfig, trainMany: TrainMany): GridSearchOptions {
  const grid = config.selection.grid ?? STUDY_GRID;

  return { ...sharedOptions(config, trainMany), grid, network: config.network };
}
