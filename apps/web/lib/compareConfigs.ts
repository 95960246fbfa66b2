import type { RunConfig } from "@ree/schema/documents";

import { formatPowerOfTen } from "./format";
import {
  ANALYSIS_LABELS,
  columnLabel,
  modelKindLabel,
  RUN_TASK_LABELS,
  SELECTION_METRIC_LABELS,
  SELECTION_MODEL_LABELS,
} from "./labels";

/** One setting of several runs, with a flag for whether they differ. */
export interface ConfigRow {
  label: string;
  values: string[];
  differs: boolean;
}

/** Settings that a comparison lists, each as display text. */
const SETTINGS: readonly { label: string; read: (config: RunConfig) => string }[] = [
  { label: "Task", read: (config) => RUN_TASK_LABELS[config.task] },
  { label: "Features", read: (config) => config.features.map(columnLabel).join(", ") },
  { label: "Targets", read: (config) => config.targets.map(columnLabel).join(", ") },
  { label: "Split", read: (config) => config.split.toLowerCase() },
  { label: "Test fraction", read: (config) => `${Math.round(config.testFraction * 100)} %` },
  { label: "Repetitions", read: (config) => String(config.repetitions) },
  { label: "Seed", read: (config) => String(config.seed) },
  {
    label: "Model kinds",
    read: (config) => config.models.map((kind) => modelKindLabel(kind)).join(", "),
  },
  { label: "Hidden units", read: (config) => config.network.hiddenUnits.join(" → ") },
  { label: "Learning rate", read: (config) => formatPowerOfTen(config.network.learningRate) },
  { label: "Weight decay", read: (config) => formatPowerOfTen(config.network.weightDecay) },
  { label: "Batch size", read: (config) => String(config.network.batchSize) },
  { label: "Epochs", read: (config) => String(config.network.epochs) },
  { label: "Loss weighting", read: (config) => config.network.lossWeighting.toLowerCase() },
  {
    label: "Analyses",
    read: (config) => config.analyses.map((kind) => ANALYSIS_LABELS[kind]).join(", ") || "None",
  },
  {
    label: "Screening threshold",
    read: (config) =>
      config.screeningThreshold === null
        ? "Median total REE"
        : `${config.screeningThreshold} ppm (molar)`,
  },
  {
    label: "Selection model",
    read: (config) => SELECTION_MODEL_LABELS[config.selection.model],
  },
  {
    label: "Selection metric",
    read: (config) => SELECTION_METRIC_LABELS[config.selection.metric],
  },
];

/**
 * Returns each setting of the runs side by side, in the order of `configs`, marking the settings
 * whose display text differs between any two runs.
 */
export function compareConfigs(
  configs: readonly RunConfig[],
  datasetNames: readonly string[],
): ConfigRow[] {
  const rows = [
    { label: "Data set", values: [...datasetNames] },
    ...SETTINGS.map(({ label, read }) => ({ label, values: configs.map(read) })),
  ];

  return rows.map((row) => ({ ...row, differs: new Set(row.values).size > 1 }));
}
