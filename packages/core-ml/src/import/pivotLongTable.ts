import { recognizeHeader } from "../curation/recognizeHeader.js";
import { TableError } from "../table/TableError.js";
import { type ImportRecord } from "./readImportRecords.js";

const ANALYTE_HEADERS = ["analyte", "element", "oxide", "parameter", "component", "species"];
const VALUE_HEADERS = ["value", "result", "concentration", "content"];
const UNIT_HEADERS = ["unit", "units"];

/** Positions of the columns of a long table: one row per sample and analyte. */
export interface LongLayout {
  id: number;
  analyte: number;
  value: number;
  unit?: number;
}

/**
 * Recognises a long table: a sample id, an analyte, a value and optionally a unit column,
 * and nothing else. Returns undefined for any other header.
 */
export function findLongLayout(header: readonly string[]): LongLayout | undefined {
  const keys = header.map((text) => text.trim().toLowerCase());
  const id = header.findIndex((text) => {
    const proposal = recognizeHeader(text);

    return proposal.kind === "metadata" && proposal.field === "sampleId";
  });
  const analyte = keys.findIndex((key) => ANALYTE_HEADERS.includes(key));
  const value = keys.findIndex((key) => VALUE_HEADERS.includes(key));
  const unit = keys.findIndex((key) => UNIT_HEADERS.includes(key));
  const expected = unit < 0 ? 3 : 4;
  if (id < 0 || analyte < 0 || value < 0 || header.length !== expected) {
    return undefined;
  }

  return { id, analyte, value, unit: unit < 0 ? undefined : unit };
}

/**
 * Largest number of data rows of a long table, which is turned wide in memory: about 37,000
 * samples of 27 analytes.
 * NOTE: the bound rests on an estimate of about 65 MB of heap per million rows, measured on
 * the maps alone. Wide tables stream and have no such bound.
 */
export const LONG_TABLE_MAX_ROWS = 1_000_000;

/**
 * Turns the rows of a long table into a wide one: a header of the id and one column per
 * analyte ("La (ppm)"), then one row per sample, numbered by its first row in the file. The
 * whole table is held in memory while it is turned, so it may have at most maxRows data rows.
 * @throws TableError for an analyte given twice for one sample, or in two units, and for a
 * table longer than maxRows.
 */
export async function pivotLongTable(
  header: readonly string[],
  layout: LongLayout,
  records: AsyncIterable<ImportRecord>,
  maxRows = LONG_TABLE_MAX_ROWS,
): Promise<ImportRecord[]> {
  const analytes = new Map<string, string>();
  const samples = new Map<string, { row: number; values: Map<string, string> }>();
  let rowCount = 0;
  for await (const { cells, row } of records) {
    rowCount += 1;
    if (rowCount > maxRows) {
      throw new TableError(
        `row ${row}: a long table (one row per sample and analyte) may have at most ${maxRows} ` +
          "rows, because it is turned wide in memory; split the file, or send it as a wide " +
          "table with one row per sample and one column per analyte",
        row,
      );
    }

    const id = (cells[layout.id] ?? "").trim();
    const analyte = (cells[layout.analyte] ?? "").trim();
    const unit = layout.unit === undefined ? "" : (cells[layout.unit] ?? "").trim();
    const column = unit === "" ? analyte : `${analyte} (${unit})`;
    const earlierUnit = analytes.get(analyte);
    if (earlierUnit !== undefined && earlierUnit !== column) {
      throw new TableError(
        `row ${row}: ${analyte} is given as "${column}" and as "${earlierUnit}"; give each analyte in one unit`,
        row,
        header[layout.unit ?? layout.analyte],
        unit,
      );
    }

    analytes.set(analyte, column);
    const sample = samples.get(id) ?? { row, values: new Map<string, string>() };
    if (sample.values.has(analyte)) {
      throw new TableError(
        `row ${row}: sample "${id}" has ${analyte} twice; keep one of the rows`,
        row,
        header[layout.analyte],
        analyte,
      );
    }

    sample.values.set(analyte, cells[layout.value] ?? "");
    samples.set(id, sample);
  }

  const order = [...analytes.keys()];
  const wideHeader = {
    cells: [header[layout.id] ?? "", ...order.map((a) => analytes.get(a) ?? a)],
    row: 1,
  };

  return [
    wideHeader,
    ...[...samples].map(([id, { row, values }]) => ({
      cells: [id, ...order.map((analyte) => values.get(analyte) ?? "")],
      row,
    })),
  ];
}
