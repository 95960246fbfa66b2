import type { RunConfig } from "@ree/schema/documents";

import { formatPowerOfTen } from "../lib/format";
import {
  ANALYSIS_LABELS,
  columnLabel,
  modelKindLabel,
  RUN_TASK_LABELS,
  SELECTION_METRIC_LABELS,
  SELECTION_MODEL_LABELS,
} from "../lib/labels";
import { STUDY_GRID_COMBINATIONS } from "../lib/runConfigForm";

const SPLIT_LABELS: Record<RunConfig["split"], string> = {
  STRATIFIED: "Stratified on the first target",
  RANDOM: "Random",
};

const LOSS_WEIGHTING_LABELS: Record<RunConfig["network"]["lossWeighting"], string> = {
  EQUAL: "Equal for every target",
  MEAN: "By target mean",
  CUSTOM: "Given weights",
};

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

/**
 * Lists the settings a run used, with every default filled in by the API. Settings that the
 * run's task ignores are left out. Feature elimination and grid search validate one target on a
 * stratified split and train no model kinds. A grid search takes the network's size, learning
 * rate and weight decay from its grid.
 */
export function RunConfigList({ config }: { config: RunConfig }) {
  const isEvaluation = config.task === "EVALUATION";

  return (
    <dl className="facts">
      <dt>Task</dt>
      <dd>{RUN_TASK_LABELS[config.task]}</dd>
      <dt>Features</dt>
      <dd>{config.features.map(columnLabel).join(", ")}</dd>
      {isEvaluation ? (
        <EvaluationSettings config={config} />
      ) : config.task === "TRANSFER" ? null : (
        <SelectionSettings config={config} />
      )}
      <dt>Seed</dt>
      <dd>{config.seed}</dd>
      <NetworkSettings config={config} />
    </dl>
  );
}

function EvaluationSettings({ config }: { config: RunConfig }) {
  return (
    <>
      <dt>Targets</dt>
      <dd>{config.targets.map(columnLabel).join(", ")}</dd>
      <dt>Split</dt>
      <dd>
        {SPLIT_LABELS[config.split]}, {percent(config.testFraction)} held out for testing
      </dd>
      <dt>Repetitions</dt>
      <dd>{config.repetitions}</dd>
      <dt>Models</dt>
      <dd>{config.models.map((kind) => modelKindLabel(kind)).join(", ")}</dd>
      <dt>Analyses</dt>
      <dd>
        {config.analyses.length === 0
          ? "None"
          : config.analyses.map((kind) => ANALYSIS_LABELS[kind]).join(", ")}
      </dd>
    </>
  );
}

function SelectionSettings({ config }: { config: RunConfig }) {
  const { selection } = config;
  const isElimination = config.task === "FEATURE_ELIMINATION";

  return (
    <>
      <dt>Validation target</dt>
      <dd>{columnLabel(config.targets[0] ?? "")}</dd>
      <dt>Split</dt>
      <dd>
        Stratified on the validation target: {percent(config.testFraction)} held out for testing,
        then {percent(selection.validationFraction)} of the rest for validation
      </dd>
      <dt>Repetitions</dt>
      <dd>
        {selection.repetitions}{" "}
        {isElimination
          ? `elimination${selection.repetitions === 1 ? "" : "s"}`
          : `validation split${selection.repetitions === 1 ? "" : "s"} per combination`}
      </dd>
      {isElimination ? (
        <>
          <dt>Refitted model</dt>
          <dd>{SELECTION_MODEL_LABELS[selection.model]}</dd>
        </>
      ) : null}
      <dt>Validation error</dt>
      <dd>{SELECTION_METRIC_LABELS[selection.metric]} (%)</dd>
      {isElimination ? null : (
        <>
          <dt>Grid</dt>
          <dd>
            {selection.grid === null ? (
              `The study's grid: ${STUDY_GRID_COMBINATIONS} combinations`
            ) : (
              <>
                Hidden layers{" "}
                {selection.grid.hiddenUnits.map((units) => units.join(", ")).join("; ")}
                <br />
                Learning rates {selection.grid.learningRate.map(formatPowerOfTen).join(", ")}
                <br />
                Weight decays {selection.grid.weightDecay.map(formatPowerOfTen).join(", ")}
              </>
            )}
          </dd>
        </>
      )}
    </>
  );
}

function NetworkSettings({ config }: { config: RunConfig }) {
  const { network, task, selection } = config;
  if (task === "FEATURE_ELIMINATION" && selection.model === "LINEAR") {
    return null;
  }

  return (
    <>
      {task === "GRID_SEARCH" ? null : (
        <>
          <dt>Hidden layers</dt>
          <dd>
            {network.hiddenUnits.length === 0 ? "None" : `${network.hiddenUnits.join(", ")} units`}
          </dd>
          <dt>Learning rate</dt>
          <dd>{formatPowerOfTen(network.learningRate)}</dd>
          <dt>Weight decay</dt>
          <dd>{formatPowerOfTen(network.weightDecay)}</dd>
        </>
      )}
      <dt>Batch size</dt>
      <dd>{network.batchSize}</dd>
      <dt>Epochs</dt>
      <dd>{network.epochs}</dd>
      {task === "EVALUATION" ? (
        <>
          <dt>Loss weighting</dt>
          <dd>
            {LOSS_WEIGHTING_LABELS[network.lossWeighting]}
            {network.lossWeights ? `: ${network.lossWeights.join(", ")}` : null}
          </dd>
        </>
      ) : null}
    </>
  );
}
