import type { PickerModel } from "@ree/schema/documents";

import { modelTitle } from "../lib/labels";
import { RUN_FORM_LABELS, type RunFormSectionProps } from "../lib/runConfigForm";
import type { SearchPages } from "../lib/useSearchPages";
import { RadioGroup } from "./RadioGroup";
import { ModelPicker } from "./RecordPickers";
import { TextField } from "./TextField";

/** A model that a transfer can start from: a multi-task network ensemble. */
export type ParentModelOption = PickerModel;

export interface RunTransferFieldsProps extends RunFormSectionProps {
  /** Search of the multi-task models; absent, no transfer can be set up. */
  parentSearch: SearchPages<ParentModelOption> | undefined;
  /** The chosen parent model. */
  parent: ParentModelOption | null;
  onChooseParent: (model: ParentModelOption) => void;
}

/**
 * Inputs of a transfer: the parent model, the random draws of training samples, the layers that
 * fine-tuning trains and its loss. The parent sets the features, targets and hidden layers.
 */
export function RunTransferFields({
  values,
  errors,
  columns,
  onChange,
  fieldId,
  parentSearch,
  parent,
  onChooseParent,
}: RunTransferFieldsProps) {
  const pickerId = fieldId("parentModelId");
  const noParents =
    parentSearch === undefined || (parentSearch.text === "" && parentSearch.totalCount === 0);
  const trainingSize = Number(values.transferTrainingSize);
  const testSize = Number.isInteger(trainingSize) ? columns.sampleCount - trainingSize : null;

  return (
    <fieldset className="form-section">
      <legend>Transfer</legend>
      {noParents ? (
        <div className="field wide-field">
          <p className="alert" role="alert">
            No multi-task model exists yet. Run an evaluation with a multi-task network first.
          </p>
        </div>
      ) : (
        <ModelPicker
          id={pickerId}
          label={RUN_FORM_LABELS.parentModelId}
          hint="A multi-task network ensemble. Its features, targets, scalers and hidden layers are kept; each member gives one fine-tuned member."
          search={parentSearch}
          chosenText={parent === null ? null : modelTitle(parent)}
          onChoose={onChooseParent}
          error={errors.parentModelId}
        />
      )}
      <div className="field-row">
        <TextField
          id={fieldId("transferDraws")}
          label={RUN_FORM_LABELS.transferDraws}
          value={values.transferDraws}
          onChange={(transferDraws) => onChange({ transferDraws })}
          error={errors.transferDraws}
          inputMode="numeric"
          hint="Random draws of training samples, from 1 to 1000."
        />
        <TextField
          id={fieldId("transferTrainingSize")}
          label={RUN_FORM_LABELS.transferTrainingSize}
          value={values.transferTrainingSize}
          onChange={(transferTrainingSize) => onChange({ transferTrainingSize })}
          error={errors.transferTrainingSize}
          inputMode="numeric"
          hint={
            testSize === null || testSize < 0
              ? `From 2 to ${columns.sampleCount - 2}; the other samples test each draw.`
              : `The other ${testSize} of ${columns.sampleCount} samples test each draw.`
          }
        />
        <TextField
          id={fieldId("seed")}
          label={RUN_FORM_LABELS.seed}
          value={values.seed}
          onChange={(seed) => onChange({ seed })}
          error={errors.seed}
          inputMode="numeric"
          hint="Whole number; the same seed and settings give the same draws and weights."
        />
      </div>
      <RadioGroup<"0" | "1">
        id={fieldId("fineTunedHiddenLayers")}
        legend={RUN_FORM_LABELS.fineTunedHiddenLayers}
        hint="Layers that fine-tuning trains; the others keep the parent's weights."
        value={values.fineTunedHiddenLayers}
        onChange={(fineTunedHiddenLayers) => onChange({ fineTunedHiddenLayers })}
        options={[
          { value: "0", label: "Output layer", description: "As in the study." },
          { value: "1", label: "Output and last hidden layer" },
        ]}
      />
      <RadioGroup<RunFormSectionProps["values"]["asymmetricLoss"]>
        id={fieldId("asymmetricLoss")}
        legend={RUN_FORM_LABELS.asymmetricLoss}
        hint="The asymmetric loss squares the loss of samples whose total REE is predicted on one side of the truth."
        value={values.asymmetricLoss}
        onChange={(asymmetricLoss) => onChange({ asymmetricLoss })}
        options={[
          { value: "NONE", label: "Mean squared error" },
          {
            value: "OVER",
            label: "Penalise over-prediction",
            description: "Fewer false positives among high-REE ashes.",
          },
          {
            value: "UNDER",
            label: "Penalise under-prediction",
            description: "Fewer false negatives among high-REE ashes.",
          },
        ]}
      />
      <RadioGroup<RunFormSectionProps["values"]["frozenBatchNorm"]>
        id={fieldId("frozenBatchNorm")}
        legend={RUN_FORM_LABELS.frozenBatchNorm}
        hint="How the batch norm of the frozen layers normalises while fine-tuning."
        value={values.frozenBatchNorm}
        onChange={(frozenBatchNorm) => onChange({ frozenBatchNorm })}
        options={[
          {
            value: "INFERENCE",
            label: "Parent's statistics",
            description: "Frozen layers compute exactly what they computed in the parent.",
          },
          {
            value: "TRAINING",
            label: "Batch statistics",
            description:
              "As PyTorch in training mode: the moving statistics follow the new samples.",
          },
        ]}
      />
    </fieldset>
  );
}
