"use client";

import { useQuery } from "@apollo/client/react";
import { DatasetDocument } from "@ree/schema/documents";
import Link from "next/link";
import { type FormEvent, use, useId, useState } from "react";

import { ApiUrlContext } from "../lib/apiUrlContext";
import { formatDateTime } from "../lib/format";
import { DatasetCorrelations } from "./DatasetCorrelations";
import { LoadingMessage } from "./LoadingMessage";
import { QueryError } from "./QueryError";
import { SampleTable } from "./SampleTable";
import { StatisticsTable } from "./StatisticsTable";

/** Page sizes of the sample table; 500 is the API's largest page. */
const SAMPLE_PAGE_SIZES = [25, 100, 500] as const;

/** Start of the shown page: a row number counted from 1, or the label of its first sample. */
type PageStart = { row: number } | { label: string };

const formatCount = new Intl.NumberFormat("en-US").format;

/** Shows a data set's description, its column statistics and its samples, one page at a time. */
export function DatasetView({ id }: { id: string }) {
  const apiOrigin = new URL(use(ApiUrlContext)).origin;
  const [pageSize, setPageSize] = useState<number>(SAMPLE_PAGE_SIZES[0]);
  const [pageStart, setPageStart] = useState<PageStart>({ row: 1 });
  const { data, previousData, error, loading } = useQuery(DatasetDocument, {
    variables: {
      id,
      first: pageSize,
      row: "row" in pageStart ? pageStart.row : null,
      label: "label" in pageStart ? pageStart.label : null,
    },
  });
  // Keeps the previous page on screen, dimmed, while the next one loads or after a failed jump.
  const latestData = data ?? previousData;
  const pageLoading = data === undefined && error === undefined;

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
  // Positions count from 0 in table order, so a sample's row number is its position + 1.
  const firstRow = (samples.nodes[0]?.position ?? 0) + 1;
  const lastRow = (samples.nodes.at(-1)?.position ?? 0) + 1;

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
        {error ? <QueryError error={error} subject="this page of samples" /> : null}
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
                disabled={firstRow === 1 || loading}
                onClick={() => setPageStart({ row: Math.max(1, firstRow - pageSize) })}
              >
                Previous
              </button>
              <span aria-live="polite">
                {pageLoading
                  ? "Loading samples…"
                  : `Rows ${formatCount(firstRow)}–${formatCount(lastRow)} of ${formatCount(samples.totalCount)}`}
              </span>
              <button
                type="button"
                disabled={!samples.pageInfo.hasNextPage || loading}
                onClick={() => setPageStart({ row: lastRow + 1 })}
              >
                Next
              </button>
              <label>
                Rows per page{" "}
                <select
                  value={pageSize}
                  onChange={(event) => {
                    setPageSize(Number(event.target.value));
                    setPageStart({ row: firstRow });
                  }}
                >
                  {SAMPLE_PAGE_SIZES.map((size) => (
                    <option key={size} value={size}>
                      {size}
                    </option>
                  ))}
                </select>
              </label>
              <SampleJump rowCount={samples.totalCount} onJump={setPageStart} />
            </nav>
          </>
        )}
      </section>
    </article>
  );
}

/** Form that starts the sample table at a row number or at the sample with a label. */
function SampleJump({
  rowCount,
  onJump,
}: {
  rowCount: number;
  onJump: (start: PageStart) => void;
}) {
  const [kind, setKind] = useState<"row" | "label">("row");
  const [target, setTarget] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const kindId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = target.trim();
    if (text === "") {
      return;
    }

    if (kind === "label") {
      setInvalid(null);
      onJump({ label: text });
      return;
    }

    // The API names a row past the end, so only the number's form is checked here.
    if (!/^\d+$/.test(text)) {
      setInvalid(`“${text}” is not a row number: enter a whole number from 1 to ${rowCount}.`);
      return;
    }

    setInvalid(null);
    onJump({ row: Number(text) });
  }

  return (
    <form className="sample-jump" onSubmit={submit}>
      <label htmlFor={kindId}>Go to</label>{" "}
      <select
        id={kindId}
        value={kind}
        onChange={(event) => setKind(event.target.value as "row" | "label")}
      >
        <option value="row">row number</option>
        <option value="label">sample label</option>
      </select>{" "}
      <input
        aria-label={kind === "row" ? "Row number" : "Sample label"}
        inputMode={kind === "row" ? "numeric" : "text"}
        value={target}
        onChange={(event) => setTarget(event.target.value)}
      />{" "}
      <button type="submit">Go</button>
      {invalid === null ? null : (
        <span role="alert" className="alert">
          {invalid}
        </span>
      )}
    </form>
  );
}

/** Address of the API's streamed CSV export of a data set's latest version. */
function exportUrl(apiOrigin: string, datasetId: string, units: "MOLAR" | "MASS"): string {
  return `${apiOrigin}/datasets/${encodeURIComponent(datasetId)}/export.csv?units=${units}`;
}
