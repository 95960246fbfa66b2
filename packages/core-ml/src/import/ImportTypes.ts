import { type ContentUnit } from "../curation/headerAliases.js";
import { type BelowDetectionPolicy, type MissingPolicy } from "../curation/parseCell.js";
import { type IronPolicy } from "../curation/combineIronOxides.js";
import { type DecimalSeparator } from "../curation/readLocaleNumber.js";
import { type Confidence } from "../curation/recognizeHeader.js";

/**
 * Role of a column of an imported table:
 * - "feature": a major oxide content, stored in mol %;
 * - "target": an REE content or the REE total, stored in molar ppm;
 * - "id": the sample id;
 * - "metadata": text kept with each sample under the column's header;
 * - "total": the analytical total, checked against the tolerance and not stored;
 * - "oxideSum": the sum in mol % that the molar contents of each sample are scaled to;
 * - "ignored": left out (LOI, SO3, trace elements the models do not use).
 */
export type ImportRole =
  "feature" | "target" | "id" | "metadata" | "total" | "oxideSum" | "ignored"; // prettier-ignore

export const IMPORT_ROLES: readonly ImportRole[] = [
  "feature", "target", "id", "metadata", "total", "oxideSum", "ignored",
]; // prettier-ignore

/** The reading of one column: proposed from its header, or set by the user. */
export interface ImportColumn {
  /** The header as written in the file (the first header row when units follow in a second). */
  header: string;
  role: ImportRole;
  /** Element ("La"), oxide ("SiO2"), "Fe2O3T", "LOI" or "REE_total"; set for contents. */
  quantity?: string;
  unit?: ContentUnit;
  confidence: Confidence;
  /** Explanation of the reading, for the user to check. */
  reason: string;
  /** true for a numeric column that no rule recognised: an error until the user maps it. */
  unrecognised?: boolean;
}

/** A reading the user sets for one column, by header; it replaces the proposal. */
export interface ImportColumnOverride {
  header: string;
  role: ImportRole;
  quantity?: string;
  unit?: string;
}

/** A table to import: CSV text (whole, or in chunks) or the bytes of an XLSX workbook. */
export type ImportSource =
  | { format: "csv"; text: string }
  | { format: "csv"; chunks: AsyncIterable<string | Uint8Array> }
  | { format: "xlsx"; bytes: Uint8Array; sheet?: string };

export interface ImportOptions {
  /**
   * Treatment of below-detection cells ("<0.5", "bdl"); see BelowDetectionPolicy. A sample
   * with a content read as missing is left out of the stored table and reported.
   * @default "reject"
   */
  belowDetection?: BelowDetectionPolicy;
  /**
   * Treatment of empty and not-analysed cells of content columns; see MissingPolicy.
   * @default "reject"
   */
  missing?: MissingPolicy;
  /**
   * Decimal separator of the file. Undefined reads only numbers that read one way.
   * @default undefined
   */
  decimalSeparator?: DecimalSeparator;
  /**
   * Accepted distance of an analytical total from 100 wt%, in wt%; null skips the check.
   * The total is the file's total column, else the sum of the mass contents of the row.
   * @default 10
   */
  totalTolerance?: number | null;
  /**
   * Policy for samples that report iron in more than one form; see IronPolicy.
   * @default "reject"
   */
  iron?: IronPolicy;
  /**
   * Readings set by the user; they replace the proposals for those headers.
   * @default []
   */
  overrides?: readonly ImportColumnOverride[];
}

/** One problem found in an imported table. */
export interface ImportProblem {
  /** Errors block the import; warnings are reported and the import goes on. */
  severity: "error" | "warning";
  /** Row as the user sees it: the line of a CSV file or the row number of a sheet. */
  row?: number;
  /** Id of the row's sample, once read. */
  sample?: string;
  column?: string;
  value?: string;
  reason: string;
  fix: string;
}

export interface ImportReport {
  /** Data rows read, units row excluded. */
  rowCount: number;
  /** Rows that pass every check; all are stored when the report has no error. */
  sampleCount: number;
  errorCount: number;
  warningCount: number;
  /** Every problem: those of the mapping first, then those of the rows in file order. */
  problems: ImportProblem[];
}

/** One sample ready to store: values follow the import's output columns. */
export interface ImportedSample {
  label: string;
  values: number[];
  metadata: Record<string, string>;
}
