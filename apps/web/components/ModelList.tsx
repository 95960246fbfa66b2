"use client";

import { useQuery } from "@apollo/client/react";
import { ModelsDocument } from "@ree/schema/documents";
import Link from "next/link";

import { formatDateTime } from "../lib/format";
import { modelKindLabel, modelTitle } from "../lib/labels";
import { LIST_PAGE_SIZE, useNextPage } from "../lib/useNextPage";
import { LoadingMessage } from "./LoadingMessage";
import { PagedTable } from "./PagedTable";
import { QueryError } from "./QueryError";

/** Table of all trained models, each linking to the prediction form with that model chosen. */
export function ModelList() {
  const { data, error, fetchMore } = useQuery(ModelsDocument, {
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
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col" className="number">
              Features
            </th>
            <th scope="col" className="number">
              Targets
            </th>
            <th scope="col" className="number">
              Members
            </th>
            <th scope="col">Run</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {page.edges.map(({ node: model }) => (
            <tr key={model.id}>
              <th scope="row">
                <Link href={`/predict?model=${encodeURIComponent(model.id)}`}>
                  {modelTitle(model)}
                </Link>
              </th>
              <td>{modelKindLabel(model.kind, model.targets)}</td>
              <td className="number">{model.features.length}</td>
              <td className="number">{model.targets.length}</td>
              <td className="number">{model.memberCount}</td>
              <td>
                {model.runId === null ? (
                  "—"
                ) : (
                  <Link href={`/runs/${encodeURIComponent(model.runId)}`}>View run</Link>
                )}
              </td>
              <td>{formatDateTime(model.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </PagedTable>
  );
}
