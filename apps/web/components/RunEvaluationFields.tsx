import type { AnalysisKind, ModelKind } from "@ree/schema/documents";

import { formatQuantity } from "../lib/format";
import { ANALYSIS_LABELS, modelKindLabel } from "../lib/labels";
import { RUN_FORM_LABELS, type RunFormSectionProps } from "../lib/runConfigForm";
import { CheckboxGroup } from "./CheckboxGroup";
import { TextField } from "./TextField";

export interface RunEvaluationFieldsProps extends RunFormSectionProps {
  /** Median total REE of the data set, the API's default screening threshold, or null if unknown. */
  medianTotalRee: number | null;
  /** Unit of the total REE. */
  totalReeUnit: string;
}

const MODEL_KINDS: readonly ModelKind[] = [
  "LINEAR",
  "SINGLE_TASK",
  "MULTI_TASK",
  "RANDOM_FOREST",
  "GRADIENT_BOOSTING",
  "SVR",
];
const MODEL_KIND_DESCRIPTIONS: Record<ModelKind, string> = {
  LINEAR: "a least-squares fit that uses no network settings",
  SINGLE_TASK: "one network per target",
  MULTI_TASK: "one network with an output per target",
  RANDOM_FOREST: "100 trees per target, a baseline of the study",
  GRADIENT_BOOSTING: "100 boosting rounds of depth-3 trees per target, a baseline of the study",
  SVR: "an RBF-kernel support vector regression per target, a baseline of the study",
};
const ANALYSES: readonly AnalysisKind[] = ["SHAP", "FEATURE_EFFECTS", "NOISE", "SCREENING"];
const ANALYSIS_DESCRIPTIONS: Record<AnalysisKind, string> = {
  SHAP: "feature attributions",
  FEATURE_EFFECTS: "one feature varied from its 20th to 80th percentile",
  NOISE: "2 % and 4 % Gaussian input noise",
  SCREENING: "high/low classes at a threshold",
};

/** Model kinds, analyses and screening threshold of an evaluation. */
export function RunEvaluationFields({
  values,
  errors,
  onChange,
  fieldId,
  medianTotalRee,
  totalReeUnit,
}: RunEvaluationFieldsProps) {
  const median =
    medianTotalRee === null
      ? null
      : `${formatQuantity(medianTotalRee, totalReeUnit)} ${totalReeUnit}`;

  return (
    <fieldset className="form-section">
      <legend>Models and analyses</legend>
      <CheckboxGroup
        id={fieldId("models")}
        legend={RUN_FORM_LABELS.models}
        layout="list"
        options={MODEL_KINDS.map((kind) => ({
          value: kind,
          label: `${modelKindLabel(kind)}: ${MODEL_KIND_DESCRIPTIONS[kind]}`,
        }))}
        selected={values.models}
        onChange={(models) => onChange({ models: models as ModelKind[] })}
        error={errors.models}
      />
      <CheckboxGroup
        id={fieldId("analyses")}
        legend={RUN_FORM_LABELS.analyses}
        layout="list"
        hint="Computed for the total REE of each model kind after training."
        options={ANALYSES.map((kind) => ({
          value: kind,
          label: `${ANALYSIS_LABELS[kind]}: ${ANALYSIS_DESCRIPTIONS[kind]}`,
        }))}
        selected={values.analyses}
        onChange={(analyses) => onChange({ analyses: analyses as AnalysisKind[] })}
      />
      {values.analyses.includes("SCREENING") ? (
        <TextField
          id={fieldId("screeningThreshold")}
          label={`${RUN_FORM_LABELS.screeningThreshold} (${totalReeUnit})`}
          value={values.screeningThreshold}
          onChange={(screeningThreshold) => onChange({ screeningThreshold })}
          error={errors.screeningThreshold}
          inputMode="decimal"
          hint={`Total REE at or above which an ash counts as high, 0 or more. Leave empty for the data set's median${median === null ? "" : ` (${median})`}.`}
        />
      ) : null}
    </fieldset>
  );
}
