import { Readable } from "node:stream";

import { parse } from "csv-parse";
import ExcelJS from "exceljs";

import { TableError } from "../table/TableError.js";
import { type ImportSource } from "./ImportTypes.js";

/** One row of a table as text cells, with its row number as the user sees it. */
export interface ImportRecord {
  cells: string[];
  row: number;
  /** Numbers stored as numbers (XLSX), by cell; they need no reading from text. */
  numbers?: (number | undefined)[];
}

const DELIMITERS = [",", ";", "\t"] as const;

/**
 * Reads the rows of a CSV file or of one sheet of an XLSX workbook as text cells, skipping
 * blank rows. CSV is read as a stream, so a large file is never held as an array of rows.
 * Numeric XLSX cells also come as numbers, which no decimal separator can make ambiguous.
 * @throws TableError for a file that is not valid CSV or XLSX, or a sheet that is absent.
 */
export function readImportRecords(source: ImportSource): AsyncIterable<ImportRecord> {
  if (source.format === "xlsx") {
    return readXlsxRecords(source.bytes, source.sheet);
  }

  return readCsvRecords("text" in source ? [source.text] : source.chunks);
}

async function* readCsvRecords(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string>,
): AsyncGenerator<ImportRecord> {
  const iterator = toTextChunks(chunks)[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done === true ? "" : first.value;
  const parser = parse({
    bom: true,
    delimiter: detectDelimiter(head),
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  });
  const rest = { [Symbol.asyncIterator]: () => iterator };
  Readable.from(prepend(head, rest)).pipe(parser);

  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { cells: record, row: info.lines };
    }
  } catch (error) {
    throw new TableError(`the file is not valid CSV: ${(error as Error).message}`);
  }
}

async function* toTextChunks(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    yield typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  }

  const tail = decoder.decode();
  if (tail !== "") {
    yield tail;
  }
}

async function* prepend(head: string, rest: AsyncIterable<string>): AsyncGenerator<string> {
  yield head;
  yield* rest;
}

/** Picks the delimiter that occurs most often in the first line, "," on a tie. */
function detectDelimiter(text: string): string {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const count = (delimiter: string) => header.split(delimiter).length - 1;

  return DELIMITERS.reduce((best, candidate) =>
    count(candidate) > count(best) ? candidate : best,
  );
}

async function* readXlsxRecords(
  bytes: Uint8Array,
  sheetName: string | undefined,
): AsyncGenerator<ImportRecord> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new TableError(`the file is not a valid XLSX workbook: ${(error as Error).message}`);
  }

  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (sheet === undefined) {
    const names = workbook.worksheets.map((candidate) => `"${candidate.name}"`).join(", ");
    throw new TableError(
      sheetName === undefined
        ? "the workbook has no sheet"
        : `the workbook has no sheet "${sheetName}"; its sheets are ${names}`,
    );
  }

  const rows: ImportRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.from(
      { length: sheet.columnCount },
      (_, j) => row.getCell(j + 1).value,
    ).map(resultOf);
    rows.push({
      cells: values.map(cellText),
      numbers: values.map((value) => (typeof value === "number" ? value : undefined)),
      row: rowNumber,
    });
  });
  yield* rows;
}

/** Returns the value a formula cell shows, and any other value unchanged. */
function resultOf(value: ExcelJS.CellValue): ExcelJS.CellValue {
  return value !== null && typeof value === "object" && "result" in value
    ? (value.result as ExcelJS.CellValue)
    : value;
}

/** Text of a cell value as a person reads it in the sheet. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) {
    return "";
  }

  if (value instanceof Date) {
    return value.toISOString();
  }

  if (typeof value === "object") {
    if ("richText" in value) {
      return value.richText
        .map((part) => part.text)
        .join("")
        .trim();
    }

    if ("text" in value) {
      return String(value.text).trim();
    }

    if ("error" in value) {
      return String(value.error);
    }
  }

  return String(value).trim();
}
