"use client";

import { useMutation, useQuery } from "@apollo/client/react";
import {
  CancelRunDocument,
  RunDocument,
  type RunProgress,
  type RunStatus,
} from "@ree/schema/documents";
import Link from "next/link";
import { useEffect } from "react";

import { formatDateTime } from "../lib/format";
import { modelKindLabel } from "../lib/labels";
import { CancelRunButton } from "./CancelRunButton";
import { LoadingMessage } from "./LoadingMessage";
import { ModelResultSection } from "./ModelResultSection";
import { NoiseHistogramGrid } from "./NoiseHistogramGrid";
import { ProgressBar } from "./ProgressBar";
import { QueryError } from "./QueryError";
import { RunDatasetLink } from "./RunDatasetLink";
import { RunConfigList } from "./RunConfigList";
import { RunStatusBadge } from "./RunStatusBadge";
import { RunStudyCharts } from "./RunStudyCharts";
import { SelectionResults } from "./SelectionResults";
import { TransferResults } from "./TransferResults";

/** Target whose predictions the parity plots show. */
const TOTAL_REE_TARGET = "REE_total_ppm_mol";
/**
 * Unit of the REE targets.
 * NOTE: fixed here because the Run query returns no column units; a target in another unit would
 * be labelled wrongly.
 */
const TARGET_UNIT = "ppm (molar)";
const POLL_INTERVAL_MS = 1000;
const NOISE_COMPARISON_ID = "noise-comparison";

function isActive(status: RunStatus | undefined): boolean {
  return status === "QUEUED" || status === "RUNNING";
}

/** Returns where the run is, e.g. "Repetition 3 of 30 · Multi-task network · epoch 120 of 500". */
function describeStep(progress: RunProgress): string {
  const parts: string[] = [];
  if (progress.repetition > 0) {
    parts.push(`Repetition ${progress.repetition} of ${progress.repetitions}`);
  }

  if (progress.modelKind !== null) {
    parts.push(modelKindLabel(progress.modelKind));
  }

  if (progress.epoch !== null && progress.epochs !== null) {
    parts.push(`epoch ${progress.epoch} of ${progress.epochs}`);
  }

  return parts.join(" · ");
}

/** Shows a run's status, progress, config and results, and polls the API while it is unfinished. */
export function RunView({ id }: { id: string }) {
  const { data, previousData, error, refetch, startPolling, stopPolling } = useQuery(RunDocument, {
    variables: { id, target: TOTAL_REE_TARGET },
  });
  const [cancelRun, cancellation] = useMutation(CancelRunDocument, { variables: { id } });
  // A failed poll clears `data`; the last good result keeps the page and the polling going.
  const latestData = data ?? previousData;
  const status = latestData?.run?.status;

  useEffect(() => {
    if (!isActive(status)) {
      return undefined;
    }

    startPolling(POLL_INTERVAL_MS);
    return stopPolling;
  }, [status, startPolling, stopPolling]);

  if (latestData === undefined) {
    return error ? (
      <QueryError error={error} subject="the run" />
    ) : (
      <LoadingMessage>Loading the run…</LoadingMessage>
    );
  }

  const cancel = () => {
    // The mutation's result sets the cached status to CANCELLED, which stops the polling. One more
    // read fetches the finish time and progress message that the cancellation wrote.
    void cancelRun()
      .then(() => refetch())
      // The hooks' `cancellation.error` and `error` show a failure, so it needs no handling here.
      .catch(() => undefined);
  };

  const run = latestData.run;
  if (run === null) {
    return (
      <p role="alert" className="alert">
        No run has the id “{id}”. <Link href="/">Back to the overview</Link>
      </p>
    );
  }

  // Several model kinds with noise results are compared in one place, on common axes.
  const noiseEntries = run.results.flatMap((result) =>
    result.noise === null
      ? []
      : [{ modelLabel: modelKindLabel(result.kind), levels: result.noise }],
  );

  return (
    <article>
      <h1>
        {run.name} <RunStatusBadge status={run.status} />
      </h1>
      {error ? <QueryError error={error} subject="the latest state of the run" /> : null}

      <dl className="facts">
        <dt>Data set</dt>
        <dd>
          <RunDatasetLink
            dataset={run.dataset}
            href={(id) => `/datasets/${encodeURIComponent(id)}`}
          />
        </dd>
        <dt>Backend</dt>
        <dd>{run.backend ?? "Not started"}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(run.createdAt)}</dd>
        <dt>Started</dt>
        <dd>{run.startedAt === null ? "Not started" : formatDateTime(run.startedAt)}</dd>
        <dt>Finished</dt>
        <dd>{run.finishedAt === null ? "Not finished" : formatDateTime(run.finishedAt)}</dd>
      </dl>

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">Progress</h2>
        <ProgressBar fraction={run.progress.fraction} message={run.progress.message} />
        {isActive(run.status) && describeStep(run.progress) !== "" ? (
          <p className="muted">{describeStep(run.progress)}</p>
        ) : null}
        {isActive(run.status) ? (
          <CancelRunButton
            runName={run.name}
            cancelling={cancellation.loading}
            error={cancellation.error}
            onConfirm={cancel}
          />
        ) : null}
        {run.status === "CANCELLED" || run.status === "RUNNING" ? (
          // The results of these units stay stored, even after a cancellation.
          <p className="finished-repetitions">
            {run.completion.finished} of {run.completion.total} {run.completion.unit} finished
            {run.status === "CANCELLED" ? " before the run was cancelled." : " so far."}
          </p>
        ) : null}
        {run.error === null ? null : (
          <p role="alert" className="alert">
            The run failed: {run.error}
          </p>
        )}
      </section>

      <section aria-labelledby="config-heading">
        <h2 id="config-heading">Configuration</h2>
        <RunConfigList config={run.config} />
      </section>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading">Results</h2>
        {run.config.task === "TRANSFER" ? (
          <TransferResults runId={run.id} active={isActive(run.status)} unit={TARGET_UNIT} />
        ) : run.config.task !== "EVALUATION" ? (
          <SelectionResults run={run} active={isActive(run.status)} />
        ) : run.results.length === 0 ? (
          <p className="muted">
            {isActive(run.status)
              ? "Results appear here when the run has finished."
              : "This run has no results."}
          </p>
        ) : (
          run.results.map((result) => (
            <ModelResultSection
              key={result.kind}
              result={result}
              unit={TARGET_UNIT}
              requestedAnalyses={run.config.analyses}
              noiseComparisonId={noiseEntries.length > 1 ? NOISE_COMPARISON_ID : undefined}
              screeningThresholdIsConfigured={run.config.screeningThreshold !== null}
            />
          ))
        )}
        {run.config.task === "EVALUATION" && run.results.length > 0 ? (
          <section aria-labelledby="study-charts-heading" className="model-result">
            <RunStudyCharts
              runId={run.id}
              results={run.results}
              targets={run.config.targets}
              unit={TARGET_UNIT}
            />
          </section>
        ) : null}
        {noiseEntries.length > 1 ? (
          <section aria-labelledby={NOISE_COMPARISON_ID} className="model-result">
            <h3 id={NOISE_COMPARISON_ID}>Sensitivity to input noise, model kinds side by side</h3>
            <NoiseHistogramGrid entries={noiseEntries} unit={TARGET_UNIT} />
          </section>
        ) : null}
      </section>
    </article>
  );
}
