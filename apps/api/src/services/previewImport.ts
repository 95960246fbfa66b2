import {
  type ImportOptions,
  type ImportReport,
  type ImportSource,
  openTableImport,
  TableError,
} from "@ree/core-ml";
import type { ImportPreview } from "@ree/schema/types";

import { ApiError } from "../errors/ApiError.js";

/**
 * Reads a whole file as an import would, and returns the proposed column mapping, the
 * stored columns and the full report, storing nothing.
 */
export async function previewImport(
  source: ImportSource,
  options: ImportOptions,
): Promise<ImportPreview> {
  const table = await rejectTableErrors(() => openTableImport(source, options));
  await rejectTableErrors(async () => {
    for await (const sample of table.samples()) {
      void sample;
    }
  });

  return {
    columns: table.columns.map(({ header, role, quantity, unit, confidence, reason }) => ({
      header,
      role,
      quantity: quantity ?? null,
      unit: unit ?? null,
      confidence,
      reason,
    })),
    unitsRow: table.unitsRow,
    mode: table.mode,
    outputColumns: table.outputColumns.map(({ name, role, unit }) => ({ name, role, unit })),
    report: toReport(table.report()),
  };
}

/** Runs a step of an import, turning a file that cannot be read into a bad-input error. */
export async function rejectTableErrors<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof TableError) {
      throw ApiError.badInput(error.message, {
        line: error.line,
        column: error.column,
        value: error.value,
      });
    }

    throw error;
  }
}

export function toReport(report: ImportReport): ImportPreview["report"] {
  return {
    ...report,
    problems: report.problems.map((problem) => ({
      severity: problem.severity,
      row: problem.row ?? null,
      column: problem.column ?? null,
      value: problem.value ?? null,
      reason: problem.reason,
      fix: problem.fix,
    })),
  };
}
