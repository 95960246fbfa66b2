"use client";

import { useQuery } from "@apollo/client/react";
import { ModelListDocument, type ModelMetric } from "@ree/schema/documents";
import Link from "next/link";

import { formatDateTime, formatFixed } from "../lib/format";
import { columnLabel, modelKindLabel, modelTitle, oxideFormula } from "../lib/labels";
import { LIST_PAGE_SIZE, useNextPage } from "../lib/useNextPage";
import { LoadingMessage } from "./LoadingMessage";
import { PagedTable } from "./PagedTable";
import { QueryError } from "./QueryError";

/** Table of every model with its kind, data set, columns, test metrics and creation time. */
export function ModelCatalog() {
  const { data, error, fetchMore } = useQuery(ModelListDocument, {
    variables: { first: LIST_PAGE_SIZE },
  });
  const nextPage = useNextPage(data?.models.pageInfo, (after) =>
    fetchMore({ variables: { after } }),
  );

  if (data === undefined) {
    return error ? (
      <QueryError error={error} subject="the models" />
    ) : (
      <LoadingMessage>Loading models…</LoadingMessage>
    );
  }

  if (data.models.totalCount === 0) {
    return <p className="muted">No models yet. Each finished run stores the models it trained.</p>;
  }

  const page = data.models;

  return (
    <PagedTable label="Models" noun="models" page={page} nextPage={nextPage}>
      <table className="model-catalog">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Data set</th>
            <th scope="col">Features</th>
            <th scope="col">Targets</th>
            <th scope="col">Test R² / MAPE of the first target</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {page.edges.map(({ node: model }) => (
            <tr key={model.id}>
              <th scope="row">
                <Link href={`/models/${encodeURIComponent(model.id)}`}>{modelTitle(model)}</Link>
              </th>
              <td>{modelKindLabel(model.kind, model.targets)}</td>
              <td>{model.datasetName ?? (model.runId === null ? "imported" : "—")}</td>
              <td>{model.features.map(oxideFormula).join(", ")}</td>
              <td title={model.targets.join(", ")}>
                {model.targets.length === 1
                  ? columnLabel(model.targets[0] ?? "")
                  : `${model.targets.length} (${columnLabel(model.targets[0] ?? "")}, …)`}
              </td>
              <td>{formatMetric(model.metrics[0])}</td>
              <td>{formatDateTime(model.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </PagedTable>
  );
}

/** Formats "R² 0.85, MAPE 9.5 %", or "not recorded" for models imported without metrics. */
export function formatMetric(metric: ModelMetric | undefined): string {
  if (metric === undefined) {
    return "not recorded";
  }

  const r2 = metric.r2 === null ? "—" : formatFixed(metric.r2, 3);
  const mape = metric.mape === null ? "—" : `${formatFixed(metric.mape, 1)} %`;

  return `R² ${r2}, MAPE ${mape}`;
}
