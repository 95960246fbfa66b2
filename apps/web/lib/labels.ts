import type {
  AnalysisKind,
  DataSplit,
  ModelKind,
  RunStatus,
  RunTask,
  SelectionMetric,
  SelectionModel,
} from "@ree/schema/documents";

/** Display names of the model kinds trained by a run. */
const MODEL_KIND_LABELS: Record<ModelKind, string> = {
  LINEAR: "Linear regression",
  SINGLE_TASK: "Single-task network",
  MULTI_TASK: "Multi-task network",
  RANDOM_FOREST: "Random forest",
  GRADIENT_BOOSTING: "Gradient-boosted trees",
  SVR: "Support vector regression",
};

/**
 * Display name of a model kind; a single-task network names its one target, as in
 * "Single-task network (La)". Lists, pickers and pages all name kinds through this.
 */
export function modelKindLabel(kind: ModelKind, targets: readonly string[] = []): string {
  const label = MODEL_KIND_LABELS[kind];
  const [target] = targets;

  return kind === "SINGLE_TASK" && targets.length === 1 && target !== undefined
    ? `${label} (${targetName(target)})`
    : label;
}

/**
 * Display name of a model. Runs name their models "<kind> from <run>" with the API's kind value
 * (MULTI_TASK from Small evaluation), which reads as "Multi-task network from Small evaluation".
 */
export function modelTitle(model: {
  name: string;
  kind: ModelKind;
  targets?: readonly string[];
}): string {
  const prefix = `${model.kind} from `;

  return model.name.startsWith(prefix)
    ? `${modelKindLabel(model.kind, model.targets)} from ${model.name.slice(prefix.length)}`
    : model.name;
}

/** Display names of the sample splits, in words rather than the API's enum values. */
export const DATA_SPLIT_LABELS: Record<DataSplit, string> = {
  TRAIN: "Training",
  TEST: "Test",
};

/** Display names of the run states. */
export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  QUEUED: "Queued",
  RUNNING: "Running",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

/** Unit suffixes of column names, which are written <quantity>_<unit> (e.g. La2O3_ppm_mol). */
const UNIT_SUFFIX = /_(mol_pct|ppm_mol)$/;

/**
 * Returns the quantity of a column name without its unit suffix and with spaces for
 * underscores: "Al2O3_mol_pct" → "Al2O3", "REE_total_ppm_mol" → "REE total".
 */
export function columnLabel(column: string): string {
  return column.replace(UNIT_SUFFIX, "").replaceAll("_", " ");
}

/**
 * Returns the oxide formula that the Predict mutation expects for a model feature, which may be
 * a formula ("Al2O3") or a column name ("Al2O3_mol_pct").
 * NOTE: the schema does not say which of the two Model.features contains, so both are accepted.
 */
export function oxideFormula(feature: string): string {
  return feature.replace(UNIT_SUFFIX, "");
}

/** Display names of the run tasks. */
export const RUN_TASK_LABELS: Record<RunTask, string> = {
  EVALUATION: "Evaluation",
  FEATURE_ELIMINATION: "Feature elimination",
  GRID_SEARCH: "Grid search",
  TRANSFER: "Transfer learning",
};

/** Display names of the analyses that an evaluation can request. */
export const ANALYSIS_LABELS: Record<AnalysisKind, string> = {
  SHAP: "SHAP values",
  FEATURE_EFFECTS: "Feature effects",
  NOISE: "Sensitivity to input noise",
  SCREENING: "High/low screening",
};

/** Display names of the models that feature elimination refits. */
export const SELECTION_MODEL_LABELS: Record<SelectionModel, string> = {
  LINEAR: "Linear regression",
  NETWORK: "Single-task network",
};

/** Short names of the validation errors of model selection, both in %. */
export const SELECTION_METRIC_LABELS: Record<SelectionMetric, string> = {
  MAPE: "MAPE",
  MAE_OVER_MEAN: "MAE / mean",
};

/** Column of the total REE content, the first target by default. */
export const TOTAL_REE_COLUMN = "REE_total_ppm_mol";

/** Returns a target's name for running text: "total REE" for the total, else its column label. */
export function targetName(column: string): string {
  return column === TOTAL_REE_COLUMN ? "total REE" : columnLabel(column);
}
