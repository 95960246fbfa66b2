import type {
  AnalysisKind,
  DatasetColumn,
  FrozenBatchNorm,
  LossWeighting,
  ModelKind,
  PenalisedSide,
  RunTask,
  SelectionMetric,
  SelectionModel,
  SplitMethod,
  StartRunVariables,
} from "@ree/schema/documents";

import { TOTAL_REE_COLUMN } from "./labels";
import { parseLossWeights } from "./parseLossWeights";
import {
  type NumberLimits,
  parseLayerListInput,
  parseLayersInput,
  parseNumberInput,
  parseNumberListInput,
  type ParseResult,
} from "./parseNumberInput";

/*
 * State, defaults and validation of the run launcher form. The defaults are those that
 * packages/schema/schema.graphql documents for RunConfigInput, so an untouched form starts the
 * run that the API would start with every field left out.
 */

export type RunConfigInput = StartRunVariables["config"];

/** Columns of the chosen data set that a run can use. */
export interface RunFormColumns {
  /** FEATURE columns, in data set order. */
  features: readonly string[];
  /** TARGET columns, the total REE first, then in data set order. */
  targets: readonly string[];
  /** Unit of each column, e.g. "mol %". */
  units: Readonly<Record<string, string>>;
  /** Rows of the data set, for the sizes of the test and validation sets. */
  sampleCount: number;
}

/** The form's inputs. Number inputs keep their text, so that an invalid entry stays visible. */
export interface RunFormValues {
  name: string;
  task: RunTask;
  features: string[];
  /** Targets of an evaluation, in the order of {@link RunFormColumns.targets}. */
  targets: string[];
  /** The one target that feature elimination and grid search validate on. */
  selectionTarget: string;
  split: SplitMethod;
  testFraction: string;
  repetitions: string;
  seed: string;
  models: ModelKind[];
  hiddenUnits: string;
  learningRate: string;
  weightDecay: string;
  batchSize: string;
  epochs: string;
  lossWeighting: LossWeighting;
  /** Weights of CUSTOM loss weighting, one per target in target order, e.g. "2, 1, 1". */
  lossWeights: string;
  analyses: AnalysisKind[];
  /** Empty for the API's default, the data set's median total REE. */
  screeningThreshold: string;
  selectionRepetitions: string;
  selectionModel: SelectionModel;
  selectionMetric: SelectionMetric;
  validationFraction: string;
  /** Leaves `selection.grid` out, so that the API searches the study's grid. */
  useStudyGrid: boolean;
  /** Hidden layer configurations of a custom grid, e.g. "20, 6; 32, 8". */
  gridHiddenUnits: string;
  gridLearningRates: string;
  gridWeightDecays: string;
  /** Model that a transfer carries over; empty when no multi-task model exists. */
  parentModelId: string;
  transferDraws: string;
  transferTrainingSize: string;
  /** Hidden layers fine-tuned with the output layer: "0" or "1". */
  fineTunedHiddenLayers: "0" | "1";
  /** Side whose errors the fine-tuning loss squares, or "NONE" for the MSE. */
  asymmetricLoss: "NONE" | PenalisedSide;
  frozenBatchNorm: FrozenBatchNorm;
}

export type RunFormField = keyof RunFormValues;
export type RunFormErrors = Partial<Record<RunFormField, string>>;

/** Labels of the form's fields, also used to name the field in each validation message. */
export const RUN_FORM_LABELS: Record<RunFormField, string> = {
  name: "Run name",
  task: "Task",
  features: "Features",
  targets: "Targets",
  selectionTarget: "Validation target",
  split: "Split",
  testFraction: "Test fraction",
  repetitions: "Repetitions",
  seed: "Seed",
  models: "Model kinds",
  hiddenUnits: "Hidden layers",
  learningRate: "Learning rate",
  weightDecay: "Weight decay",
  batchSize: "Batch size",
  epochs: "Epochs",
  lossWeighting: "Loss weighting",
  lossWeights: "Loss weights",
  analyses: "Analyses",
  screeningThreshold: "Screening threshold",
  selectionRepetitions: "Selection repetitions",
  selectionModel: "Refitted model",
  selectionMetric: "Validation error",
  validationFraction: "Validation fraction",
  useStudyGrid: "Grid",
  gridHiddenUnits: "Grid hidden layers",
  gridLearningRates: "Grid learning rates",
  gridWeightDecays: "Grid weight decays",
  parentModelId: "Parent model",
  transferDraws: "Draws",
  transferTrainingSize: "Training samples per draw",
  fineTunedHiddenLayers: "Fine-tuned layers",
  asymmetricLoss: "Fine-tuning loss",
  frozenBatchNorm: "Frozen batch norm",
};

/** The six oxides that the study's feature elimination kept, the API's default features. */
export const STUDY_FEATURES = ["Al2O3", "CaO", "Fe2O3", "MgO", "TiO2", "P2O5"].map(
  (oxide) => `${oxide}_mol_pct`,
);

/**
 * Combinations of the study's grid, which the API searches when `selection.grid` is left out.
 * The grid has 25 pairs of hidden layer sizes (h1, h2 in 2, 4, 8, 16, 32), 16 learning rates
 * (1 to 1e-5) and 16 weight decays (1e-1 to 1e-6).
 */
export const STUDY_GRID_COMBINATIONS = 25 * 16 * 16;

/** The API's limits on repetitions and selection repetitions. */
const REPETITION_LIMITS: NumberLimits = { integer: true, min: 1, max: 1000 };
/** GraphQL Int is a signed 32-bit integer. */
const SEED_LIMITS: NumberLimits = { integer: true, min: -(2 ** 31), max: 2 ** 31 - 1 };
const FRACTION_LIMITS: NumberLimits = { above: 0, below: 1 };

/** Splits the data set's columns into the features and targets that a run can use. */
export function runFormColumns(
  columns: readonly DatasetColumn[],
  sampleCount: number,
): RunFormColumns {
  const features = columns.filter((column) => column.role === "FEATURE").map(({ name }) => name);
  const targets = columns.filter((column) => column.role === "TARGET").map(({ name }) => name);
  const ordered = targets.includes(TOTAL_REE_COLUMN)
    ? [TOTAL_REE_COLUMN, ...targets.filter((name) => name !== TOTAL_REE_COLUMN)]
    : targets;

  const units = Object.fromEntries(columns.map((column) => [column.name, column.unit]));

  return { features, targets: ordered, units, sampleCount };
}

/**
 * Returns the features the API would choose for a task: every feature for feature elimination,
 * otherwise the study's six when the data set has them all, and every feature when not.
 */
export function defaultFeatures(task: RunTask, columns: RunFormColumns): string[] {
  const all = [...columns.features];
  if (task === "FEATURE_ELIMINATION") {
    return all;
  }

  return STUDY_FEATURES.every((name) => all.includes(name))
    ? all.filter((name) => STUDY_FEATURES.includes(name))
    : all;
}

function defaultSelectionRepetitions(task: RunTask): string {
  return task === "GRID_SEARCH" ? "1" : "100";
}

/** Returns the form's start values: the API's defaults for `task` on these columns. */
export function defaultRunFormValues(task: RunTask, columns: RunFormColumns): RunFormValues {
  return {
    name: "",
    task,
    features: defaultFeatures(task, columns),
    targets: [...columns.targets],
    selectionTarget: columns.targets[0] ?? "",
    split: "STRATIFIED",
    testFraction: "0.2",
    repetitions: "30",
    seed: "0",
    models: ["LINEAR", "MULTI_TASK"],
    hiddenUnits: "20, 6",
    learningRate: "10^-3.33",
    weightDecay: "0.01",
    batchSize: "10",
    epochs: "500",
    lossWeighting: "MEAN",
    lossWeights: "",
    analyses: [],
    screeningThreshold: "",
    selectionRepetitions: defaultSelectionRepetitions(task),
    selectionModel: "NETWORK",
    selectionMetric: "MAPE",
    validationFraction: "0.2",
    useStudyGrid: true,
    gridHiddenUnits: "20, 6; 32, 8",
    gridLearningRates: "10^-4, 10^-3.33, 10^-2.67",
    gridWeightDecays: "1e-3, 1e-2, 1e-1",
    parentModelId: "",
    transferDraws: "30",
    transferTrainingSize: "6",
    fineTunedHiddenLayers: "0",
    asymmetricLoss: "NONE",
    frozenBatchNorm: "INFERENCE",
  };
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/**
 * Switches the task. Inputs whose defaults depend on the task (the features and the selection
 * repetitions) take the new task's default unless the user has changed them.
 */
export function changeTask(
  values: RunFormValues,
  task: RunTask,
  columns: RunFormColumns,
): RunFormValues {
  const featuresUntouched = sameMembers(values.features, defaultFeatures(values.task, columns));
  const repetitionsUntouched =
    values.selectionRepetitions === defaultSelectionRepetitions(values.task);

  return {
    ...values,
    task,
    features: featuresUntouched ? defaultFeatures(task, columns) : values.features,
    selectionRepetitions: repetitionsUntouched
      ? defaultSelectionRepetitions(task)
      : values.selectionRepetitions,
  };
}

/**
 * Returns how many rows a split sets aside for `fraction` of `count` rows, by the API's rule:
 * round(count × fraction), at least 1 and at most count - 1.
 */
export function splitSize(count: number, fraction: number): number {
  return Math.min(count - 1, Math.max(1, Math.round(count * fraction)));
}

/** Returns whether the task trains networks with all of the form's network settings. */
export function usesNetworkSettings(values: RunFormValues): boolean {
  return (
    values.task === "EVALUATION" ||
    (values.task === "FEATURE_ELIMINATION" && values.selectionModel === "NETWORK")
  );
}

/** Collects parse results and the message of each failed field. */
class FieldReader {
  readonly errors: RunFormErrors = {};

  read<T>(field: RunFormField, result: ParseResult<T>): T | undefined {
    if (result.ok) {
      return result.value;
    }

    this.errors[field] ??= result.message;
    return undefined;
  }

  fail(field: RunFormField, message: string): void {
    this.errors[field] ??= message;
  }

  number(field: RunFormField, text: string, limits: NumberLimits): number | undefined {
    return this.read(field, parseNumberInput(RUN_FORM_LABELS[field], text, limits));
  }
}

/**
 * Checks the form and builds the startRun config. Fields that the task does not use are left
 * out, so that the stored config shows the API's defaults for them. Every message names its field.
 */
export function buildRunConfig(
  datasetId: string,
  values: RunFormValues,
  columns: RunFormColumns,
): { ok: true; config: RunConfigInput } | { ok: false; errors: RunFormErrors } {
  const reader = new FieldReader();
  if (values.task === "TRANSFER") {
    const config = readTransfer(datasetId, values, columns, reader);

    return Object.keys(reader.errors).length === 0
      ? { ok: true, config }
      : { ok: false, errors: reader.errors };
  }

  const features = columns.features.filter((name) => values.features.includes(name));
  const minimumFeatures = values.task === "FEATURE_ELIMINATION" ? 2 : 1;
  if (features.length < minimumFeatures) {
    reader.fail(
      "features",
      values.task === "FEATURE_ELIMINATION"
        ? "Features: choose at least 2, because feature elimination removes one per step."
        : "Features: choose at least one.",
    );
  }

  const config: RunConfigInput = {
    datasetId,
    task: values.task,
    features,
    targets: readTargets(values, columns, reader),
    testFraction: reader.number("testFraction", values.testFraction, FRACTION_LIMITS),
    seed: reader.number("seed", values.seed, SEED_LIMITS),
  };
  const name = values.name.trim();
  if (name !== "") {
    config.name = name;
  }

  if (values.task === "EVALUATION") {
    Object.assign(config, readEvaluation(values, reader));
  } else {
    config.selection = readSelection(values, reader);
  }

  const network = readNetwork(values, reader);
  if (network !== undefined) {
    config.network = network;
  }

  const errorCount = Object.keys(reader.errors).length;

  return errorCount === 0 ? { ok: true, config } : { ok: false, errors: reader.errors };
}

function readTargets(values: RunFormValues, columns: RunFormColumns, reader: FieldReader) {
  if (values.task !== "EVALUATION") {
    if (!columns.targets.includes(values.selectionTarget)) {
      reader.fail("selectionTarget", "Validation target: choose one of the data set's targets.");
    }

    return [values.selectionTarget];
  }

  const targets = columns.targets.filter((name) => values.targets.includes(name));
  if (targets.length === 0) {
    reader.fail("targets", "Targets: choose at least one.");
  }

  return targets;
}

function readEvaluation(values: RunFormValues, reader: FieldReader): Partial<RunConfigInput> {
  if (values.models.length === 0) {
    reader.fail("models", "Model kinds: choose at least one.");
  }

  const evaluation: Partial<RunConfigInput> = {
    split: values.split,
    repetitions: reader.number("repetitions", values.repetitions, REPETITION_LIMITS),
    models: values.models,
    analyses: values.analyses,
  };
  if (values.analyses.includes("SCREENING") && values.screeningThreshold.trim() !== "") {
    evaluation.screeningThreshold = reader.number("screeningThreshold", values.screeningThreshold, {
      min: 0,
    });
  }

  return evaluation;
}

function readSelection(values: RunFormValues, reader: FieldReader): RunConfigInput["selection"] {
  const selection: RunConfigInput["selection"] = {
    repetitions: reader.number(
      "selectionRepetitions",
      values.selectionRepetitions,
      REPETITION_LIMITS,
    ),
    metric: values.selectionMetric,
    validationFraction: reader.number(
      "validationFraction",
      values.validationFraction,
      FRACTION_LIMITS,
    ),
  };
  if (values.task === "FEATURE_ELIMINATION") {
    selection.model = values.selectionModel;
  }

  if (values.task === "GRID_SEARCH" && !values.useStudyGrid) {
    const hiddenUnits = reader.read(
      "gridHiddenUnits",
      parseLayerListInput(RUN_FORM_LABELS.gridHiddenUnits, values.gridHiddenUnits),
    );
    const learningRate = reader.read(
      "gridLearningRates",
      parseNumberListInput(RUN_FORM_LABELS.gridLearningRates, values.gridLearningRates, {
        above: 0,
      }),
    );
    const weightDecay = reader.read(
      "gridWeightDecays",
      parseNumberListInput(RUN_FORM_LABELS.gridWeightDecays, values.gridWeightDecays, {
        min: 0,
      }),
    );
    if (hiddenUnits && learningRate && weightDecay) {
      selection.grid = { hiddenUnits, learningRate, weightDecay };
    }
  }

  return selection;
}

/**
 * Reads the network settings that the task uses. An evaluation and a feature elimination with
 * networks use all of them. A grid search uses only batch size and epochs, because the grid sets
 * the rest. A feature elimination with linear regression uses none.
 */
function readNetwork(values: RunFormValues, reader: FieldReader): RunConfigInput["network"] {
  const trainsNetworks = usesNetworkSettings(values) || values.task === "GRID_SEARCH";
  if (!trainsNetworks) {
    return undefined;
  }

  const network: RunConfigInput["network"] = {
    batchSize: reader.number("batchSize", values.batchSize, { integer: true, min: 1 }),
    epochs: reader.number("epochs", values.epochs, { integer: true, min: 1 }),
  };
  if (!usesNetworkSettings(values)) {
    return network;
  }

  Object.assign(network, {
    hiddenUnits: reader.read(
      "hiddenUnits",
      parseLayersInput(RUN_FORM_LABELS.hiddenUnits, values.hiddenUnits),
    ),
    learningRate: reader.number("learningRate", values.learningRate, { above: 0 }),
    weightDecay: reader.number("weightDecay", values.weightDecay, { min: 0 }),
  });
  // The loss weights only matter when one network learns several targets at once.
  if (values.task === "EVALUATION") {
    network.lossWeighting = values.lossWeighting;
  }

  if (values.task === "EVALUATION" && values.lossWeighting === "CUSTOM") {
    network.lossWeights = reader.read(
      "lossWeights",
      parseLossWeights(RUN_FORM_LABELS.lossWeights, values.lossWeights, values.targets),
    );
  }

  return network;
}

/**
 * Reads a transfer: the parent model, the draws and what to fine-tune. Features, targets and the
 * hidden layers are the parent's, so the config leaves them out.
 */
function readTransfer(
  datasetId: string,
  values: RunFormValues,
  columns: RunFormColumns,
  reader: FieldReader,
): RunConfigInput {
  if (values.parentModelId === "") {
    reader.fail("parentModelId", "Parent model: choose the multi-task model to transfer.");
  }

  // Each draw keeps at least 2 test samples, so that R² is defined.
  const trainingSize = reader.number("transferTrainingSize", values.transferTrainingSize, {
    integer: true,
    min: 2,
    max: Math.max(2, columns.sampleCount - 2),
  });
  const config: RunConfigInput = {
    datasetId,
    task: "TRANSFER",
    seed: reader.number("seed", values.seed, SEED_LIMITS),
    transfer: {
      parentModelId: values.parentModelId,
      draws: reader.number("transferDraws", values.transferDraws, REPETITION_LIMITS),
      trainingSize,
      fineTunedHiddenLayers: Number(values.fineTunedHiddenLayers),
      asymmetricLoss: values.asymmetricLoss === "NONE" ? null : values.asymmetricLoss,
      frozenBatchNorm: values.frozenBatchNorm,
    },
    network: {
      learningRate: reader.number("learningRate", values.learningRate, { above: 0 }),
      weightDecay: reader.number("weightDecay", values.weightDecay, { min: 0 }),
      batchSize: reader.number("batchSize", values.batchSize, { integer: true, min: 1 }),
      epochs: reader.number("epochs", values.epochs, { integer: true, min: 1 }),
      lossWeighting: values.lossWeighting,
    },
  };
  const name = values.name.trim();
  if (name !== "") {
    config.name = name;
  }

  return config;
}

/** Models that a run fits, for the launcher's estimate of its work. */
export interface RunWorkload {
  /** Networks trained, each for `epochs` epochs. */
  networks: number;
  linearFits: number;
  /** Random forests, boosted trees and SVRs, one per target and repetition. */
  baselineFits: number;
  epochs: number | null;
}

/**
 * Counts the models that a valid config fits, as the API's progress counts them. Per repetition,
 * feature elimination from n features fits n(n + 1)/2 candidate feature sets. A grid search fits
 * one network per combination plus the retrained best. An evaluation fits one model per model
 * kind, except one network per target for single-task networks.
 */
export function estimateWorkload(config: RunConfigInput): RunWorkload {
  const features = config.features?.length ?? 0;
  const epochs = config.network?.epochs ?? null;
  const selectionRepetitions = config.selection?.repetitions ?? 0;
  if (config.task === "FEATURE_ELIMINATION") {
    const fits = ((features * (features + 1)) / 2) * selectionRepetitions;

    return config.selection?.model === "LINEAR"
      ? { networks: 0, linearFits: fits, baselineFits: 0, epochs: null }
      : { networks: fits, linearFits: 0, baselineFits: 0, epochs };
  }

  if (config.task === "GRID_SEARCH") {
    const grid = config.selection?.grid;
    const combinations = grid
      ? grid.hiddenUnits.length * grid.learningRate.length * grid.weightDecay.length
      : STUDY_GRID_COMBINATIONS;

    return {
      networks: (combinations + 1) * selectionRepetitions,
      linearFits: 0,
      baselineFits: 0,
      epochs,
    };
  }

  const repetitions = config.repetitions ?? 0;
  const models = config.models ?? [];
  const targets = config.targets?.length ?? 0;
  let networksPerRepetition = 0;
  let baselinesPerRepetition = 0;
  for (const kind of models) {
    if (kind === "SINGLE_TASK") {
      networksPerRepetition += targets;
    } else if (kind === "MULTI_TASK") {
      networksPerRepetition += 1;
    } else if (kind !== "LINEAR") {
      baselinesPerRepetition += targets;
    }
  }

  return {
    networks: networksPerRepetition * repetitions,
    linearFits: models.includes("LINEAR") ? repetitions : 0,
    baselineFits: baselinesPerRepetition * repetitions,
    epochs,
  };
}

/** Props shared by the sections of the run launcher form. */
export interface RunFormSectionProps {
  values: RunFormValues;
  errors: RunFormErrors;
  columns: RunFormColumns;
  /** Updates some inputs and clears their messages. */
  onChange: (patch: Partial<RunFormValues>) => void;
  /** Returns the id of a field's input, the target of the error summary's links. */
  fieldId: (field: RunFormField) => string;
}

/** Form fields of the config paths that the API names in its messages. */
const API_FIELDS: Record<string, RunFormField> = {
  features: "features",
  targets: "targets",
  testFraction: "testFraction",
  repetitions: "repetitions",
  seed: "seed",
  models: "models",
  screeningThreshold: "screeningThreshold",
  "network.hiddenUnits": "hiddenUnits",
  "network.learningRate": "learningRate",
  "network.weightDecay": "weightDecay",
  "network.batchSize": "batchSize",
  "network.epochs": "epochs",
  "network.lossWeights": "lossWeights",
  "selection.repetitions": "selectionRepetitions",
  "selection.validationFraction": "validationFraction",
  "selection.grid.hiddenUnits": "gridHiddenUnits",
  "selection.grid.learningRate": "gridLearningRates",
  "selection.grid.weightDecay": "gridWeightDecays",
  "transfer.parentModelId": "parentModelId",
  "transfer.draws": "transferDraws",
  "transfer.trainingSize": "transferTrainingSize",
  "transfer.fineTunedHiddenLayers": "fineTunedHiddenLayers",
};

/**
 * Returns the form field that an API error message is about, or null. The API starts a rejected
 * config's message with the field's path, e.g. "invalid run config: testFraction must be …".
 */
export function fieldOfApiMessage(message: string): RunFormField | null {
  const path = /^(?:invalid run config: )?([\w.]+)/.exec(message)?.[1] ?? "";

  return API_FIELDS[path] ?? null;
}
