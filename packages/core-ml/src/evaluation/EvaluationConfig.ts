import type { AnalysisKind } from "../analysis/analyzeModel.js";
import type { ModelKind } from "../artifact/ModelArtifact.js";
import {
  type BaselineConfig,
  type PartialBaselineConfig,
  resolveBaselineConfig,
} from "./BaselineConfig.js";
import { checkLossWeights } from "./checkLossWeights.js";
import type { HyperparameterGrid } from "../selection/gridSearch.js";
import type { SelectionMetric, SelectionModel } from "../selection/scoreFeatureSets.js";
import { TOTAL_REE_COLUMN } from "../table/columnUnits.js";
import type { TableColumn } from "../table/parseTable.js";
import type { TransferConfig } from "../transfer/TransferConfig.js";

export type SplitMethod = "STRATIFIED" | "RANDOM";

/**
 * EVALUATION: train and score `models` over repetitions. FEATURE_ELIMINATION:
 * recursive feature elimination from `features`. GRID_SEARCH: score a
 * hyperparameter grid on validation rows. TRANSFER: carry a trained
 * multi-task model over to this data set (see `transfer`).
 */
export type RunTask = "EVALUATION" | "FEATURE_ELIMINATION" | "GRID_SEARCH" | "TRANSFER";

/** Settings of feature elimination and grid search, which validate on the first target. */
export interface SelectionConfig {
  /** Whole eliminations, or validation splits per grid point. */
  repetitions: number;
  model: SelectionModel;
  metric: SelectionMetric;
  /** Share of the training rows that validates each candidate. */
  validationFraction: number;
  /** Grid of GRID_SEARCH; null for the study's 6400-point grid. */
  grid: HyperparameterGrid | null;
}
export type LossWeighting = "EQUAL" | "MEAN" | "CUSTOM";

export interface NetworkConfig {
  hiddenUnits: number[];
  learningRate: number;
  weightDecay: number;
  batchSize: number;
  epochs: number;
  /**
   * EQUAL: every target weighs 1. MEAN: each target weighs its mean content on the training
   * rows. CUSTOM: the weights of `lossWeights`.
   */
  lossWeighting: LossWeighting;
  /** With CUSTOM, one positive weight per target in target order; null otherwise. */
  lossWeights: number[] | null;
}

/** A complete evaluation config; `resolveEvaluationConfig` fills one from a partial. */
export interface EvaluationConfig {
  task: RunTask;
  features: string[];
  /** Target columns; the first one defines the strata of a stratified split. */
  targets: string[];
  split: SplitMethod;
  testFraction: number;
  repetitions: number;
  seed: number;
  models: ModelKind[];
  network: NetworkConfig;
  /** Analyses of each trained ensemble, on the first target. */
  analyses: AnalysisKind[];
  /** High/low threshold of the screening analysis; null for the median of the first target. */
  screeningThreshold: number | null;
  selection: SelectionConfig;
  /** Settings of RANDOM_FOREST, GRADIENT_BOOSTING and SVR. */
  baselines: BaselineConfig;
  /** Settings of a TRANSFER run; set by resolveTransferConfig, absent for other tasks. */
  transfer?: TransferConfig;
}

export type PartialEvaluationConfig = Partial<
  Omit<EvaluationConfig, "network" | "selection" | "baselines" | "transfer">
> & {
  network?: Partial<NetworkConfig>;
  selection?: Partial<SelectionConfig>;
  baselines?: PartialBaselineConfig;
  transfer?: Partial<TransferConfig>;
};

/** The six oxides kept by the study's feature elimination. */
export const STUDY_FEATURES = ["Al2O3", "CaO", "Fe2O3", "MgO", "TiO2", "P2O5"].map(
  (oxide) => `${oxide}_mol_pct`,
);

/** The network the study selected by grid search (h1 20, h2 6, learning rate 10^-3.33, L2 1e-2). */
export const DEFAULT_NETWORK: Readonly<NetworkConfig> = {
  hiddenUnits: [20, 6],
  learningRate: 10 ** -3.33,
  weightDecay: 1e-2,
  batchSize: 10,
  epochs: 500,
  lossWeighting: "MEAN",
  lossWeights: null,
};

/**
 * Fills a partial config with defaults for the given table columns and checks
 * that every named column exists with the right role.
 */
export function resolveEvaluationConfig(
  partial: PartialEvaluationConfig,
  columns: readonly TableColumn[],
): EvaluationConfig {
  const featureColumns = columns.filter((column) => column.role === "FEATURE").map((c) => c.name);
  const targetColumns = columns.filter((column) => column.role === "TARGET").map((c) => c.name);
  const defaultFeatures = STUDY_FEATURES.every((name) => featureColumns.includes(name))
    ? STUDY_FEATURES
    : featureColumns;
  const defaultTargets = targetColumns.includes(TOTAL_REE_COLUMN)
    ? [TOTAL_REE_COLUMN, ...targetColumns.filter((name) => name !== TOTAL_REE_COLUMN)]
    : targetColumns;

  const task = partial.task ?? "EVALUATION";
  const config: EvaluationConfig = {
    task,
    // Feature elimination starts from every feature unless the config names some.
    features:
      partial.features ?? (task === "FEATURE_ELIMINATION" ? featureColumns : defaultFeatures),
    targets: partial.targets ?? defaultTargets,
    split: partial.split ?? "STRATIFIED",
    testFraction: partial.testFraction ?? 0.2,
    repetitions: partial.repetitions ?? 30,
    seed: partial.seed ?? 0,
    models: partial.models ?? ["LINEAR", "MULTI_TASK"],
    network: resolveNetwork(partial.network),
    analyses: partial.analyses ?? [],
    screeningThreshold: partial.screeningThreshold ?? null,
    selection: {
      repetitions: task === "GRID_SEARCH" ? 1 : 100,
      model: "NETWORK",
      metric: "MAPE",
      validationFraction: 0.2,
      grid: null,
      ...partial.selection,
    },
    baselines: resolveBaselineConfig(partial.baselines),
  };
  checkColumns("features", config.features, featureColumns);
  checkColumns("targets", config.targets, targetColumns);
  checkNumbers(config);
  checkLossWeights(config.network, config.targets);

  return config;
}

/** Given weights without a weighting mean CUSTOM. */
function resolveNetwork(partial: Partial<NetworkConfig> = {}): NetworkConfig {
  const lossWeighting = partial.lossWeighting ?? (partial.lossWeights ? "CUSTOM" : undefined);

  return { ...DEFAULT_NETWORK, ...partial, ...(lossWeighting && { lossWeighting }) };
}

function checkColumns(field: string, names: string[], available: string[]): void {
  if (names.length === 0) {
    throw new RangeError(`${field} must name at least one column`);
  }

  for (const name of names) {
    if (!available.includes(name)) {
      throw new RangeError(
        `${field}: unknown column "${name}"; available: ${available.join(", ") || "none"}`,
      );
    }
  }

  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) {
    throw new RangeError(`${field}: column "${duplicate}" is listed twice`);
  }
}

function checkNumbers(config: EvaluationConfig): void {
  const { repetitions, seed, models, network } = config;
  if (!Number.isInteger(repetitions) || repetitions < 1 || repetitions > 1000) {
    throw new RangeError(`repetitions must be an integer from 1 to 1000, got ${repetitions}`);
  }

  if (!Number.isInteger(seed)) {
    throw new RangeError(`seed must be an integer, got ${seed}`);
  }

  if (models.length === 0 || new Set(models).size !== models.length) {
    throw new RangeError(`models must list each model kind at most once, got [${models}]`);
  }

  if (config.screeningThreshold !== null && !(config.screeningThreshold >= 0)) {
    throw new RangeError(
      `screeningThreshold must be zero or more, got ${config.screeningThreshold}`,
    );
  }

  checkSelection(config);
  checkNetwork(network);
}

function checkSelection({ task, features, selection }: EvaluationConfig): void {
  const { repetitions, validationFraction, grid } = selection;
  if (!Number.isInteger(repetitions) || repetitions < 1 || repetitions > 1000) {
    throw new RangeError(
      `selection.repetitions must be an integer from 1 to 1000, got ${repetitions}`,
    );
  }

  if (!(validationFraction > 0 && validationFraction < 1)) {
    throw new RangeError(
      `selection.validationFraction must be between 0 and 1 (exclusive), got ${validationFraction}`,
    );
  }

  if (task === "FEATURE_ELIMINATION" && features.length < 2) {
    throw new RangeError(`feature elimination needs at least 2 features, got ${features.length}`);
  }

  const empty = grid && Object.entries(grid).find(([, values]) => values.length === 0);
  if (empty) {
    throw new RangeError(`selection.grid.${empty[0]} must list at least one value`);
  }
}

/** Checks the network settings up front, so a bad run fails when it is started, not later. */
function checkNetwork(network: NetworkConfig): void {
  const { hiddenUnits, learningRate, weightDecay, batchSize, epochs } = network;
  if (hiddenUnits.length === 0) {
    throw new RangeError("network.hiddenUnits must list at least one hidden layer");
  }

  const integers = [
    ...hiddenUnits.map((units, i) => [`network.hiddenUnits[${i}]`, units] as const),
    ["network.batchSize", batchSize] as const,
    ["network.epochs", epochs] as const,
  ];
  for (const [name, value] of integers) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`${name} must be a positive integer, got ${value}`);
    }
  }

  if (!(learningRate > 0 && Number.isFinite(learningRate))) {
    throw new RangeError(`network.learningRate must be a positive number, got ${learningRate}`);
  }

  if (!(weightDecay >= 0 && Number.isFinite(weightDecay))) {
    throw new RangeError(`network.weightDecay must be zero or more, got ${weightDecay}`);
  }
}
