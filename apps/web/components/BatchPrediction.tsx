"use client";

import { useMutation } from "@apollo/client/react";
import {
  type ModelDetail,
  PredictColumnsDocument,
  type Prediction,
  predictionsFromColumns,
} from "@ree/schema/documents";
import { type ChangeEvent, useId, useMemo, useState } from "react";

import { formatQuantity } from "../lib/format";
import { oxideFormula } from "../lib/labels";
import { type CompositionRow, parseCompositionCsv } from "../lib/parseCompositionCsv";
import { parseNumberInput } from "../lib/parseNumberInput";
import { predictionCsv } from "../lib/predictionCsv";
import { PredictionNotes } from "./PredictionNotes";
import { PredictionTable } from "./PredictionTable";
import { QueryError } from "./QueryError";

export interface BatchPredictionProps {
  /** Model that predicts; the form remounts for another. */
  model: ModelDetail;
}

/**
 * Predicts every composition of a CSV file, read in the browser, and lists the results with the
 * screening class and the out-of-domain warnings of each. The results download as CSV.
 */
export function BatchPrediction({ model }: BatchPredictionProps) {
  const formId = useId();
  const [threshold, setThreshold] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [compositions, setCompositions] = useState<CompositionRow[]>([]);
  // A file may contain thousands of rows, which the server returns much faster as columns.
  const [predict, { data, error, loading, reset }] = useMutation(PredictColumnsDocument);
  const predictions = useMemo<Prediction[]>(
    () => (data ? predictionsFromColumns(data.predictColumns) : []),
    [data],
  );
  const oxides = model.features.map(oxideFormula);

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    reset();
    setCompositions([]);
    if (file === undefined) {
      return;
    }

    const parsed = parseCompositionCsv(await file.text(), oxides);
    const thresholdResult =
      threshold.trim() === ""
        ? ({ ok: true, value: null } as const)
        : parseNumberInput("Screening threshold", threshold, { min: 0 });
    if (!parsed.ok || !thresholdResult.ok) {
      setErrors([
        ...(parsed.ok ? [] : parsed.errors),
        ...(thresholdResult.ok ? [] : [thresholdResult.message]),
      ]);

      return;
    }

    const thresholdValue = thresholdResult.value;

    setErrors([]);
    setCompositions(parsed.compositions);
    void predict({
      variables: {
        modelId: model.id,
        compositions: parsed.compositions,
        screeningThreshold: thresholdValue,
      },
    });
  }

  return (
    <section aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>Predict from a CSV file</h2>
      <p className="muted">
        One ash per row, a column per oxide in mol % named {oxides.join(", ")} (or {oxides[0]}
        _mol_pct), and optionally a sample_id column. The file is read in the browser.
      </p>
      <div className="field">
        <label htmlFor={`${formId}-threshold`}>
          Screening threshold ({model.targetUnit}, optional
          {model.screeningThreshold === null
            ? ""
            : `; the model's is ${formatQuantity(model.screeningThreshold, model.targetUnit)}`}
          )
        </label>
        <input
          id={`${formId}-threshold`}
          type="text"
          inputMode="decimal"
          value={threshold}
          onChange={(event) => setThreshold(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-file`}>CSV file of compositions</label>
        <input
          id={`${formId}-file`}
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => void handleFile(event)}
        />
      </div>
      {errors.length === 0 ? null : (
        <div role="alert" className="alert">
          <p>The file cannot be predicted:</p>
          <ul>
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {error ? <QueryError error={error} subject="the predictions" /> : null}
      {loading ? <p className="muted">Predicting {compositions.length} compositions…</p> : null}
      {model.domain === null ? (
        <p className="alert">
          This model was stored without its training domain, so its predictions carry no
          out-of-domain warnings.
        </p>
      ) : null}
      {predictions.length === 0 ? null : (
        <BatchResults model={model} compositions={compositions} predictions={predictions} />
      )}
    </section>
  );
}

interface BatchResultsProps {
  model: ModelDetail;
  compositions: readonly CompositionRow[];
  predictions: readonly Prediction[];
}

/** Results listed on the page at most; the CSV download contains every one. */
const MAX_LISTED = 500;

function BatchResults({ model, compositions, predictions }: BatchResultsProps) {
  const unit = model.targetUnit;
  const warned = predictions.filter((prediction) => prediction.warnings.length > 0).length;
  const download = () => {
    const blob = new Blob([predictionCsv(compositions, predictions)], { type: "text/csv" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "predictions.csv";
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <>
      <p>
        {predictions.length} compositions predicted; {warned} outside the training domain.
        {predictions.length > MAX_LISTED ? ` The first ${MAX_LISTED} are listed below.` : ""}{" "}
        <button type="button" onClick={download}>
          Download results (CSV)
        </button>
      </p>
      <ol className="batch-predictions">
        {predictions.slice(0, MAX_LISTED).map((prediction, i) => (
          <li key={`${i}-${prediction.label ?? ""}`}>
            <details>
              <summary>
                <strong>{prediction.label}</strong>:{" "}
                {compositions[i]?.oxides
                  .map(({ oxide, molPercent }) => `${oxide} ${molPercent}`)
                  .join(", ")}{" "}
                mol % — total {formatTotal(prediction, unit)}
              </summary>
              <PredictionTable prediction={prediction} unit={unit} />
            </details>
            <PredictionNotes prediction={prediction} unit={unit} />
          </li>
        ))}
      </ol>
    </>
  );
}

/** Formats the total as "143.0 ± 12.0 ppm (molar), 5-95 % 120.1-160.2". */
function formatTotal({ total }: Prediction, unit: string): string {
  if (total === null) {
    return "not predicted";
  }

  const sd = total.sd === null ? "" : ` ± ${formatQuantity(total.sd, unit)}`;
  const range = `${formatQuantity(total.p5, unit)}-${formatQuantity(total.p95, unit)}`;

  return `${formatQuantity(total.value, unit)}${sd} ${unit}, 5-95 % ${range}`;
}
