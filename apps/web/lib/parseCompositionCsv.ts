import { detectDelimiter, SAMPLE_ID_COLUMN, splitCsvLine } from "./csvText";
import { parseMolPercent } from "./parseMolPercent";

/** One composition as the Predict mutation takes it. */
export interface CompositionRow {
  label: string;
  oxides: { oxide: string; molPercent: number }[];
}

export type CompositionCsvResult =
  { ok: true; compositions: CompositionRow[] } | { ok: false; errors: string[] };

/** Errors listed at most, so that a wrong file does not flood the page. */
const MAX_ERRORS = 20;

/**
 * Reads compositions from CSV text: a header row, then one ash per row. Oxide columns are named
 * by formula ("CaO") or as in the data sets ("CaO_mol_pct"), in mol %; a `sample_id` or `label`
 * column labels the rows. Every oxide the model needs must have a column, and other columns are
 * ignored. Each error names the row (as a spreadsheet numbers it, the header being row 1) and
 * the column.
 */
export function parseCompositionCsv(text: string, oxides: readonly string[]): CompositionCsvResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const delimiter = detectDelimiter(text);
  const header = splitCsvLine(lines[0] ?? "", delimiter);
  const labelColumn = header.findIndex((name) => name === SAMPLE_ID_COLUMN || name === "label");
  const columns = oxides.map((oxide) =>
    header.findIndex((name) => name === oxide || name === `${oxide}_mol_pct`),
  );
  const missing = oxides.filter((_, j) => columns[j] === -1);
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [
        `Row 1 (header): no column for ${missing.join(", ")}. Name the columns by oxide ` +
          `(${oxides.join(", ")}) or as ${oxides[0]}_mol_pct.`,
      ],
    };
  }

  const errors: string[] = [];
  const compositions: CompositionRow[] = [];
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === "") {
      return;
    }

    const row = index + 2;
    const cells = splitCsvLine(line, delimiter);
    const values = oxides.map((oxide, j) => {
      const name = header[columns[j] ?? -1] ?? oxide;
      const result = parseMolPercent(`Row ${row}, column ${name}`, cells[columns[j] ?? -1] ?? "");
      if (!result.ok) {
        errors.push(result.message);
      }

      return result.ok ? result.value : NaN;
    });
    const label = labelColumn === -1 ? "" : (cells[labelColumn] ?? "");
    compositions.push({
      label: label === "" ? `row ${row}` : label,
      oxides: oxides.map((oxide, j) => ({ oxide, molPercent: values[j] ?? NaN })),
    });
  });

  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_ERRORS);
    const more = errors.length - shown.length;

    return { ok: false, errors: more > 0 ? [...shown, `…and ${more} more errors.`] : shown };
  }

  if (compositions.length === 0) {
    return { ok: false, errors: ["The file has a header but no rows of compositions."] };
  }

  return { ok: true, compositions };
}
