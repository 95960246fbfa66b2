import type { EvaluationConfig } from "../evaluation/EvaluationConfig.js";
import type { EvaluationData, EvaluationProgress } from "../evaluation/evaluateRepeated.js";
import { trainAll } from "../evaluation/trainAll.js";
import type { NetworkEngine } from "../network/NetworkEngine.js";
import { gridSearch, type GridSearchResult, STUDY_GRID } from "./gridSearch.js";
import { recursiveFeatureElimination, type RfeResult } from "./recursiveFeatureElimination.js";
import type { TrainMany } from "./scoreFeatureSets.js";

export interface SelectionResults {
  featureElimination?: RfeResult;
  gridSearch?: GridSearchResult;
}

export interface RunSelectionOptions {
  engine: NetworkEngine;
  onProgress?: (progress: EvaluationProgress) => void;
  signal?: AbortSignal;
}

/**
 * Runs the model-selection task of a config (feature elimination or grid
 * search) on its first target, reporting progress as the share of all
 * network epochs trained.
 */
export async function runSelection(
  data: EvaluationData,
  config: EvaluationConfig,
  options: RunSelectionOptions,
): Promise<SelectionResults> {
  const { engine, onProgress, signal } = options;
  const { selection, network, features, targets, testFraction, seed } = config;
  const grid = selection.grid ?? STUDY_GRID;
  const repetitions = selection.repetitions;
  const candidates =
    config.task === "GRID_SEARCH"
      ? (grid.hiddenUnits.length * grid.learningRate.length * grid.weightDecay.length + 1) *
        repetitions
      : ((features.length * (features.length + 1)) / 2) * repetitions;
  const totalEpochs = selection.model === "NETWORK" ? candidates * network.epochs : 0;
  let epochsDone = 0;
  const trainMany: TrainMany = (jobs) =>
    trainAll(
      engine,
      jobs,
      (event) => {
        epochsDone++;
        onProgress?.({
          repetition: 0,
          repetitions,
          modelKind: "SINGLE_TASK",
          epoch: event.epoch,
          epochs: event.epochs,
          fraction: Math.min(1, epochsDone / totalEpochs),
          message: `${config.task} on ${targets[0]}: training ${jobs.length} networks, epoch ${event.epoch}/${event.epochs}`,
        });
      },
      signal,
    );
  const shared = {
    trainMany,
    features,
    target: targets[0] ?? "",
    repetitions,
    testFraction,
    validationFraction: selection.validationFraction,
    metric: selection.metric,
    seed,
  };

  switch (config.task) {
    case "FEATURE_ELIMINATION":
      return {
        featureElimination: await recursiveFeatureElimination(data, {
          ...shared,
          model: selection.model,
          network,
        }),
      };
    case "GRID_SEARCH":
      return { gridSearch: await gridSearch(data, { ...shared, grid, network }) };
    case "EVALUATION":
    case "TRANSFER":
      throw new RangeError(
        `runSelection runs FEATURE_ELIMINATION or GRID_SEARCH, got "${config.task}"`,
      );
  }
}
