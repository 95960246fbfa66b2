import { TableError } from "../table/TableError.js";
import { type DecimalSeparator, readLocaleNumber } from "./readLocaleNumber.js";

/**
 * Treatment of a cell below the detection limit: an error ("reject"), a missing value
 * ("missing"), half the limit ("half-limit") or the limit itself ("limit").
 */
export type BelowDetectionPolicy = "reject" | "missing" | "half-limit" | "limit";

/** Treatment of an empty or not-analysed cell: an error or a missing value. */
export type MissingPolicy = "reject" | "missing";

export interface ParseCellOptions {
  /**
   * Policy for "<0.5", "bdl" and the other below-detection marks. No policy turns them into 0.
   * @default "reject"
   */
  belowDetection?: BelowDetectionPolicy;
  /**
   * Policy for blank cells and not-analysed marks such as "n.a.".
   * @default "reject"
   */
  missing?: MissingPolicy;
  /**
   * Decimal separator of the file. Undefined accepts only numbers that read one way, so
   * "1,5" is 1.5 but "1,234" is an error.
   * @default undefined
   */
  decimalSeparator?: DecimalSeparator;
  /**
   * Detection limit of the column, in the column's unit, for marks that carry no number
   * ("bdl", "n.d."). Needed by the "half-limit" and "limit" policies.
   * @default undefined
   */
  detectionLimit?: number;
  /**
   * Cell texts, compared without case, that mean "below the detection limit".
   * NOTE: "n.d." and "nd" mean "not detected" here. A lab that writes them for "not
   * determined" should move them to notAnalysedMarks.
   * @default ["<LOD", "<DL", "bdl", "b.d.l.", "n.d.", "nd", "-"]
   */
  belowDetectionMarks?: readonly string[];
  /**
   * Cell texts, compared without case, that mean "not analysed". They are handled like blank cells.
   * @default ["n.a.", "na", "n/a"]
   */
  notAnalysedMarks?: readonly string[];
  /**
   * Location quoted in error messages: the file line, the sample and the column header.
   * @default {}
   */
  location?: { line?: number; sample?: string; column?: string };
}

/** The value of one cell and how it was obtained. */
export interface ParsedCell {
  /** The number, or null for a missing value. */
  value: number | null;
  status: "measured" | "below-detection" | "missing";
  /** The detection limit of a below-detection cell, when known. */
  detectionLimit?: number;
}

/**
 * Parses one numeric cell of an imported table under explicit policies. Below-detection
 * marks, blanks and not-analysed marks are converted as the policies set. A number must be zero or
 * more, and one that reads two ways ("1.234") needs a declared decimal separator.
 * @throws TableError naming the cell, the value and the option that resolves it.
 */
export function parseCell(text: string, options: ParseCellOptions = {}): ParsedCell {
  const {
    belowDetection = "reject",
    missing = "reject",
    decimalSeparator,
    detectionLimit,
    belowDetectionMarks = ["<LOD", "<DL", "bdl", "b.d.l.", "n.d.", "nd", "-"],
    notAnalysedMarks = ["n.a.", "na", "n/a"],
    location = {},
  } = options;
  const fail = (reason: string): never => {
    throw new TableError(
      `${describeLocation(location)}: ${reason}`,
      location.line,
      location.column,
      text,
    );
  };

  checkPolicies(belowDetection, missing, detectionLimit);

  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  if (trimmed === "" || notAnalysedMarks.some((mark) => mark.toLowerCase() === lower)) {
    if (missing === "reject") {
      const problem =
        trimmed === "" ? "the cell is empty" : `"${trimmed}" marks a value not analysed`;
      fail(`${problem}; fill it in, or choose the missing-value policy "missing"`);
    }

    return { value: null, status: "missing" };
  }

  if (belowDetectionMarks.some((mark) => mark.toLowerCase() === lower)) {
    return applyBelowDetection(trimmed, detectionLimit, belowDetection, fail);
  }

  if (trimmed.startsWith("<")) {
    const limit = readLocaleNumber(trimmed.slice(1), decimalSeparator);
    if ("error" in limit || limit.value < 0) {
      return fail(
        `"${trimmed}" is not a detection limit; write it as "<" and a number, e.g. "<0.5"`,
      );
    }

    return applyBelowDetection(trimmed, limit.value, belowDetection, fail);
  }

  if (trimmed.startsWith(">")) {
    return fail(
      `"${trimmed}" is above the measuring range; enter the measured value or remove the sample`,
    );
  }

  const number = readLocaleNumber(trimmed, decimalSeparator);
  if ("error" in number) {
    return fail(`"${trimmed}" ${number.error}`);
  }

  if (number.value < 0) {
    return fail(`"${trimmed}" is negative; contents must be zero or more`);
  }

  return { value: number.value, status: "measured" };
}

function applyBelowDetection(
  text: string,
  limit: number | undefined,
  policy: BelowDetectionPolicy,
  fail: (reason: string) => never,
): ParsedCell {
  if (policy === "missing") {
    return { value: null, status: "below-detection", detectionLimit: limit };
  }

  if (policy === "reject") {
    return fail(
      `"${text}" is below the detection limit; choose a below-detection policy: ` +
        `"missing", "half-limit" or "limit"`,
    );
  }

  if (limit === undefined) {
    return fail(
      `"${text}" gives no detection limit for the "${policy}" policy; set detectionLimit ` +
        `for the column, or choose the policy "missing"`,
    );
  }

  const value = policy === "half-limit" ? limit / 2 : limit;

  return { value, status: "below-detection", detectionLimit: limit };
}

function describeLocation({
  line,
  sample,
  column,
}: NonNullable<ParseCellOptions["location"]>): string {
  const parts: string[] = [];
  if (line !== undefined) {
    parts.push(sample === undefined ? `line ${line}` : `line ${line} (sample "${sample}")`);
  } else if (sample !== undefined) {
    parts.push(`sample "${sample}"`);
  }

  if (column !== undefined) {
    parts.push(`column "${column}"`);
  }

  return parts.length === 0 ? "cell" : parts.join(", ");
}

/** Rejects policy values that TypeScript callers cannot pass but JavaScript callers can. */
function checkPolicies(
  belowDetection: string,
  missing: string,
  detectionLimit: number | undefined,
): void {
  if (!["reject", "missing", "half-limit", "limit"].includes(belowDetection)) {
    throw new RangeError(
      `belowDetection must be "reject", "missing", "half-limit" or "limit", got "${belowDetection}"`,
    );
  }

  if (!["reject", "missing"].includes(missing)) {
    throw new RangeError(`missing must be "reject" or "missing", got "${missing}"`);
  }

  if (detectionLimit !== undefined && !(Number.isFinite(detectionLimit) && detectionLimit >= 0)) {
    throw new RangeError(
      `detectionLimit must be a finite number of zero or more, got ${detectionLimit}`,
    );
  }
}
