import { registerEnumType } from "type-graphql";

// Enums are const objects with a union type, so plain string literals from
// other packages (such as @ree/core-ml) are assignable to them.

export const ColumnRole = {
  FEATURE: "FEATURE",
  TARGET: "TARGET",
  METADATA: "METADATA",
} as const;
export type ColumnRole = (typeof ColumnRole)[keyof typeof ColumnRole];

export const RunStatus = {
  QUEUED: "QUEUED",
  RUNNING: "RUNNING",
  SUCCEEDED: "SUCCEEDED",
  FAILED: "FAILED",
  CANCELLED: "CANCELLED",
} as const;
export type RunStatus = (typeof RunStatus)[keyof typeof RunStatus];

export const ModelKind = {
  LINEAR: "LINEAR",
  SINGLE_TASK: "SINGLE_TASK",
  MULTI_TASK: "MULTI_TASK",
  RANDOM_FOREST: "RANDOM_FOREST",
  GRADIENT_BOOSTING: "GRADIENT_BOOSTING",
  SVR: "SVR",
} as const;
export type ModelKind = (typeof ModelKind)[keyof typeof ModelKind];

export const SplitMethod = {
  STRATIFIED: "STRATIFIED",
  RANDOM: "RANDOM",
} as const;
export type SplitMethod = (typeof SplitMethod)[keyof typeof SplitMethod];

export const LossWeighting = {
  EQUAL: "EQUAL",
  MEAN: "MEAN",
  CUSTOM: "CUSTOM",
} as const;
export type LossWeighting = (typeof LossWeighting)[keyof typeof LossWeighting];

export const AnalysisKind = {
  SHAP: "SHAP",
  FEATURE_EFFECTS: "FEATURE_EFFECTS",
  NOISE: "NOISE",
  SCREENING: "SCREENING",
} as const;
export type AnalysisKind = (typeof AnalysisKind)[keyof typeof AnalysisKind];

export const RunTask = {
  EVALUATION: "EVALUATION",
  FEATURE_ELIMINATION: "FEATURE_ELIMINATION",
  GRID_SEARCH: "GRID_SEARCH",
  TRANSFER: "TRANSFER",
} as const;
export type RunTask = (typeof RunTask)[keyof typeof RunTask];

export const SelectionModel = {
  LINEAR: "LINEAR",
  NETWORK: "NETWORK",
} as const;
export type SelectionModel = (typeof SelectionModel)[keyof typeof SelectionModel];

export const SelectionMetric = {
  MAPE: "MAPE",
  MAE_OVER_MEAN: "MAE_OVER_MEAN",
} as const;
export type SelectionMetric = (typeof SelectionMetric)[keyof typeof SelectionMetric];

export const DataSplit = {
  TRAIN: "TRAIN",
  TEST: "TEST",
} as const;
export type DataSplit = (typeof DataSplit)[keyof typeof DataSplit];

registerEnumType(ColumnRole, {
  name: "ColumnRole",
  description: "What a numeric column is used for in a model.",
});
registerEnumType(RunStatus, { name: "RunStatus" });
registerEnumType(ModelKind, {
  name: "ModelKind",
  description:
    "LINEAR: multivariate linear regression. SINGLE_TASK: one network per target. " +
    "MULTI_TASK: one network with an output per target. RANDOM_FOREST, GRADIENT_BOOSTING " +
    "and SVR: the study's baselines, one model per target, with scikit-learn's defaults.",
});
registerEnumType(SplitMethod, {
  name: "SplitMethod",
  description:
    "STRATIFIED: 5 strata of equal count on the first target, each split in proportion. " +
    "RANDOM: a plain shuffle.",
});
registerEnumType(LossWeighting, {
  name: "LossWeighting",
  description:
    "Per-target weights of the multi-task loss. EQUAL: all 1. MEAN: each target's mean " +
    "content. CUSTOM: the weights given in lossWeights.",
});
registerEnumType(DataSplit, { name: "DataSplit" });
registerEnumType(RunTask, {
  name: "RunTask",
  description:
    "EVALUATION: train and score the models over repetitions. FEATURE_ELIMINATION: recursive " +
    "feature elimination. GRID_SEARCH: score a hyperparameter grid on validation rows. " +
    "TRANSFER: compare ways to carry a trained multi-task model over to the data set.",
});
registerEnumType(SelectionModel, {
  name: "SelectionModel",
  description: "Model refitted for each candidate: linear regression or a single-task network.",
});
registerEnumType(SelectionMetric, {
  name: "SelectionMetric",
  description: "Validation error: MAPE, or MAE over the mean measured value (both in %).",
});
registerEnumType(AnalysisKind, {
  name: "AnalysisKind",
  description:
    "Analyses of each trained ensemble for the total REE. SHAP: feature attributions. " +
    "FEATURE_EFFECTS: one feature varied from its 20th to 80th percentile. NOISE: 2 % and " +
    "4 % Gaussian input noise. SCREENING: high/low classes at a threshold.",
});

export const DomainWarningKind = {
  RANGE: "RANGE",
  DISTANCE: "DISTANCE",
} as const;
export type DomainWarningKind = (typeof DomainWarningKind)[keyof typeof DomainWarningKind];

registerEnumType(DomainWarningKind, {
  name: "DomainWarningKind",
  description:
    "RANGE: one feature outside the training range; DISTANCE: the composition as a whole " +
    "farther from the training rows than any training row or the chi-square 0.99 quantile.",
});

export const ThresholdSource = {
  MODEL: "MODEL",
  REQUEST: "REQUEST",
} as const;
export type ThresholdSource = (typeof ThresholdSource)[keyof typeof ThresholdSource];

registerEnumType(ThresholdSource, { name: "ThresholdSource" });
