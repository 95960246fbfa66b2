import { TableError } from "../table/TableError.js";
import { type TableColumn } from "../table/parseTable.js";
import { createRowReader } from "./createRowReader.js";
import {
  type ImportColumn,
  type ImportedSample,
  type ImportOptions,
  type ImportProblem,
  type ImportReport,
  type ImportSource,
} from "./ImportTypes.js";
import { findLongLayout, pivotLongTable } from "./pivotLongTable.js";
import { planImport } from "./planImport.js";
import { proposeImportMapping } from "./proposeImportMapping.js";
import { type ImportRecord, readImportRecords } from "./readImportRecords.js";

/** Data rows read before the mapping is proposed, to tell text columns from numeric ones. */
const PROPOSAL_ROWS = 50;

/** An import in progress: the mapping, then the samples as the rows stream in. */
export interface TableImport {
  /** The reading of every column, the user's overrides applied. */
  columns: ImportColumn[];
  /** true when the second row of the file gave the units. */
  unitsRow: boolean;
  /** "mass" tables are curated into molar units; "molar" tables are stored as given. */
  mode: "mass" | "molar";
  /** The columns of the stored samples' values. */
  outputColumns: TableColumn[];
  /**
   * Yields each sample that passes every check, reading the file once. Problems gather in
   * report(); a row with an error yields nothing.
   */
  samples(): AsyncGenerator<ImportedSample>;
  /** The report so far; complete once samples() is exhausted. */
  report(): ImportReport;
}

/**
 * Opens an imported table: reads the header, the units row when there is one and the first
 * rows, proposes the column mapping and applies the user's overrides. Only those first rows
 * are held in memory; the rest stream through samples().
 * @throws TableError for a file without a header or data rows, or that cannot be read.
 */
export async function openTableImport(
  source: ImportSource,
  options: ImportOptions = {},
): Promise<TableImport> {
  const records = await readRows(source);
  const head: ImportRecord[] = [];
  while (head.length < PROPOSAL_ROWS + 2) {
    const next = await records.next();
    if (next.done === true) {
      break;
    }

    head.push(next.value);
  }

  const [header, second, ...rest] = head;
  if (header === undefined || second === undefined) {
    throw new TableError("the table is empty: expected a header row and at least one sample row");
  }

  const proposal = proposeImportMapping(
    header.cells,
    second.cells,
    [second, ...rest].map(({ cells }) => cells),
  );
  const dataHead = proposal.unitsRow ? rest : [second, ...rest];
  const plan = planImport(proposal.columns, options.overrides);
  const readRow = createRowReader(plan, options);
  const problems: ImportProblem[] = [...plan.problems];
  let rowCount = 0;
  let sampleCount = 0;

  async function* samples(): AsyncGenerator<ImportedSample> {
    const remaining = { [Symbol.asyncIterator]: () => records };
    for await (const record of concat(dataHead, remaining)) {
      rowCount += 1;
      const result = readRow(record);
      problems.push(...result.problems);
      if (result.sample === undefined) {
        continue;
      }

      sampleCount += 1;
      if (plan.problems.length === 0) {
        yield result.sample;
      }
    }

    if (rowCount === 0) {
      problems.push({
        severity: "error",
        reason: "the table has no sample rows",
        fix: "add at least one row of values under the header",
      });
    }
  }

  return {
    columns: plan.columns,
    unitsRow: proposal.unitsRow,
    mode: plan.mode,
    outputColumns: plan.outputColumns,
    samples,
    report: () => summarise(problems, rowCount, sampleCount),
  };
}

/** Rows of the table, a long table turned wide first. */
async function readRows(source: ImportSource): Promise<AsyncIterator<ImportRecord>> {
  const records = readImportRecords(source)[Symbol.asyncIterator]();
  const first = await records.next();
  if (first.done === true) {
    return records;
  }

  const layout = findLongLayout(first.value.cells);
  const rest = { [Symbol.asyncIterator]: () => records };
  const rows =
    layout === undefined
      ? concat([first.value], rest)
      : concat(await pivotLongTable(first.value.cells, layout, rest), []);

  return rows[Symbol.asyncIterator]();
}

async function* concat<T>(
  first: readonly T[],
  rest: AsyncIterable<T> | readonly T[],
): AsyncGenerator<T> {
  yield* first;
  yield* rest;
}

function summarise(problems: ImportProblem[], rowCount: number, sampleCount: number): ImportReport {
  const errorCount = problems.filter(({ severity }) => severity === "error").length;

  return {
    rowCount,
    sampleCount,
    errorCount,
    warningCount: problems.length - errorCount,
    problems,
  };
}
