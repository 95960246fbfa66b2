/*
 * Reading of CSV text in the browser, for the import page: the encoding, the separator and
 * the cell that an import error names. The API parses the file itself, and these helpers only
 * point.
 */

export type CsvDelimiter = "," | ";" | "\t";

const DELIMITERS: readonly CsvDelimiter[] = [",", ";", "\t"];

/** Header of the column that labels the samples. */
export const SAMPLE_ID_COLUMN = "sample_id";

/** Returns the lines of the text without a byte order mark, with CRLF or LF line ends. */
function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r?\n/);
}

/**
 * Picks the separator that occurs most often in the first line, "," on a tie: the API's rule for
 * a file without a declared separator.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const header = splitLines(text)[0] ?? "";
  const count = (delimiter: string) => header.split(delimiter).length - 1;

  return DELIMITERS.reduce((best, candidate) =>
    count(candidate) > count(best) ? candidate : best,
  );
}

/**
 * Splits one line into cells, trimmed, with RFC 4180 quotes: a quoted cell may contain the
 * separator, and "" inside quotes is one quote.
 */
export function splitCsvLine(line: string, delimiter: CsvDelimiter): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const character = line[i];
    if (quoted) {
      if (character === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (character === '"') {
        quoted = false;
      } else {
        cell += character;
      }
    } else if (character === '"') {
      quoted = true;
    } else if (character === delimiter) {
      cells.push(cell.trim());
      cell = "";
    } else {
      cell += character;
    }
  }

  cells.push(cell.trim());

  return cells;
}

/** The row of a CSV text that an import error names, split into cells. */
export interface CsvErrorRow {
  /** Line in the file, from 1, counting empty lines too. */
  fileLine: number;
  header: string[];
  cells: string[];
  /** Index of the named column in `header`, or null when the error names no column. */
  columnIndex: number | null;
}

/**
 * Finds the row that an import error names. The API counts the file's lines from 1, empty lines
 * included, and names the last line of a row whose quoted cell spans several lines. Returns null
 * when the text has no such line.
 */
export function findErrorRow(text: string, line: number, column?: string): CsvErrorRow | null {
  const delimiter = detectDelimiter(text);
  const lines = splitLines(text);
  const headerLine = lines.find((content) => content.trim() !== "");
  const errorLine = lines[line - 1];
  if (!Number.isInteger(line) || line < 1 || headerLine === undefined || errorLine === undefined) {
    return null;
  }

  const header = splitCsvLine(headerLine, delimiter);
  const index = column === undefined ? -1 : header.indexOf(column);

  return {
    fileLine: line,
    header,
    cells: splitCsvLine(errorLine, delimiter),
    columnIndex: index < 0 ? null : index,
  };
}

/** Text of a file and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: "UTF-8" | "Windows-1252";
}

/**
 * Decodes a file as UTF-8, or as Windows-1252 when it is not valid UTF-8: spreadsheet programs
 * on Windows export CSV in that code page, and reading it as UTF-8 would turn characters such as
 * "µ" or "°" into replacement characters.
 */
export function decodeCsvBytes(bytes: ArrayBuffer): DecodedText {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
  }
}

/**
 * Returns true when the rows after the header contain numbers with a decimal comma such as
 * "12,5", which only a semicolon- or tab-separated file can hold unquoted.
 */
export function hasDecimalCommas(text: string): boolean {
  const delimiter = detectDelimiter(text);
  if (delimiter === ",") {
    return false;
  }

  return splitLines(text)
    .slice(1)
    .some((line) => splitCsvLine(line, delimiter).some((cell) => /^[+-]?\d+,\d+$/.test(cell)));
}
