import type { ColumnStatistics } from "@ree/schema/documents";

import { formatQuantity } from "../lib/format";
import { columnLabel } from "../lib/labels";
import { MissingValue } from "./MissingValue";
import { TableScroll } from "./TableScroll";

const PERCENTILES = ["p0", "p20", "p50", "p80", "p100"] as const;

/**
 * Summary of each column in the layout of the study's Table 1: count, percentiles
 * 0/20/50/80/100, mean and sample sd, in the column's unit.
 */
export function StatisticsTable({ statistics }: { statistics: readonly ColumnStatistics[] }) {
  if (statistics.length === 0) {
    return <p className="muted">This data set has no numeric columns.</p>;
  }

  return (
    <TableScroll label="Column statistics">
      <table className="statistics">
        <caption>
          Percentiles 0/20/50/80/100, mean and sample standard deviation (sd) of each column
        </caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Unit</th>
            <th scope="col" className="number">
              n
            </th>
            {PERCENTILES.map((key) => (
              <th key={key} scope="col" className="number">
                P{key.slice(1)}
              </th>
            ))}
            <th scope="col" className="number">
              Mean
            </th>
            <th scope="col" className="number">
              sd
            </th>
          </tr>
        </thead>
        <tbody>
          {statistics.map((row) => (
            <tr key={row.column}>
              <th scope="row" title={row.column}>
                {columnLabel(row.column)}
              </th>
              <td>{row.unit}</td>
              <td className="number">{row.count}</td>
              {PERCENTILES.map((key) => (
                <td key={key} className="number">
                  {formatQuantity(row[key], row.unit)}
                </td>
              ))}
              <td className="number">{formatQuantity(row.mean, row.unit)}</td>
              <td className="number">
                {row.sd === null ? (
                  <MissingValue reason="The sd needs at least 2 values." />
                ) : (
                  formatQuantity(row.sd, row.unit)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
