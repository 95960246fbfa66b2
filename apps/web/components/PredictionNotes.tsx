import type { Prediction } from "@ree/schema/documents";

import { formatPercent, formatQuantity } from "../lib/format";
import { columnLabel } from "../lib/labels";

export interface PredictionNotesProps {
  prediction: Prediction;
  /** Unit of the model's targets. */
  unit: string;
}

/**
 * Shows the screening class of one prediction and the reasons its composition is outside the
 * model's training domain, next to the composition.
 */
export function PredictionNotes({ prediction, unit }: PredictionNotesProps) {
  const { screening, warnings } = prediction;

  return (
    <div className="prediction-notes">
      {screening === null ? null : (
        <p className={`screening screening-${screening.high ? "high" : "low"}`}>
          <strong>{screening.high ? "High" : "Low"}</strong> {columnLabel(screening.target)} at{" "}
          {formatQuantity(screening.threshold, unit)} {unit}
          {screening.thresholdSource === "MODEL" ? " (the model's threshold)" : ""}:{" "}
          {formatPercent(screening.shareAbove)} of the members at or above it.
        </p>
      )}
      {warnings.length === 0 ? null : (
        <ul className="domain-warnings" aria-label="Out-of-domain warnings">
          {warnings.map((warning) => (
            <li key={warning.message}>{warning.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
