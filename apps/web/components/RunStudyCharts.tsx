"use client";

import { useQuery } from "@apollo/client/react";
import {
  type ModelResultDetail,
  RunTargetPredictionsDocument,
  type TargetMetrics,
} from "@ree/schema/documents";
import { useState } from "react";

import { columnLabel, modelKindLabel } from "../lib/labels";
import { MetricBars } from "./charts/MetricBars";
import { ParityGrid } from "./charts/ParityGrid";
import { LoadingMessage } from "./LoadingMessage";
import { QueryError } from "./QueryError";

const TOTAL_REE_TARGET = "REE_total_ppm_mol";
const METRICS = {
  r2: { label: "Test R²", axis: "Test R² (dimensionless)", unit: "", decimals: 3 },
  mape: { label: "Test MAPE", axis: "Test MAPE (%)", unit: "%", decimals: 1 },
} as const;

type MetricKey = keyof typeof METRICS;

export interface RunStudyChartsProps {
  runId: string;
  results: readonly ModelResultDetail[];
  /** The run's targets, total REE first. */
  targets: readonly string[];
  /** Unit of the targets. */
  unit: string;
}

/**
 * Draws the study's summary figures of an evaluation: test parity plots of every target, test accuracy
 * per target with sd, and R² and MAPE of the total REE across model kinds.
 */
export function RunStudyCharts({ runId, results, targets, unit }: RunStudyChartsProps) {
  const [metric, setMetric] = useState<MetricKey>("r2");
  const definition = METRICS[metric];
  const kinds = results.map((result) => result.kind);
  const series = kinds.map((kind) => ({ label: modelKindLabel(kind) }));
  const testMetric = (metrics: readonly TargetMetrics[], target: string, key: MetricKey) =>
    metrics.find((entry) => entry.target === target && entry.split === "TEST")?.[key] ?? null;

  return (
    <>
      <h3 id="study-charts-heading">All targets and model kinds</h3>
      <fieldset className="metric-toggle screen-only">
        <legend>Accuracy metric</legend>
        {(Object.keys(METRICS) as MetricKey[]).map((key) => (
          <label key={key} className="inline">
            <input
              type="radio"
              name={`study-metric-${runId}`}
              checked={metric === key}
              onChange={() => setMetric(key)}
            />{" "}
            {METRICS[key].label}
          </label>
        ))}
      </fieldset>
      <figure>
        <MetricBars
          exportName={`${definition.label} per target`}
          categories={targets.map(columnLabel)}
          groups={results.map((result) => ({
            label: modelKindLabel(result.kind),
            values: targets.map((target) => testMetric(result.metrics, target, metric)),
          }))}
          yLabel={definition.axis}
          unit={definition.unit}
          decimals={definition.decimals}
          title={`${definition.label} per target, mean ± sd over the repetitions`}
        />
        <figcaption>
          Bars give the mean over the repetitions, whiskers ±1 sd. “n/a” marks a metric that no
          repetition could compute.
        </figcaption>
      </figure>
      <div className="chart-row">
        {(Object.keys(METRICS) as MetricKey[]).map((key) => (
          <figure key={key}>
            <MetricBars
              exportName={`${METRICS[key].label} of total REE by model kind`}
              categories={kinds.map((kind) => modelKindLabel(kind))}
              groups={[
                {
                  label: "Total REE",
                  values: results.map((result) =>
                    testMetric(result.metrics, TOTAL_REE_TARGET, key),
                  ),
                },
              ]}
              xLabel="Model kind"
              yLabel={METRICS[key].axis}
              unit={METRICS[key].unit}
              decimals={METRICS[key].decimals}
              width={380}
              title={`${METRICS[key].label} of total REE`}
            />
          </figure>
        ))}
      </div>
      <TargetParityGrid runId={runId} series={series} unit={unit} />
    </>
  );
}

function TargetParityGrid({
  runId,
  series,
  unit,
}: {
  runId: string;
  series: { label: string }[];
  unit: string;
}) {
  const { data, error } = useQuery(RunTargetPredictionsDocument, { variables: { id: runId } });

  if (data === undefined) {
    return error ? (
      <QueryError error={error} subject="the predictions of every target" />
    ) : (
      <LoadingMessage>Loading the predictions of every target…</LoadingMessage>
    );
  }

  const results = data.run?.results ?? [];
  const targets = results[0]?.targetPredictions.map((entry) => entry.target) ?? [];
  if (targets.length === 0) {
    return <p className="muted">This run stored no predictions per target.</p>;
  }

  const panels = targets.map((target) => ({
    title: columnLabel(target),
    points: results.map(
      (result) =>
        result.targetPredictions.find((entry) => entry.target === target)?.predictions ?? [],
    ),
  }));

  return (
    <figure>
      <ParityGrid
        exportName="Parity grid of every target"
        panels={panels}
        series={series}
        unit={unit}
      />
      <figcaption>
        Test predictions against measured contents of each REE and the total, every repetition, each
        panel on its own scale. Points on the dashed line are predicted exactly.
      </figcaption>
    </figure>
  );
}
