import { registerEnumType } from "type-graphql";

export enum ColumnRole {
  FEATURE = "FEATURE",
  TARGET = "TARGET",
  METADATA = "METADATA",
}

export enum RunStatus {
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  SUCCEEDED = "SUCCEEDED",
  FAILED = "FAILED",
}

export enum ModelKind {
  LINEAR = "LINEAR",
  SINGLE_TASK = "SINGLE_TASK",
  MULTI_TASK = "MULTI_TASK",
}

export enum SplitMethod {
  STRATIFIED = "STRATIFIED",
  RANDOM = "RANDOM",
}

export enum LossWeighting {
  EQUAL = "EQUAL",
  MEAN = "MEAN",
}

export enum DataSplit {
  TRAIN = "TRAIN",
  TEST = "TEST",
}

registerEnumType(ColumnRole, {
  name: "ColumnRole",
  description: "What a numeric column is used for in a model.",
});
registerEnumType(RunStatus, { name: "RunStatus" });
registerEnumType(ModelKind, {
  name: "ModelKind",
  description:
    "LINEAR: multivariate linear regression. SINGLE_TASK: one network per target. " +
    "MULTI_TASK: one network with an output per target.",
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
    "Per-target weights of the multi-task loss. EQUAL: all 1. MEAN: each target's mean content.",
});
registerEnumType(DataSplit, { name: "DataSplit" });
