"use client";

import { useQuery } from "@apollo/client/react";
import { DatasetsDocument, MAX_PAGE_SIZE } from "@ree/schema/documents";
import Link from "next/link";

import { formatDateTime } from "../lib/format";
import { LoadingMessage } from "./LoadingMessage";
import { QueryError } from "./QueryError";

/** Table of the data sets, newest first, each linking to its page. */
export function DatasetList() {
  const { data, error } = useQuery(DatasetsDocument, { variables: { first: MAX_PAGE_SIZE } });

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

  return (
    <div className="table-scroll">
      <table>
        {data.datasets.pageInfo.hasNextPage ? (
          <caption>
            The newest {data.datasets.edges.length} of {data.datasets.totalCount} data sets
          </caption>
        ) : null}
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
          {data.datasets.edges.map(({ node: dataset }) => (
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
    </div>
  );
}
