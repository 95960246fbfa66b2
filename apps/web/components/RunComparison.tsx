"use client";

import { useQuery } from "@apollo/client/react";
import { type ComparedRun, type ModelKind, RunComparisonDocument } from "@ree/schema/documents";
import Link from "next/link";
import { useMemo, useState } from "react";

import { compareConfigs } from "../lib/compareConfigs";
import { formatMeanSd } from "../lib/format";
import { columnLabel, modelKindLabel } from "../lib/labels";
import { TableScroll } from "./TableScroll";
import { MetricBars } from "./charts/MetricBars";
import { ParityGrid } from "./charts/ParityGrid";
import { LoadingMessage } from "./LoadingMessage";
import { MissingValue } from "./MissingValue";
import { QueryError } from "./QueryError";
import { UNSHARED_DATASET } from "./RunDatasetLink";
import { RunStatusBadge } from "./RunStatusBadge";

const TOTAL_REE_TARGET = "REE_total_ppm_mol";
const MODEL_KINDS: readonly ModelKind[] = ["LINEAR", "SINGLE_TASK", "MULTI_TASK"];
const METRICS = [
  { key: "r2", label: "Test R²", axis: "Test R² (dimensionless)", unit: "", decimals: 3 },
  { key: "mape", label: "Test MAPE", axis: "Test MAPE (%)", unit: "%", decimals: 1 },
] as const;

type MetricKey = (typeof METRICS)[number]["key"];

/** Compares runs side by side: their configs, their test metrics and overlaid charts. */
export function RunComparison({ ids }: { ids: readonly string[] }) {
  const { data, error } = useQuery(RunComparisonDocument, {
    variables: { ids: [...ids], target: TOTAL_REE_TARGET },
    skip: ids.length < 2,
  });

  if (ids.length < 2) {
    return (
      <p className="muted">
        A comparison needs at least 2 runs. <Link href="/runs">Choose runs in the run list</Link>.
      </p>
    );
  }

  if (data === undefined) {
    return error ? (
      <QueryError error={error} subject="the runs to compare" />
    ) : (
      <LoadingMessage>Loading the runs…</LoadingMessage>
    );
  }

  // The API returns runs in its default order; the comparison keeps the order of the URL.
  const byId = new Map(data.runs.edges.map(({ node }) => [node.id, node]));
  const runs = ids.flatMap((id) => byId.get(id) ?? []);
  const missing = ids.filter((id) => !byId.has(id));

  return (
    <>
      {missing.length > 0 ? (
        <p role="alert" className="alert">
          No run has the id{missing.length === 1 ? "" : "s"} {missing.join(", ")}; the comparison
          leaves {missing.length === 1 ? "it" : "them"} out.
        </p>
      ) : null}
      {runs.length < 2 ? (
        <p className="muted">
          Fewer than 2 of these runs exist. <Link href="/runs">Choose runs in the run list</Link>.
        </p>
      ) : (
        <ComparisonSections runs={runs} />
      )}
    </>
  );
}

function ComparisonSections({ runs }: { runs: readonly ComparedRun[] }) {
  const kinds = MODEL_KINDS.filter((kind) =>
    runs.some((run) => run.results.some((result) => result.kind === kind)),
  );
  const [chosenKind, setChosenKind] = useState<ModelKind | null>(null);
  const kind =
    chosenKind !== null && kinds.includes(chosenKind) ? chosenKind : (kinds.at(-1) ?? null);
  const [metric, setMetric] = useState<MetricKey>("r2");
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const configRows = compareConfigs(
    runs.map((run) => run.config),
    runs.map((run) => run.dataset?.name ?? UNSHARED_DATASET),
  );
  const shownRows = onlyDifferences ? configRows.filter((row) => row.differs) : configRows;

  return (
    <>
      <section aria-labelledby="compared-runs-heading">
        <h2 id="compared-runs-heading">Runs</h2>
        <ol className="compared-runs">
          {runs.map((run, index) => (
            <li key={run.id}>
              <span className="run-number">Run {index + 1}</span>{" "}
              <Link href={`/runs/${encodeURIComponent(run.id)}`}>{run.name}</Link>{" "}
              <RunStatusBadge status={run.status} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="config-diff-heading">
        <h2 id="config-diff-heading">Configuration</h2>
        <label className="inline">
          <input
            type="checkbox"
            checked={onlyDifferences}
            onChange={(event) => setOnlyDifferences(event.target.checked)}
          />{" "}
          Show only settings that differ ({configRows.filter((row) => row.differs).length})
        </label>
        <TableScroll label="Configurations of the compared runs">
          <table className="config-diff">
            <caption>Settings that differ are marked “differs” and highlighted.</caption>
            <thead>
              <tr>
                <th scope="col">Setting</th>
                {runs.map((run, index) => (
                  <th key={run.id} scope="col">
                    Run {index + 1}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shownRows.map((row) => (
                <tr key={row.label} className={row.differs ? "differs" : undefined}>
                  <th scope="row">
                    {row.label}
                    {row.differs ? <span className="differs-mark"> differs</span> : null}
                  </th>
                  {row.values.map((value, index) => (
                    <td key={runs[index]?.id}>{value}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="metric-comparison-heading">
        <h2 id="metric-comparison-heading">Test metrics</h2>
        {kinds.length === 0 ? (
          <p className="muted">None of these runs has evaluation results yet.</p>
        ) : (
          <MetricComparison
            runs={runs}
            kinds={kinds}
            kind={kind}
            onKind={setChosenKind}
            metric={metric}
            onMetric={setMetric}
          />
        )}
      </section>
    </>
  );
}

interface MetricComparisonProps {
  runs: readonly ComparedRun[];
  kinds: readonly ModelKind[];
  kind: ModelKind | null;
  onKind(kind: ModelKind): void;
  metric: MetricKey;
  onMetric(metric: MetricKey): void;
}

function MetricComparison({ runs, kinds, kind, onKind, metric, onMetric }: MetricComparisonProps) {
  const definition = METRICS.find((entry) => entry.key === metric) ?? METRICS[0];
  const targets = useMemo(() => [...new Set(runs.flatMap((run) => run.config.targets))], [runs]);
  const testSummary = (run: ComparedRun, modelKind: ModelKind, target: string) =>
    run.results
      .find((result) => result.kind === modelKind)
      ?.metrics.find((entry) => entry.target === target && entry.split === "TEST")?.[metric] ??
    null;
  const runLabel = (index: number) => `Run ${index + 1}`;
  // Chart legends name each run as well, so that an exported chart reads on its own.
  const seriesLabel = (index: number) => `${runLabel(index)}: ${shorten(runs[index]?.name ?? "")}`;

  const groups = runs.map((run, index) => ({
    label: seriesLabel(index),
    values: targets.map((target) => (kind === null ? null : testSummary(run, kind, target))),
  }));
  const parityPanel = {
    title: "Total REE",
    points: runs.map(
      (run) =>
        run.results
          .find((result) => result.kind === kind)
          ?.predictions.filter((point) => point.split === "TEST") ?? [],
    ),
  };

  return (
    <>
      <div className="comparison-controls">
        <label>
          Model kind in the charts{" "}
          <select value={kind ?? ""} onChange={(event) => onKind(event.target.value as ModelKind)}>
            {kinds.map((value) => (
              <option key={value} value={value}>
                {modelKindLabel(value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Metric{" "}
          <select value={metric} onChange={(event) => onMetric(event.target.value as MetricKey)}>
            {METRICS.map((entry) => (
              <option key={entry.key} value={entry.key}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
      </div>

      <figure>
        <MetricBars
          exportName={`${definition.label} per target across runs`}
          categories={targets.map(columnLabel)}
          groups={groups}
          yLabel={definition.axis}
          unit={definition.unit}
          decimals={definition.decimals}
          title={`${definition.label} per target, ${kind === null ? "" : modelKindLabel(kind)}`}
        />
        <figcaption>
          {definition.label} of each target, mean ± sd over each run&apos;s repetitions, one colour
          per run.
        </figcaption>
      </figure>

      <figure>
        <ParityGrid
          exportName="Parity of total REE across runs"
          panels={[parityPanel]}
          series={runs.map((_, index) => ({ label: seriesLabel(index) }))}
          panelSize={440}
          quantity="total REE"
        />
        <figcaption>
          Test predictions of the total REE against the measured values, every repetition, one
          colour per run. Points on the dashed line are predicted exactly.
        </figcaption>
      </figure>

      <TableScroll label="Test metrics of the compared runs">
        <table className="metrics">
          <caption>{definition.axis}, mean ± sd over the repetitions</caption>
          <thead>
            <tr>
              <th scope="col">Model kind</th>
              <th scope="col">Target</th>
              {runs.map((run, index) => (
                <th key={run.id} scope="col" className="number">
                  {runLabel(index)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {kinds.flatMap((modelKind) =>
              targets.map((target) => (
                <tr key={`${modelKind}-${target}`}>
                  <th scope="row">{modelKindLabel(modelKind)}</th>
                  <td>{columnLabel(target)}</td>
                  {runs.map((run) => {
                    const summary = testSummary(run, modelKind, target);
                    const text =
                      summary === null ? null : formatMeanSd(summary, definition.decimals);

                    return (
                      <td key={run.id} className="number">
                        {text ?? <MissingValue reason="Not in this run's results." />}
                      </td>
                    );
                  })}
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

/** Maximum length of a run name in a chart legend, in characters; longer names end in an ellipsis. */
const LEGEND_NAME_LENGTH = 28;

function shorten(name: string): string {
  return name.length <= LEGEND_NAME_LENGTH ? name : `${name.slice(0, LEGEND_NAME_LENGTH - 1)}…`;
}
