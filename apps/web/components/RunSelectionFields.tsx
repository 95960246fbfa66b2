import type { SelectionMetric, SelectionModel } from "@ree/schema/documents";

import { parseLayerListInput, parseNumberListInput } from "../lib/parseNumberInput";
import {
  RUN_FORM_LABELS,
  type RunFormSectionProps,
  STUDY_GRID_COMBINATIONS,
} from "../lib/runConfigForm";
import { RadioGroup } from "./RadioGroup";
import { TextField } from "./TextField";

/** Returns the number of combinations of a custom grid, or null while an input is invalid. */
function countCombinations(values: RunFormSectionProps["values"]): number | null {
  const hiddenUnits = parseLayerListInput("", values.gridHiddenUnits);
  const learningRates = parseNumberListInput("", values.gridLearningRates, { above: 0 });
  const weightDecays = parseNumberListInput("", values.gridWeightDecays, { min: 0 });
  if (!hiddenUnits.ok || !learningRates.ok || !weightDecays.ok) {
    return null;
  }

  return hiddenUnits.value.length * learningRates.value.length * weightDecays.value.length;
}

/** Refitted model, validation error and, for a grid search, the grid. */
export function RunSelectionFields({ values, errors, onChange, fieldId }: RunFormSectionProps) {
  const combinations = values.useStudyGrid ? STUDY_GRID_COMBINATIONS : countCombinations(values);

  return (
    <fieldset className="form-section">
      <legend>{values.task === "GRID_SEARCH" ? "Grid search" : "Feature elimination"}</legend>
      {values.task === "FEATURE_ELIMINATION" ? (
        <RadioGroup<SelectionModel>
          id={fieldId("selectionModel")}
          legend={RUN_FORM_LABELS.selectionModel}
          value={values.selectionModel}
          onChange={(selectionModel) => onChange({ selectionModel })}
          options={[
            {
              value: "NETWORK",
              label: "Single-task network",
              description:
                "Trained with the network settings below for every candidate feature set.",
            },
            {
              value: "LINEAR",
              label: "Linear regression",
              description: "Fast, but it only finds features that act linearly.",
            },
          ]}
        />
      ) : null}
      <RadioGroup<SelectionMetric>
        id={fieldId("selectionMetric")}
        legend={RUN_FORM_LABELS.selectionMetric}
        value={values.selectionMetric}
        onChange={(selectionMetric) => onChange({ selectionMetric })}
        options={[
          {
            value: "MAPE",
            label: "MAPE",
            description: "Mean absolute percentage error: mean of |error| / measured, in %.",
          },
          {
            value: "MAE_OVER_MEAN",
            label: "MAE / mean",
            description:
              "Mean absolute error over the mean measured value, in %; low contents weigh less than in MAPE.",
          },
        ]}
      />
      {values.task === "GRID_SEARCH" ? (
        <>
          <RadioGroup<"STUDY" | "CUSTOM">
            id={fieldId("useStudyGrid")}
            legend={RUN_FORM_LABELS.useStudyGrid}
            value={values.useStudyGrid ? "STUDY" : "CUSTOM"}
            onChange={(choice) => onChange({ useStudyGrid: choice === "STUDY" })}
            options={[
              {
                value: "STUDY",
                label: "The study's grid",
                description: `Hidden layers h1, h2 each 2, 4, 8, 16 or 32; 16 learning rates from 1 to 10⁻⁵ and 16 weight decays from 0.1 to 10⁻⁶, each a factor of 10^(1/3) apart: ${STUDY_GRID_COMBINATIONS} combinations.`,
              },
              {
                value: "CUSTOM",
                label: "A custom grid",
                description: "Every combination of the values below is trained.",
              },
            ]}
          />
          {values.useStudyGrid ? null : (
            <div className="grid-editor">
              <TextField
                id={fieldId("gridHiddenUnits")}
                label={RUN_FORM_LABELS.gridHiddenUnits}
                value={values.gridHiddenUnits}
                onChange={(gridHiddenUnits) => onChange({ gridHiddenUnits })}
                error={errors.gridHiddenUnits}
                rows={3}
                hint="One configuration per line or separated by semicolons; each lists the units per layer, e.g. 20, 6."
              />
              <TextField
                id={fieldId("gridLearningRates")}
                label={RUN_FORM_LABELS.gridLearningRates}
                value={values.gridLearningRates}
                onChange={(gridLearningRates) => onChange({ gridLearningRates })}
                error={errors.gridLearningRates}
                hint="Greater than 0, separated by commas, e.g. 1e-3, 10^-2.5."
              />
              <TextField
                id={fieldId("gridWeightDecays")}
                label={RUN_FORM_LABELS.gridWeightDecays}
                value={values.gridWeightDecays}
                onChange={(gridWeightDecays) => onChange({ gridWeightDecays })}
                error={errors.gridWeightDecays}
                hint="0 or more, separated by commas, e.g. 0, 1e-3, 1e-2."
              />
            </div>
          )}
          <p className="muted" aria-live="polite">
            {combinations === null
              ? "Correct the grid to see how many combinations it has."
              : `${combinations} combination${combinations === 1 ? "" : "s"}.`}
          </p>
        </>
      ) : null}
    </fieldset>
  );
}
