import type { DatasetColumn, Sample } from "@ree/schema/documents";

import { formatQuantity } from "../lib/format";
import { columnLabel } from "../lib/labels";
import { MissingValue } from "./MissingValue";
import { TableScroll } from "./TableScroll";

export interface SampleTableProps {
  /** Numeric columns, in the order of `Sample.values`. */
  columns: readonly DatasetColumn[];
  samples: readonly Sample[];
}

/** Renders one page of samples: the label, then one value per column under a header with its unit. */
export function SampleTable({ columns, samples }: SampleTableProps) {
  return (
    <TableScroll label="Samples">
      <table className="samples">
        <thead>
          <tr>
            <th scope="col">Sample</th>
            {columns.map((column) => (
              <th key={column.name} scope="col" className="number" title={column.name}>
                {columnLabel(column.name)}
                <span className="unit">{column.unit}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {samples.map((sample) => (
            <tr key={sample.id}>
              <th scope="row">{sample.label}</th>
              {columns.map((column, index) => {
                const value = sample.values[index];

                return (
                  <td key={column.name} className="number">
                    {value === undefined ? (
                      <MissingValue reason="The API returned fewer values than columns." />
                    ) : (
                      formatQuantity(value, column.unit)
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
