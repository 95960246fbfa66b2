"use client";

import { useQuery } from "@apollo/client/react";
import { DatasetsDocument } from "@ree/schema/documents";
import Link from "next/link";

import { formatDateTime } from "../lib/format";
import { LIST_PAGE_SIZE, useNextPage } from "../lib/useNextPage";
import { LoadingMessage } from "./LoadingMessage";
import { PagedTable } from "./PagedTable";
import { QueryError } from "./QueryError";

/** Table of the data sets, newest first, each linking to its page. */
export function DatasetList() {
  const { data, error, fetchMore } = useQuery(DatasetsDocument, {
    variables: { first: LIST_PAGE_SIZE },
  });
  const nextPage = useNextPage(data?.datasets.pageInfo, (after) =>
    fetchMore({ variables: { after } }),
  );

  if (data === undefined) {
    return error ? (
      <QueryError error={error} subject="the data sets" />
    ) : (
      <LoadingMessage>Loading data sets…</LoadingMessage>
    );
  }

  if (data.datasets.totalCount === 0) {
    return (
      <p className="muted">
        No data sets yet. <Link href="/datasets/import">Import a CSV file</Link>.
      </p>
    );
  }

  const page = data.datasets;

  return (
    <PagedTable label="Data sets" noun="data sets" page={page} nextPage={nextPage}>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="number">
              Samples
            </th>
            <th scope="col">Source</th>
            <th scope="col">Imported</th>
          </tr>
        </thead>
        <tbody>
          {page.edges.map(({ node: dataset }) => (
            <tr key={dataset.id}>
              <th scope="row">
                <Link href={`/datasets/${encodeURIComponent(dataset.id)}`}>{dataset.name}</Link>
              </th>
              <td className="number">{dataset.sampleCount}</td>
              <td>{dataset.source}</td>
              <td>{formatDateTime(dataset.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </PagedTable>
  );
}
