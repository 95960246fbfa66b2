import { type CsvErrorRow, SAMPLE_ID_COLUMN } from "../lib/csvText";
import { TableScroll } from "./TableScroll";

export interface CsvErrorExcerptProps {
  row: CsvErrorRow;
  /** Cell value that the API named, if any. */
  value?: string;
}

/** Columns shown on each side of the named column; the others are elided. */
const CONTEXT_COLUMNS = 2;
/** Longer cells, such as free-text metadata, are cut to this many characters. */
const MAX_CELL_CHARACTERS = 24;
/** Columns shown from the start of a row when the error names no column. */
const LEADING_COLUMNS = 8;

/** Returns the column indices to show, in order, with null where columns are elided. */
function visibleColumns(row: CsvErrorRow): (number | null)[] {
  const count = Math.max(row.header.length, row.cells.length);
  const sampleColumn = row.header.indexOf(SAMPLE_ID_COLUMN);
  const shown = new Set<number>();
  if (sampleColumn >= 0) {
    shown.add(sampleColumn);
  }

  if (row.columnIndex === null) {
    for (let index = 0; index < Math.min(count, LEADING_COLUMNS); index++) {
      shown.add(index);
    }
  } else {
    const from = Math.max(0, row.columnIndex - CONTEXT_COLUMNS);
    const to = Math.min(count - 1, row.columnIndex + CONTEXT_COLUMNS);
    for (let index = from; index <= to; index++) {
      shown.add(index);
    }
  }

  const sorted = [...shown].sort((a, b) => a - b);
  const columns: (number | null)[] = [];
  sorted.forEach((index, position) => {
    const previous = position === 0 ? -1 : (sorted[position - 1] ?? -1);
    if (index > previous + 1) {
      columns.push(null);
    }

    columns.push(index);
  });
  if ((sorted[sorted.length - 1] ?? -1) < count - 1) {
    columns.push(null);
  }

  return columns;
}

/** Cuts a long cell, so that the marked cell stays in view; the title keeps the whole text. */
function ShortCell({ text }: { text: string }) {
  if (text.length <= MAX_CELL_CHARACTERS) {
    return <>{text}</>;
  }

  return <span title={text}>{text.slice(0, MAX_CELL_CHARACTERS - 1)}…</span>;
}

/** Names a missing or empty cell, which a mark alone would not show. */
function markedText(cell: string | undefined): string {
  if (cell === undefined) {
    return "(no cell)";
  }

  return cell === "" ? "(empty)" : cell;
}

/**
 * Shows the header and the row of a CSV file that an import error names, with the named cell
 * marked, or the whole row when the error names no column. Long rows show the columns around the named
 * one and the sample label column, and elide the rest with "…".
 */
export function CsvErrorExcerpt({ row, value }: CsvErrorExcerptProps) {
  const columns = visibleColumns(row);
  const marked = (index: number) => row.columnIndex === null || index === row.columnIndex;
  const columnName = row.columnIndex === null ? null : row.header[row.columnIndex];

  return (
    <div className="csv-excerpt">
      <p>
        Line {row.fileLine} of the file
        {columnName === null || columnName === undefined ? null : (
          <>
            , column <code>{columnName}</code>
          </>
        )}
        {value === undefined ? null : (
          <>
            , value <code className="csv-value">“{value}”</code>
          </>
        )}
        :
      </p>
      <TableScroll label="Rows around the problem">
        <table>
          <thead>
            <tr>
              <th scope="col">Line</th>
              {columns.map((index, position) =>
                index === null ? (
                  <th key={`gap-${position}`} scope="col" aria-label="Columns left out">
                    …
                  </th>
                ) : (
                  <th
                    key={index}
                    scope="col"
                    className={index === row.columnIndex ? "csv-error-cell" : undefined}
                  >
                    <ShortCell text={row.header[index] ?? ""} />
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{row.fileLine}</th>
              {columns.map((index, position) =>
                index === null ? (
                  <td key={`gap-${position}`}>…</td>
                ) : (
                  <td key={index} className={marked(index) ? "csv-error-cell" : undefined}>
                    {marked(index) ? (
                      <mark>{markedText(row.cells[index])}</mark>
                    ) : (
                      <ShortCell text={row.cells[index] ?? ""} />
                    )}
                  </td>
                ),
              )}
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
