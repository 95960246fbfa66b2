"use client";

import { useQuery } from "@apollo/client/react";
import {
  ModelDocument,
  RunTransferDocument,
  type TransferApproach,
  type TransferResult,
} from "@ree/schema/documents";

import { formatDuration, formatMeanSd } from "../lib/format";
import { columnLabel, modelTitle } from "../lib/labels";
import { TableScroll } from "./TableScroll";
import { TransferComparison } from "./charts/TransferComparison";
import type { TransferApproachScores } from "./charts/renderTransferComparison";
import { LoadingMessage } from "./LoadingMessage";
import { QueryError } from "./QueryError";

/** Display names of the transfer approaches. */
export const TRANSFER_APPROACH_LABELS: Record<TransferApproach, string> = {
  AS_IS: "As is",
  FROM_SCRATCH: "From scratch",
  FINE_TUNED: "Fine-tuned",
};

export interface TransferResultsProps {
  runId: string;
  /** True while the run is queued or running: the results load once it has finished. */
  active: boolean;
  /** Unit of the scored target. */
  unit: string;
}

/** Settings, score table and comparison chart of a TRANSFER run. */
export function TransferResults({ runId, active, unit }: TransferResultsProps) {
  const { data, error } = useQuery(RunTransferDocument, {
    variables: { id: runId },
    skip: active,
  });
  const parentModelId = data?.run?.config.transfer?.parentModelId ?? null;
  // The parent's name, where the model still exists; its id otherwise.
  const parentModel = useQuery(ModelDocument, {
    variables: { id: parentModelId ?? "" },
    skip: parentModelId === null,
  });

  if (active) {
    return <p className="muted">Results appear here when the run has finished.</p>;
  }

  if (data === undefined) {
    return error ? (
      <QueryError error={error} subject="the transfer results" />
    ) : (
      <LoadingMessage>Loading the transfer results…</LoadingMessage>
    );
  }

  const settings = data.run?.config.transfer ?? null;
  const result = data.run?.transfer ?? null;
  const parent = parentModel.data?.model;

  return (
    <section aria-labelledby="transfer-heading" className="model-result">
      <h3 id="transfer-heading">Transfer of the parent model</h3>
      {settings === null ? null : (
        <dl className="facts">
          <dt>Parent model</dt>
          <dd>{parent ? modelTitle(parent) : settings.parentModelId}</dd>
          <dt>Draws</dt>
          <dd>
            {settings.draws}, each training on {settings.trainingSize} samples and testing on the
            rest
          </dd>
          <dt>Fine-tuned layers</dt>
          <dd>
            {settings.fineTunedHiddenLayers === 0
              ? "Output layer only"
              : settings.fineTunedHiddenLayers === 1
                ? "Output layer and the last hidden layer"
                : `Output layer and the last ${settings.fineTunedHiddenLayers} hidden layers`}
          </dd>
          <dt>Frozen batch norm</dt>
          <dd>
            {settings.frozenBatchNorm === "INFERENCE"
              ? "The parent's moving statistics"
              : "Batch statistics, as in training mode"}
          </dd>
          <dt>Fine-tuning loss</dt>
          <dd>
            {settings.asymmetricLoss === null
              ? "Mean squared error"
              : `Asymmetric: squares the loss of ${settings.asymmetricLoss === "OVER" ? "over" : "under"}-predicted samples`}
          </dd>
        </dl>
      )}
      {result === null ? (
        <p className="muted">This run has no results.</p>
      ) : (
        <TransferScores result={result} unit={unit} />
      )}
    </section>
  );
}

function TransferScores({ result, unit }: { result: TransferResult; unit: string }) {
  const approaches: TransferApproachScores[] = result.approaches.map((approach) => ({
    label: TRANSFER_APPROACH_LABELS[approach.approach],
    r2: approach.r2,
    mape: approach.mape,
    drawR2: approach.draws.map((draw) => draw.r2),
    drawMape: approach.draws.map((draw) => draw.mape),
    confusion: approach.confusionTotal,
  }));

  return (
    <>
      <TableScroll label="Transfer metrics">
        <table className="metrics">
          <caption>
            {columnLabel(result.target)} on the test samples, mean ± sd over{" "}
            {result.trainSamples.length} draws; {formatDuration(result.secondsPerTraining)} per
            network
          </caption>
          <thead>
            <tr>
              <th scope="col">Approach</th>
              <th scope="col" className="number">
                R²
              </th>
              <th scope="col" className="number">
                MAPE (%)
              </th>
              <th scope="col" className="number">
                TP / FN / FP / TN, all draws
              </th>
            </tr>
          </thead>
          <tbody>
            {result.approaches.map((approach) => (
              <tr key={approach.approach}>
                <th scope="row">{TRANSFER_APPROACH_LABELS[approach.approach]}</th>
                <td className="number">{formatMeanSd(approach.r2, 3) ?? "—"}</td>
                <td className="number">{formatMeanSd(approach.mape, 1) ?? "—"}</td>
                <td className="number">
                  {[
                    approach.confusionTotal.truePositives,
                    approach.confusionTotal.falseNegatives,
                    approach.confusionTotal.falsePositives,
                    approach.confusionTotal.trueNegatives,
                  ].join(" / ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <TransferComparison approaches={approaches} threshold={result.threshold} unit={unit} />
    </>
  );
}
