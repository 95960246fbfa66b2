import type { MetricSummary, TargetMetrics } from "@ree/schema/documents";

import { formatFixed } from "../lib/format";
import { columnLabel, DATA_SPLIT_LABELS } from "../lib/labels";
import { MissingValue } from "./MissingValue";
import { TableScroll } from "./TableScroll";

/** Metric columns: the field, its header and the decimals shown. */
const METRICS = [
  { key: "r2", header: "R²", decimals: 3 },
  { key: "mape", header: "MAPE (%)", decimals: 1 },
  { key: "maeOverMean", header: "MAE / mean (%)", decimals: 1 },
  { key: "rmse", header: "RMSE", decimals: 1 },
] as const;

const MISSING_MEAN = "Missing: no repetition could compute this metric.";
const MISSING_SD = "Missing: the sd needs the metric from at least 2 repetitions.";

export interface MetricsTableProps {
  metrics: readonly TargetMetrics[];
  /** Unit of the targets, in which RMSE is given. */
  unit: string;
}

/** Mean ± sd over the repetitions of each metric, per target and split. */
export function MetricsTable({ metrics, unit }: MetricsTableProps) {
  if (metrics.length === 0) {
    return <p className="muted">No metrics were recorded.</p>;
  }

  return (
    <TableScroll label="Metrics">
      <table className="metrics">
        <caption>Mean ± sd over the repetitions</caption>
        <thead>
          <tr>
            <th scope="col">Target</th>
            <th scope="col">Split</th>
            {METRICS.map((metric) => (
              <th key={metric.key} scope="col" className="number">
                {metric.header}
                {metric.key === "rmse" ? <span className="unit">{unit}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {metrics.map((row) => (
            <tr key={`${row.target}/${row.split}`}>
              <th scope="row" title={row.target}>
                {columnLabel(row.target)}
              </th>
              <td>{DATA_SPLIT_LABELS[row.split]}</td>
              {METRICS.map((metric) => (
                <td key={metric.key} className="number">
                  <MeanSd summary={row[metric.key]} decimals={metric.decimals} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function MeanSd({ summary, decimals }: { summary: MetricSummary; decimals: number }) {
  if (summary.mean === null) {
    return <MissingValue reason={MISSING_MEAN} />;
  }

  return (
    <>
      {formatFixed(summary.mean, decimals)} ±{" "}
      {summary.sd === null ? (
        <MissingValue reason={MISSING_SD} />
      ) : (
        formatFixed(summary.sd, decimals)
      )}
    </>
  );
}
