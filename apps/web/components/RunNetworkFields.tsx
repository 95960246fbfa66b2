import type { LossWeighting } from "@ree/schema/documents";

import { columnLabel } from "../lib/labels";
import {
  RUN_FORM_LABELS,
  type RunFormSectionProps,
  usesNetworkSettings,
} from "../lib/runConfigForm";
import { RadioGroup } from "./RadioGroup";
import { TextField } from "./TextField";

/**
 * Network inputs that the task uses: all of them for an evaluation and for feature elimination
 * with networks, all but the hidden layers for a transfer, only batch size and epochs for a grid
 * search, none for feature elimination with linear regression.
 */
export function RunNetworkFields({ values, errors, onChange, fieldId }: RunFormSectionProps) {
  const isGridSearch = values.task === "GRID_SEARCH";
  const isTransfer = values.task === "TRANSFER";
  if (!usesNetworkSettings(values) && !isGridSearch && !isTransfer) {
    return null;
  }

  return (
    <fieldset className="form-section">
      <legend>Network</legend>
      {isGridSearch ? (
        <p className="field-hint">
          The grid sets the hidden layers, learning rate and weight decay of each candidate.
        </p>
      ) : null}
      {isTransfer ? (
        <p className="field-hint">
          Fine-tuning and training from scratch use these settings with the parent&apos;s hidden
          layers.
        </p>
      ) : null}
      <div className="field-row">
        {isGridSearch ? null : (
          <>
            {isTransfer ? null : (
              <TextField
                id={fieldId("hiddenUnits")}
                label={RUN_FORM_LABELS.hiddenUnits}
                value={values.hiddenUnits}
                onChange={(hiddenUnits) => onChange({ hiddenUnits })}
                error={errors.hiddenUnits}
                hint="Units per hidden layer, e.g. 20, 6 for two layers."
              />
            )}
            <TextField
              id={fieldId("learningRate")}
              label={RUN_FORM_LABELS.learningRate}
              value={values.learningRate}
              onChange={(learningRate) => onChange({ learningRate })}
              error={errors.learningRate}
              inputMode="decimal"
              hint="Adam step size, greater than 0; 10^-3.33 is accepted."
            />
            <TextField
              id={fieldId("weightDecay")}
              label={RUN_FORM_LABELS.weightDecay}
              value={values.weightDecay}
              onChange={(weightDecay) => onChange({ weightDecay })}
              error={errors.weightDecay}
              inputMode="decimal"
              hint="L2 penalty on the weights, 0 or more."
            />
          </>
        )}
        <TextField
          id={fieldId("batchSize")}
          label={RUN_FORM_LABELS.batchSize}
          value={values.batchSize}
          onChange={(batchSize) => onChange({ batchSize })}
          error={errors.batchSize}
          inputMode="numeric"
          hint="Samples per gradient step, 1 or more."
        />
        <TextField
          id={fieldId("epochs")}
          label={RUN_FORM_LABELS.epochs}
          value={values.epochs}
          onChange={(epochs) => onChange({ epochs })}
          error={errors.epochs}
          inputMode="numeric"
          hint="Passes over the training samples, 1 or more."
        />
      </div>
      {values.task === "EVALUATION" || isTransfer ? (
        <RadioGroup<LossWeighting>
          id={fieldId("lossWeighting")}
          legend={RUN_FORM_LABELS.lossWeighting}
          hint="Weights of the targets in the loss of the multi-task network."
          value={values.lossWeighting}
          onChange={(lossWeighting) => onChange({ lossWeighting })}
          options={[
            {
              value: "MEAN",
              label: "By target mean",
              description: "Each target weighs its mean content on the training rows.",
            },
            { value: "EQUAL", label: "Equal", description: "Every target weighs 1." },
            {
              value: "CUSTOM",
              label: "Given weights",
              description: "Each target weighs the number given for it below.",
            },
          ]}
        />
      ) : null}
      {values.task === "EVALUATION" && values.lossWeighting === "CUSTOM" ? (
        <TextField
          id={fieldId("lossWeights")}
          label={RUN_FORM_LABELS.lossWeights}
          value={values.lossWeights}
          onChange={(lossWeights) => onChange({ lossWeights })}
          error={errors.lossWeights}
          hint={`One weight greater than 0 per target, in this order: ${values.targets.map(columnLabel).join(", ")}.`}
        />
      ) : null}
    </fieldset>
  );
}
