import { readNumber } from "../lib/parseNumberInput";
import { RUN_FORM_LABELS, type RunFormSectionProps, splitSize } from "../lib/runConfigForm";
import { RadioGroup } from "./RadioGroup";
import { TextField } from "./TextField";

/** Returns "2 of 10 samples" for a valid fraction, or null while the input is not one. */
function describeShare(text: string, count: number): string | null {
  const fraction = readNumber(text);
  if (fraction === undefined || !(fraction > 0 && fraction < 1) || count < 2) {
    return null;
  }

  return `${splitSize(count, fraction)} of ${count} samples`;
}

/**
 * Split, repetition and seed inputs. Feature elimination and grid search also set aside a
 * validation share of the training rows and repeat on their own count.
 */
export function RunSplitFields({
  values,
  errors,
  columns,
  onChange,
  fieldId,
}: RunFormSectionProps) {
  const isEvaluation = values.task === "EVALUATION";
  const testShare = describeShare(values.testFraction, columns.sampleCount);
  const testSize =
    testShare === null
      ? null
      : splitSize(columns.sampleCount, readNumber(values.testFraction) ?? 0);
  const trainCount = testSize === null ? null : columns.sampleCount - testSize;
  const validationShare =
    trainCount === null ? null : describeShare(values.validationFraction, trainCount);

  return (
    <fieldset className="form-section">
      <legend>Split and repetitions</legend>
      {isEvaluation ? (
        <RadioGroup
          id={fieldId("split")}
          legend={RUN_FORM_LABELS.split}
          value={values.split}
          onChange={(split) => onChange({ split })}
          options={[
            {
              value: "STRATIFIED",
              label: "Stratified",
              description:
                "Sorts the samples by the first target, cuts them into 5 strata of equal count and holds out test samples from each in proportion, so the test samples spread over the range of that target.",
            },
            { value: "RANDOM", label: "Random", description: "A plain shuffle." },
          ]}
        />
      ) : null}
      <div className="field-row">
        <TextField
          id={fieldId("testFraction")}
          label={RUN_FORM_LABELS.testFraction}
          value={values.testFraction}
          onChange={(testFraction) => onChange({ testFraction })}
          error={errors.testFraction}
          inputMode="decimal"
          hint={`Share held out for testing, between 0 and 1${testShare === null ? "" : `: ${testShare}`}.`}
        />
        {isEvaluation ? (
          <TextField
            id={fieldId("repetitions")}
            label={RUN_FORM_LABELS.repetitions}
            value={values.repetitions}
            onChange={(repetitions) => onChange({ repetitions })}
            error={errors.repetitions}
            inputMode="numeric"
            hint="Splits, each with new initial weights; one ensemble member per repetition (1 to 1000)."
          />
        ) : (
          <>
            <TextField
              id={fieldId("validationFraction")}
              label={RUN_FORM_LABELS.validationFraction}
              value={values.validationFraction}
              onChange={(validationFraction) => onChange({ validationFraction })}
              error={errors.validationFraction}
              inputMode="decimal"
              hint={`Share of the remaining training samples that validates each candidate, between 0 and 1${validationShare === null ? "" : `: ${validationShare}`}.`}
            />
            <TextField
              id={fieldId("selectionRepetitions")}
              label={RUN_FORM_LABELS.selectionRepetitions}
              value={values.selectionRepetitions}
              onChange={(selectionRepetitions) => onChange({ selectionRepetitions })}
              error={errors.selectionRepetitions}
              inputMode="numeric"
              hint={
                values.task === "FEATURE_ELIMINATION"
                  ? "Whole eliminations, each on its own split (1 to 1000)."
                  : "Validation splits per combination; its error is their mean (1 to 1000)."
              }
            />
          </>
        )}
        <TextField
          id={fieldId("seed")}
          label={RUN_FORM_LABELS.seed}
          value={values.seed}
          onChange={(seed) => onChange({ seed })}
          error={errors.seed}
          inputMode="numeric"
          hint="Whole number; the same seed and settings give the same splits and initial weights."
        />
      </div>
    </fieldset>
  );
}
