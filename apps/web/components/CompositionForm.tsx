import { useMutation } from "@apollo/client/react";
import { PredictDocument, type Model } from "@ree/schema/documents";
import { useId, useState, type FormEvent } from "react";

import { formatMemberCount } from "../lib/format";
import { modelTitle, oxideFormula } from "../lib/labels";
import { parseMolPercent } from "../lib/parseMolPercent";
import { PredictionNotes } from "./PredictionNotes";
import { PredictionTable } from "./PredictionTable";
import { QueryError } from "./QueryError";

export interface CompositionFormProps {
  /** Model that predicts; the form remounts for another. */
  model: Model;
}

/**
 * Form with one input per feature of the chosen model, in the model's feature unit (mol %).
 * Inputs are checked before the Predict mutation is sent, and each message names its field.
 */
export function CompositionForm({ model }: CompositionFormProps) {
  const formId = useId();
  const [label, setLabel] = useState("");
  const [inputs, setInputs] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [predictedWith, setPredictedWith] = useState<Model | null>(null);
  const [predict, { data, error, loading }] = useMutation(PredictDocument);

  const inputId = (index: number) => `${formId}-feature-${index}`;
  const fieldLabel = (feature: string) => `${oxideFormula(feature)} (${model.featureUnit})`;
  const errorList = model.features.flatMap((feature, index) => {
    const message = fieldErrors[feature];
    return message === undefined ? [] : [{ index, message }];
  });

  function handleInputChange(feature: string, text: string) {
    setInputs((current) => ({ ...current, [feature]: text }));
    setFieldErrors(({ [feature]: _fixed, ...others }) => others);
  }

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();

    const errors: Record<string, string> = {};
    const oxides: { oxide: string; molPercent: number }[] = [];
    for (const feature of model.features) {
      const result = parseMolPercent(fieldLabel(feature), inputs[feature] ?? "");
      if (result.ok) {
        oxides.push({ oxide: oxideFormula(feature), molPercent: result.value });
      } else {
        errors[feature] = result.message;
      }
    }

    setFieldErrors(errors);

    const firstInvalid = model.features.findIndex((feature) => errors[feature] !== undefined);
    if (firstInvalid !== -1) {
      document.getElementById(inputId(firstInvalid))?.focus();
      return;
    }

    const trimmedLabel = label.trim();
    setPredictedWith(model);
    // Apollo marks a rejected mutation as handled, and the hook's `error` shows the failure.
    void predict({
      variables: {
        modelId: model.id,
        compositions: [{ ...(trimmedLabel === "" ? {} : { label: trimmedLabel }), oxides }],
      },
    });
  };

  const prediction = data?.predict[0];

  return (
    <>
      <form className="composition-form" onSubmit={handleSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${formId}-label`}>Sample label (optional)</label>
          <input
            id={`${formId}-label`}
            type="text"
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
        </div>

        {errorList.length === 0 ? null : (
          <div role="alert" className="alert">
            <p>Correct these values before predicting:</p>
            <ul>
              {errorList.map(({ index, message }) => (
                <li key={index}>
                  <a href={`#${inputId(index)}`}>{message}</a>
                </li>
              ))}
            </ul>
          </div>
        )}

        <fieldset>
          <legend>Oxide composition of the ash ({model.featureUnit})</legend>
          <div className="oxide-grid">
            {model.features.map((feature, index) => {
              const message = fieldErrors[feature];
              const id = inputId(index);

              return (
                <div key={feature} className="field">
                  <label htmlFor={id}>{fieldLabel(feature)}</label>
                  <input
                    id={id}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    value={inputs[feature] ?? ""}
                    aria-invalid={message !== undefined}
                    aria-describedby={message === undefined ? undefined : `${id}-error`}
                    onChange={(event) => handleInputChange(feature, event.target.value)}
                  />
                  {message === undefined ? null : (
                    <p id={`${id}-error`} className="field-error">
                      {message}
                    </p>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>

        <button type="submit" disabled={loading}>
          {loading ? "Predicting…" : "Predict"}
        </button>
      </form>

      <section aria-labelledby={`${formId}-result`} aria-live="polite">
        <h2 id={`${formId}-result`}>Prediction</h2>
        {error ? <QueryError error={error} subject="the prediction" /> : null}
        {prediction === undefined || predictedWith === null ? (
          <p className="muted">
            {data === undefined
              ? "Enter a composition and press Predict."
              : "No prediction returned."}
          </p>
        ) : (
          <>
            <p>
              By {modelTitle(predictedWith)} ({formatMemberCount(predictedWith.memberCount)}).
            </p>
            <PredictionNotes prediction={prediction} unit={predictedWith.targetUnit} />
            <PredictionTable prediction={prediction} unit={predictedWith.targetUnit} />
          </>
        )}
      </section>
    </>
  );
}
