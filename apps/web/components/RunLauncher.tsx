"use client";

import { useMutation, useQuery } from "@apollo/client/react";
import {
  DatasetDocument,
  DatasetPickerDocument,
  ModelPickerDocument,
  type RunTask,
  StartRunDocument,
} from "@ree/schema/documents";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { SEARCH_PAGE_SIZE } from "../lib/useSearchPages";

import { TOTAL_REE_COLUMN } from "../lib/labels";
import { type RunConfigInput, runFormColumns } from "../lib/runConfigForm";
import { LoadingMessage } from "./LoadingMessage";
import { QueryError } from "./QueryError";
import { DatasetPicker, useDatasetSearch, useModelSearch } from "./RecordPickers";
import { RunConfigForm } from "./RunConfigForm";

export interface RunLauncherProps {
  /** Data set to choose first, from the page's `dataset` search parameter. */
  initialDatasetId: string | null;
  /** Task to choose first, from the page's `task` search parameter. */
  initialTask: RunTask | null;
}

/**
 * Run launcher: loads the data sets and the chosen one's columns, shows the run config form, and
 * on success opens the new run's page, which polls its progress.
 */
export function RunLauncher({ initialDatasetId, initialTask }: RunLauncherProps) {
  const router = useRouter();
  const pickerId = useId();
  const datasetSearch = useDatasetSearch();
  // The newest data set is chosen first. These first pages bypass the cache, whose single
  // entry per list belongs to the list pages.
  const newest = useQuery(DatasetPickerDocument, {
    variables: { first: 1 },
    fetchPolicy: "no-cache",
  });
  const [chosenId, setChosenId] = useState<string | null>(initialDatasetId);
  const datasetId = chosenId ?? newest.data?.datasets.edges[0]?.node.id ?? null;
  // The form needs only the columns and statistics, so one sample, the smallest page, is enough.
  const dataset = useQuery(DatasetDocument, {
    variables: { id: datasetId ?? "", first: 1 },
    skip: datasetId === null,
  });
  const [startRun, started] = useMutation(StartRunDocument);
  // Only a multi-task network ensemble can be fine-tuned; the default model is chosen first.
  const parentSearch = useModelSearch("MULTI_TASK");
  const firstParents = useQuery(ModelPickerDocument, {
    variables: { first: SEARCH_PAGE_SIZE, kind: "MULTI_TASK" },
    fetchPolicy: "no-cache",
  });
  const parents = firstParents.data?.models.edges.map((edge) => edge.node) ?? [];
  const defaultParent = parents.find((model) => model.isDefault) ?? parents[0] ?? null;

  if (newest.data === undefined) {
    return newest.error ? (
      <QueryError error={newest.error} subject="the data sets" />
    ) : (
      <LoadingMessage>Loading data sets…</LoadingMessage>
    );
  }

  if (newest.data.datasets.totalCount === 0) {
    return (
      <p className="muted">
        No data sets yet. <Link href="/datasets/import">Import a CSV file</Link> first.
      </p>
    );
  }

  const chooseDataset = (id: string) => {
    setChosenId(id);
    started.reset();
    router.replace(`/runs/new?dataset=${encodeURIComponent(id)}`, { scroll: false });
  };

  const submit = (config: RunConfigInput) => {
    void startRun({ variables: { config } }).then(
      ({ data }) => {
        if (data !== undefined && data !== null) {
          router.push(`/runs/${encodeURIComponent(data.startRun.id)}`);
        }
      },
      // The hook's `started.error` shows the failure, so the rejection needs no handling here.
      () => undefined,
    );
  };

  const detail = dataset.data?.dataset;
  let chosenText = detail?.name ?? null;
  if (detail === null) {
    chosenText = `Unknown data set “${datasetId}”`;
  }

  const totalRee = detail?.statistics.find((row) => row.column === TOTAL_REE_COLUMN);

  return (
    <>
      <DatasetPicker
        id={pickerId}
        label="Data set"
        search={datasetSearch}
        chosenText={chosenText}
        onChoose={(chosen) => chooseDataset(chosen.id)}
      />
      {detail === undefined ? (
        dataset.error ? (
          <QueryError error={dataset.error} subject="the data set" />
        ) : (
          <LoadingMessage>Loading the data set…</LoadingMessage>
        )
      ) : detail === null ? (
        <p role="alert" className="alert">
          No data set has the id “{datasetId}”. Choose one above.
        </p>
      ) : (
        <RunConfigForm
          // Remounts when the models arrive, so that a transfer starts with a parent chosen.
          key={`${detail.id}/${defaultParent?.id ?? ""}`}
          parentSearch={parentSearch}
          defaultParent={defaultParent}
          datasetId={detail.id}
          columns={runFormColumns(detail.columns, detail.sampleCount)}
          medianTotalRee={totalRee?.p50 ?? null}
          totalReeUnit={totalRee?.unit ?? "ppm (molar)"}
          initialTask={initialTask ?? undefined}
          submitting={started.loading || started.data !== undefined}
          serverError={started.error}
          onSubmit={submit}
        />
      )}
    </>
  );
}
