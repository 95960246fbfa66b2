"use client";

import { useQuery } from "@apollo/client/react";
import { DatasetsDocument } from "@ree/schema/documents";
import Link from "next/link";

import { formatDateTime } from "../lib/format";
import { LoadingMessage } from "./LoadingMessage";
import { QueryError } from "./QueryError";

/** Table of all data sets, each linking to its page. */
export function DatasetList() {
  const { data, error } = useQuery(DatasetsDocument);

  if (data === undefined) {
    return error ? (
      <QueryError error={error} subject="the data sets" />
    ) : (
      <LoadingMessage>Loading data sets…</LoadingMessage>
    );
  }

  if (data.datasets.length === 0) {
    return (
      <p className="muted">
        No data sets yet. <Link href="/datasets/import">Import a CSV file</Link>.
      </p>
    );
  }

  return (
    <div className="table-scroll">
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
          {data.datasets.map((dataset) => (
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
