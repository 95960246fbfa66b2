"use client";

import { useQuery } from "@apollo/client/react";
import { RunsDocument } from "@ree/schema/documents";
import Link from "next/link";

import { formatDateTime } from "../lib/format";
import { LoadingMessage } from "./LoadingMessage";
import { ProgressBar } from "./ProgressBar";
import { QueryError } from "./QueryError";
import { RunDatasetLink } from "./RunDatasetLink";
import { RunStatusBadge } from "./RunStatusBadge";
import { TableScroll } from "./TableScroll";

/** Runs that the overview lists; the runs page lists every run. */
const RECENT_RUNS = 10;

/** Table of the newest runs with status and progress, each linking to its page and data set. */
export function RunList() {
  const { data, error } = useQuery(RunsDocument, { variables: { first: RECENT_RUNS } });

  if (data === undefined) {
    return error ? (
      <QueryError error={error} subject="the runs" />
    ) : (
      <LoadingMessage>Loading runs…</LoadingMessage>
    );
  }

  const { edges, totalCount } = data.runs;
  if (edges.length === 0) {
    return (
      <p className="muted">
        No runs yet. <Link href="/runs/new">Start one</Link>.
      </p>
    );
  }

  return (
    <>
      <TableScroll label="Newest runs">
        <table>
          <caption>
            The {edges.length} newest of {totalCount} runs
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Progress</th>
              <th scope="col">Data set</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {edges.map(({ node: run }) => (
              <tr key={run.id}>
                <th scope="row">
                  <Link href={`/runs/${encodeURIComponent(run.id)}`}>{run.name}</Link>
                </th>
                <td>
                  <RunStatusBadge status={run.status} />
                </td>
                <td>
                  <ProgressBar fraction={run.progress.fraction} message={run.progress.message} />
                </td>
                <td>
                  <RunDatasetLink
                    dataset={run.dataset}
                    href={(id) => `/datasets/${encodeURIComponent(id)}`}
                  />
                </td>
                <td>{formatDateTime(run.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="screen-only">
        <Link href="/runs">All {totalCount} runs: sort, filter and compare</Link>
      </p>
    </>
  );
}
