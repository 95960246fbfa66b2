import type {
  EvaluationConfig,
  GridSearchResult,
  RfeResult,
  ModelAnalyses,
  ModelArtifact,
  RepetitionPrediction,
  TableColumn,
  TargetMetrics,
  TransferResult as TransferResultRecord,
} from "@ree/core-ml";
import type { Dataset as DatasetRow, Model as ModelRow, Run as RunRow } from "@ree/db";
import type { Dataset, Model, ModelKind, Run, RunProgress } from "@ree/schema/types";

import { modelDetails } from "./modelDetails.js";

/** The shapes stored in JSON columns, and their mapping to GraphQL objects. */

export type DatasetColumnRecord = TableColumn;

export interface ModelResultRecord {
  kind: ModelKind;
  modelId: string | null;
  secondsPerTraining: number;
  metrics: TargetMetrics[];
  predictions: RepetitionPrediction[];
  /** Absent in results stored before analyses existed. */
  analyses?: ModelAnalyses;
}

export interface RunResultsRecord {
  /** Sample labels and measured targets at the time of the run, by row. */
  labels: string[];
  measured: number[][];
  /** Evaluated model kinds; empty for feature elimination and grid search. */
  models: ModelResultRecord[];
  featureElimination?: RfeResult;
  gridSearch?: GridSearchResult;
  transfer?: TransferResultRecord;
}

export const QUEUED_PROGRESS: RunProgress = {
  fraction: 0,
  repetition: 0,
  repetitions: 0,
  modelKind: null,
  epoch: null,
  epochs: null,
  message: "waiting for a worker",
};

/**
 * Values of config fields that runs stored before those fields existed lack;
 * they are what those runs did.
 */
const CONFIG_DEFAULTS: Pick<
  Run["config"],
  "task" | "analyses" | "screeningThreshold" | "selection"
> = {
  task: "EVALUATION",
  analyses: [],
  screeningThreshold: null,
  selection: {
    repetitions: 100,
    model: "NETWORK",
    metric: "MAPE",
    validationFraction: 0.2,
    grid: null,
  },
};

export function toDataset(row: DatasetRow): Dataset {
  return { ...row, columns: toDatasetColumns(row.columns) };
}

export function toDatasetColumns(columnsJson: unknown): Dataset["columns"] {
  const columns = columnsJson as DatasetColumnRecord[];

  return columns.map(({ name, role, unit }) => ({ name, role, unit }));
}

export function toRun(row: RunRow): Run {
  const config = row.config as unknown as EvaluationConfig;
  const progress = row.progress as unknown as Partial<RunProgress>;

  return {
    ...row,
    config: { ...CONFIG_DEFAULTS, ...config },
    progress: { ...QUEUED_PROGRESS, ...progress },
  };
}

export function toModel(row: ModelRow, defaultModelId: string | null): Model {
  const artifact = row.artifact as unknown as ModelArtifact;

  return {
    id: row.id,
    name: row.name,
    kind: artifact.kind,
    features: artifact.features,
    featureUnit: artifact.featureUnit,
    targets: artifact.targets,
    targetUnit: artifact.targetUnit,
    memberCount: artifact.members.length,
    runId: row.runId,
    isDefault: row.id === defaultModelId,
    createdAt: row.createdAt,
    ...modelDetails(row.id, row.datasetId, artifact),
  };
}
