import type { RunConfig } from "@ree/schema/documents";

import { columnLabel, MODEL_KIND_LABELS } from "../lib/labels";

const SPLIT_LABELS: Record<RunConfig["split"], string> = {
  STRATIFIED: "Stratified on the first target",
  RANDOM: "Random",
};

const LOSS_WEIGHTING_LABELS: Record<RunConfig["network"]["lossWeighting"], string> = {
  EQUAL: "Equal for every target",
  MEAN: "By target mean",
};

/** Lists the settings a run used, with every default filled in by the API. */
export function RunConfigList({ config }: { config: RunConfig }) {
  const { network } = config;

  return (
    <dl className="facts">
      <dt>Features</dt>
      <dd>{config.features.map(columnLabel).join(", ")}</dd>
      <dt>Targets</dt>
      <dd>{config.targets.map(columnLabel).join(", ")}</dd>
      <dt>Split</dt>
      <dd>
        {SPLIT_LABELS[config.split]}, {Math.round(config.testFraction * 100)} % held out for testing
      </dd>
      <dt>Repetitions</dt>
      <dd>{config.repetitions}</dd>
      <dt>Seed</dt>
      <dd>{config.seed}</dd>
      <dt>Models</dt>
      <dd>{config.models.map((kind) => MODEL_KIND_LABELS[kind]).join(", ")}</dd>
      <dt>Hidden layers</dt>
      <dd>
        {network.hiddenUnits.length === 0 ? "None" : `${network.hiddenUnits.join(", ")} units`}
      </dd>
      <dt>Learning rate</dt>
      <dd>{network.learningRate.toPrecision(3)}</dd>
      <dt>Weight decay</dt>
      <dd>{network.weightDecay.toPrecision(3)}</dd>
      <dt>Batch size</dt>
      <dd>{network.batchSize}</dd>
      <dt>Epochs</dt>
      <dd>{network.epochs}</dd>
      <dt>Loss weighting</dt>
      <dd>{LOSS_WEIGHTING_LABELS[network.lossWeighting]}</dd>
    </dl>
  );
}
