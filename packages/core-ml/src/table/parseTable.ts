import { parse } from "csv-parse/sync";

import { createMatrix, type Matrix } from "../matrix/Matrix.js";
import { parseColumnUnit, type ColumnRole, UNIT_SUFFIXES } from "./columnUnits.js";
import { type DecimalSeparator, readLocaleNumber } from "../curation/readLocaleNumber.js";
import { TableError } from "./TableError.js";

export interface TableColumn {
  /** The header as written, e.g. "Al2O3_mol_pct". */
  name: string;
  quantity: string;
  unit: string;
  role: ColumnRole;
}

/** A validated table: numeric columns as a matrix, text columns as metadata. */
export interface Table {
  columns: TableColumn[];
  labels: string[];
  values: Matrix;
  metadataColumns: string[];
  metadata: Record<string, string>[];
}

export interface ParseTableOptions {
  /**
   * Header of the column that names each sample.
   * @default "sample_id"
   */
  labelColumn?: string;
  /**
   * Character between cells.
   * @default whichever of ",", ";" and tab occurs most often in the header row
   */
  delimiter?: CsvDelimiter;
  /**
   * Decimal separator of the numbers. With ",", thousands separators are read too
   * ("1.234,5"). With ".", a comma in a number is an error, so that "1,234" is never
   * silently read as 1234 or 1.234.
   * @default "."
   */
  decimalSeparator?: DecimalSeparator;
}

export type CsvDelimiter = "," | ";" | "\t";

const DELIMITERS: readonly CsvDelimiter[] = [",", ";", "\t"];

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses CSV text into a table. Numeric columns are recognised by their unit
 * suffix (see UNIT_SUFFIXES). Every numeric cell must be a finite, non-negative
 * number written with a dot as decimal separator.
 * @throws TableError naming the line, column and value of the first bad cell.
 */
export function parseTable(csv: string, options: ParseTableOptions = {}): Table {
  const {
    labelColumn = "sample_id",
    delimiter = detectDelimiter(csv),
    decimalSeparator = ".",
  } = options;

  const records = readRecords(csv, delimiter);
  const [header, ...rows] = records;
  if (header === undefined || rows.length === 0) {
    throw new TableError("the table is empty: expected a header row and at least one sample row");
  }

  const labelIndex = header.indexOf(labelColumn);
  if (labelIndex < 0) {
    throw new TableError(
      `missing column "${labelColumn}": add a column of unique sample labels with that header`,
    );
  }

  const numeric = header.flatMap((name, index) => {
    const unit = parseColumnUnit(name);

    return unit ? [{ index, column: { name, ...unit } }] : [];
  });
  if (numeric.length === 0) {
    const suffixes = Object.keys(UNIT_SUFFIXES).join(", ");
    throw new TableError(
      `no numeric columns found: name them <quantity>_<unit> with unit one of ${suffixes}`,
    );
  }

  const metadataIndices = header
    .map((name, index) => ({ name, index }))
    .filter(({ name, index }) => index !== labelIndex && parseColumnUnit(name) === undefined);

  const values = createMatrix(rows.length, numeric.length);
  const labels: string[] = [];
  const seenLabels = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = i + 2;
    if (row.length !== header.length) {
      throw new TableError(
        `line ${line} has ${row.length} cells but the header has ${header.length}`,
        line,
      );
    }

    const label = (row[labelIndex] ?? "").trim();
    checkLabel(label, line, labelColumn, seenLabels);
    labels.push(label);
    numeric.forEach(({ index, column }, j) => {
      values.data[i * numeric.length + j] = parseCell(row[index] ?? "", {
        line,
        label,
        column: column.name,
        decimalSeparator,
      });
    });
  });

  return {
    columns: numeric.map(({ column }) => column),
    labels,
    values,
    metadataColumns: metadataIndices.map(({ name }) => name),
    metadata: rows.map((row) =>
      Object.fromEntries(metadataIndices.map(({ name, index }) => [name, row[index] ?? ""])),
    ),
  };
}

/** Picks the delimiter that occurs most often in the first line, "," on a tie. */
function detectDelimiter(csv: string): CsvDelimiter {
  const header = csv.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const count = (delimiter: string) => header.split(delimiter).length - 1;

  return DELIMITERS.reduce((best, candidate) =>
    count(candidate) > count(best) ? candidate : best,
  );
}

function readRecords(csv: string, delimiter: CsvDelimiter): string[][] {
  try {
    return parse(csv, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (error) {
    throw new TableError(`the file is not valid CSV: ${(error as Error).message}`);
  }
}

function checkLabel(
  label: string,
  line: number,
  labelColumn: string,
  seen: Map<string, number>,
): void {
  if (label === "") {
    throw new TableError(`line ${line}: the sample label is empty; fill in "${labelColumn}"`, line);
  }

  const firstLine = seen.get(label);
  if (firstLine !== undefined) {
    throw new TableError(
      `line ${line}: sample label "${label}" repeats line ${firstLine}; labels must be unique`,
      line,
      labelColumn,
      label,
    );
  }

  seen.set(label, line);
}

interface CellPlace {
  line: number;
  label: string;
  column: string;
  decimalSeparator: DecimalSeparator;
}

function parseCell(cell: string, place: CellPlace): number {
  const { line, label, column, decimalSeparator } = place;
  const where = `line ${line} (sample "${label}"), column "${column}"`;
  const text = cell.trim();
  if (text === "") {
    throw new TableError(
      `${where}: the value is missing; fill it in or remove the sample`,
      line,
      column,
      cell,
    );
  }

  const value = decimalSeparator === "," ? readCommaNumber(text) : readDotNumber(text);
  if (value === undefined) {
    const hint =
      decimalSeparator === "." && text.includes(",")
        ? ' (use a dot as the decimal separator, or declare decimalSeparator ",")'
        : "";
    throw new TableError(`${where}: "${cell}" is not a number${hint}`, line, column, cell);
  }

  if (value < 0) {
    throw new TableError(
      `${where}: ${text} is negative; contents must be zero or more`,
      line,
      column,
      cell,
    );
  }

  return value;
}

function readDotNumber(text: string): number | undefined {
  return NUMBER_PATTERN.test(text) ? Number(text) : undefined;
}

function readCommaNumber(text: string): number | undefined {
  const result = readLocaleNumber(text, ",");

  return "value" in result ? result.value : undefined;
}
