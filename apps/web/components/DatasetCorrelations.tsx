"use client";

import { useQuery } from "@apollo/client/react";
import { type CorrelationMethod, DatasetCorrelationsDocument } from "@ree/schema/documents";
import { useState } from "react";

import { columnLabel } from "../lib/labels";
import { CorrelationHeatmap } from "./charts/CorrelationHeatmap";
import { LoadingMessage } from "./LoadingMessage";
import { QueryError } from "./QueryError";

const METHODS: readonly { method: CorrelationMethod; label: string; coefficient: string }[] = [
  { method: "PEARSON", label: "Pearson (linear)", coefficient: "Pearson r" },
  { method: "SPEARMAN", label: "Spearman (rank)", coefficient: "Spearman ρ" },
];

/** Heat map of the correlations between a data set's oxides and REEs, Pearson or Spearman. */
export function DatasetCorrelations({ datasetId }: { datasetId: string }) {
  const [method, setMethod] = useState<CorrelationMethod>("PEARSON");
  const { data, previousData, error } = useQuery(DatasetCorrelationsDocument, {
    variables: { id: datasetId, method },
  });
  const latest = data ?? previousData;
  const definition = METHODS.find((entry) => entry.method === method) ?? METHODS[0]!;

  const toggle = (
    <fieldset className="metric-toggle screen-only">
      <legend>Coefficient</legend>
      {METHODS.map((entry) => (
        <label key={entry.method} className="inline">
          <input
            type="radio"
            name="correlation-method"
            checked={method === entry.method}
            onChange={() => setMethod(entry.method)}
          />{" "}
          {entry.label}
        </label>
      ))}
    </fieldset>
  );

  if (latest === undefined) {
    return (
      <>
        {toggle}
        {error ? (
          <QueryError error={error} subject="the correlations" />
        ) : (
          <LoadingMessage>Computing correlations…</LoadingMessage>
        )}
      </>
    );
  }

  const matrix = latest.dataset?.correlations;
  if (!matrix || matrix.columns.length === 0) {
    return <p className="muted">This data set has no feature or target columns to correlate.</p>;
  }

  return (
    <>
      {toggle}
      {error ? <QueryError error={error} subject="the correlations" /> : null}
      <figure className={data === undefined ? "stale" : undefined} aria-busy={data === undefined}>
        <CorrelationHeatmap
          exportName={`${definition.coefficient} correlations`}
          labels={matrix.columns.map(columnLabel)}
          values={matrix.values}
          coefficient={definition.coefficient}
          groupStart={matrix.featureCount}
        />
        <figcaption>
          {definition.coefficient} between every two oxides and REEs over the {matrix.sampleCount}{" "}
          samples: blue where both rise together, red where one falls as the other rises, white near
          0. Grey cells are undefined (a constant column or fewer than 3 samples with both values).
        </figcaption>
      </figure>
    </>
  );
}
