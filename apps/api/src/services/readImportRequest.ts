import {
  type BelowDetectionPolicy,
  type ImportColumnOverride,
  type ImportOptions,
  type ImportRole,
  type ImportSource,
  type IronPolicy,
  type MissingPolicy,
} from "@ree/core-ml";
import type { ImportColumnInput, ImportFileInput, ImportOptionsInput } from "@ree/schema/types";

import { ApiError } from "../errors/ApiError.js";

const BELOW_DETECTION = ["reject", "missing", "half-limit", "limit"];
const MISSING = ["reject", "missing"];
const IRON = ["reject", "sum", "preferTotal"];

/** Reads the file of an import request: CSV text, or an XLSX workbook in base64. */
export function readImportFile(file: ImportFileInput): ImportSource {
  const format = (file.format ?? "CSV").toUpperCase();
  if (format === "CSV") {
    return { format: "csv", text: file.content };
  }

  if (format !== "XLSX") {
    throw ApiError.badInput(`file.format must be "CSV" or "XLSX", got "${file.format}"`);
  }

  const bytes = Buffer.from(file.content, "base64");
  if (bytes.length === 0) {
    throw ApiError.badInput("file.content is empty; send the XLSX file's bytes in base64");
  }

  return { format: "xlsx", bytes, sheet: file.sheet ?? undefined };
}

/** Checks the options and the user's column readings of an import request. */
export function readImportOptions(
  input: ImportOptionsInput | null | undefined,
  columns: readonly ImportColumnInput[] | null | undefined,
  legacyDecimalSeparator?: string | null,
): ImportOptions {
  const options = input ?? {};
  const decimalSeparator = options.decimalSeparator ?? legacyDecimalSeparator ?? undefined;

  return {
    belowDetection: oneOf("belowDetection", options.belowDetection, BELOW_DETECTION) as
      BelowDetectionPolicy | undefined,
    missing: oneOf("missing", options.missing, MISSING) as MissingPolicy | undefined,
    decimalSeparator: oneOf("decimalSeparator", decimalSeparator, [".", ","]) as
      "." | "," | undefined,
    totalTolerance: readTolerance(options),
    iron: oneOf("iron", options.iron, IRON) as IronPolicy | undefined,
    overrides: (columns ?? []).map((column): ImportColumnOverride => ({
      header: column.header,
      role: column.role as ImportRole,
      quantity: column.quantity ?? undefined,
      unit: column.unit ?? undefined,
    })),
  };
}

function oneOf(
  name: string,
  value: string | null | undefined,
  allowed: readonly string[],
): string | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }

  if (!allowed.includes(value)) {
    const choices = allowed.map((choice) => `"${choice}"`).join(", ");
    throw ApiError.badInput(`${name} must be one of ${choices}, got "${value}"`);
  }

  return value;
}

function readTolerance(options: ImportOptionsInput): number | null | undefined {
  if (options.skipTotalCheck === true) {
    return null;
  }

  const tolerance = options.totalTolerance ?? undefined;
  if (tolerance !== undefined && !(Number.isFinite(tolerance) && tolerance >= 0)) {
    throw ApiError.badInput(
      `totalTolerance must be a number of wt% of zero or more, got ${tolerance}`,
    );
  }

  return tolerance;
}
