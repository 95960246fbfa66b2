"use client";

import { useMutation, useQuery } from "@apollo/client/react";
import {
  DatasetDocument,
  DatasetsDocument,
  MAX_PAGE_SIZE,
  ModelsDocument,
  type RunTask,
  StartRunDocument,
} from "@ree/schema/documents";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { TOTAL_REE_COLUMN } from "../lib/labels";
import { type RunConfigInput, runFormColumns } from "../lib/runConfigForm";
import { LoadingMessage } from "./LoadingMessage";
import { QueryError } from "./QueryError";
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
  const selectId = useId();
  const datasets = useQuery(DatasetsDocument, { variables: { first: MAX_PAGE_SIZE } });
  const list = datasets.data?.datasets.edges.map((edge) => edge.node) ?? [];
  const [chosenId, setChosenId] = useState<string | null>(initialDatasetId);
  const datasetId = chosenId ?? list[0]?.id ?? null;
  // The form needs only the columns and statistics, so one sample, the smallest page, is enough.
  const dataset = useQuery(DatasetDocument, {
    variables: { id: datasetId ?? "", first: 1 },
    skip: datasetId === null,
  });
  const [startRun, started] = useMutation(StartRunDocument);
  const models = useQuery(ModelsDocument, { variables: { first: MAX_PAGE_SIZE } });
  // Only a multi-task network ensemble can be fine-tuned; the default model comes first.
  const parentModels = (models.data?.models.edges ?? [])
    .map((edge) => edge.node)
    .filter((model) => model.kind === "MULTI_TASK")
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault));

  if (datasets.data === undefined) {
    return datasets.error ? (
      <QueryError error={datasets.error} subject="the data sets" />
    ) : (
      <LoadingMessage>Loading data sets…</LoadingMessage>
    );
  }

  if (list.length === 0) {
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
  const totalRee = detail?.statistics.find((row) => row.column === TOTAL_REE_COLUMN);

  return (
    <>
      <div className="field wide-field">
        <label htmlFor={selectId}>Data set</label>
        <select
          id={selectId}
          value={datasetId ?? ""}
          onChange={(event) => chooseDataset(event.target.value)}
        >
          {list.some((item) => item.id === datasetId) ? null : (
            <option value={datasetId ?? ""}>Unknown data set “{datasetId}”</option>
          )}
          {list.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name} ({item.sampleCount} samples)
            </option>
          ))}
        </select>
      </div>
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
          key={`${detail.id}/${parentModels.length}`}
          parentModels={parentModels}
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
