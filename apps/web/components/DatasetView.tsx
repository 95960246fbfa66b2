"use client";

import { useQuery } from "@apollo/client/react";
import { DatasetDocument } from "@ree/schema/documents";
import Link from "next/link";
import { use, useState } from "react";

import { ApiUrlContext } from "../lib/apiUrlContext";
import { formatDateTime } from "../lib/format";
import { DatasetCorrelations } from "./DatasetCorrelations";
import { LoadingMessage } from "./LoadingMessage";
import { QueryError } from "./QueryError";
import { SampleTable } from "./SampleTable";
import { StatisticsTable } from "./StatisticsTable";

/** Samples per page of the sample table. */
const SAMPLE_PAGE_SIZE = 25;

/** Shows a data set's description, its column statistics and its samples, one page at a time. */
export function DatasetView({ id }: { id: string }) {
  const apiOrigin = new URL(use(ApiUrlContext)).origin;
  // Cursors of the pages visited so far. The last is the current page, and null means the first.
  const [pageCursors, setPageCursors] = useState<(string | null)[]>([null]);
  const pageIndex = pageCursors.length - 1;
  const { data, previousData, error, loading } = useQuery(DatasetDocument, {
    variables: { id, first: SAMPLE_PAGE_SIZE, after: pageCursors[pageIndex] ?? null },
  });
  // Keeps the previous page on screen, dimmed, while the next one loads.
  const latestData = data ?? previousData;
  const pageLoading = data === undefined;

  if (latestData === undefined) {
    return error ? (
      <QueryError error={error} subject="the data set" />
    ) : (
      <LoadingMessage>Loading the data set…</LoadingMessage>
    );
  }

  const dataset = latestData.dataset;
  if (dataset === null) {
    return (
      <p role="alert" className="alert">
        No data set has the id “{id}”. <Link href="/">Back to the overview</Link>
      </p>
    );
  }

  const { samples } = dataset;
  const endCursor = samples.pageInfo.endCursor;
  const firstRow = pageIndex * SAMPLE_PAGE_SIZE + 1;
  const lastRow = pageIndex * SAMPLE_PAGE_SIZE + samples.nodes.length;

  return (
    <article>
      <h1>{dataset.name}</h1>
      {dataset.description === "" ? null : <p>{dataset.description}</p>}
      <dl className="facts">
        <dt>Source</dt>
        <dd>{dataset.source === "" ? "Not given" : dataset.source}</dd>
        <dt>Licence</dt>
        <dd>{dataset.license === "" ? "Not given" : dataset.license}</dd>
        <dt>Samples</dt>
        <dd>{dataset.sampleCount}</dd>
        <dt>Imported</dt>
        <dd>{formatDateTime(dataset.createdAt)}</dd>
      </dl>

      <p className="screen-only">
        <Link href={`/runs/new?dataset=${encodeURIComponent(dataset.id)}`}>
          Start a run on this data set
        </Link>{" "}
        ·{" "}
        <Link href={`/runs?dataset=${encodeURIComponent(dataset.id)}`}>Runs on this data set</Link>
      </p>
      <p className="screen-only">
        Download the latest version as CSV:{" "}
        <a href={exportUrl(apiOrigin, dataset.id, "MOLAR")}>mol % and molar ppm</a> ·{" "}
        <a href={exportUrl(apiOrigin, dataset.id, "MASS")}>wt% and ppm</a>
      </p>

      {error ? <QueryError error={error} subject="this page of samples" /> : null}

      <section aria-labelledby="statistics-heading">
        <h2 id="statistics-heading">Statistics</h2>
        <StatisticsTable statistics={dataset.statistics} />
      </section>

      <section aria-labelledby="correlations-heading">
        <h2 id="correlations-heading">Correlations</h2>
        <DatasetCorrelations datasetId={dataset.id} />
      </section>

      <section aria-labelledby="samples-heading">
        <h2 id="samples-heading">Samples</h2>
        {samples.nodes.length === 0 ? (
          <p className="muted">This data set has no samples.</p>
        ) : (
          <>
            <div className={pageLoading ? "stale" : undefined} aria-busy={pageLoading}>
              <SampleTable columns={dataset.columns} samples={samples.nodes} />
            </div>
            <nav className="pager" aria-label="Sample pages">
              <button
                type="button"
                disabled={pageIndex === 0 || loading}
                onClick={() => setPageCursors((cursors) => cursors.slice(0, -1))}
              >
                Previous
              </button>
              <span aria-live="polite">
                {pageLoading
                  ? "Loading samples…"
                  : `Samples ${firstRow}–${lastRow} of ${samples.totalCount}`}
              </span>
              <button
                type="button"
                disabled={!samples.pageInfo.hasNextPage || endCursor === null || loading}
                onClick={() => setPageCursors((cursors) => [...cursors, endCursor])}
              >
                Next
              </button>
            </nav>
          </>
        )}
      </section>
    </article>
  );
}

/** Address of the API's streamed CSV export of a data set's latest version. */
function exportUrl(apiOrigin: string, datasetId: string, units: "MOLAR" | "MASS"): string {
  return `${apiOrigin}/datasets/${encodeURIComponent(datasetId)}/export.csv?units=${units}`;
}
