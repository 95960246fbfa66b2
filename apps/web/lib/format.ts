/**
 * Number and date formatting for tables. Decimals follow Table 1 of the study: oxides in mol %
 * with 2 decimals, REE contents in ppm with 1 decimal.
 */

const MOL_PERCENT_DECIMALS = 2;
const PPM_DECIMALS = 1;
const OTHER_UNIT_SIGNIFICANT_DIGITS = 4;

const fixedFormats = new Map<number, Intl.NumberFormat>();

/** Formats `value` with exactly `decimals` decimals, without grouping and without "-0". */
export function formatFixed(value: number, decimals: number): string {
  let numberFormat = fixedFormats.get(decimals);
  if (numberFormat === undefined) {
    numberFormat = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: false,
      signDisplay: "negative",
    });
    fixedFormats.set(decimals, numberFormat);
  }

  return numberFormat.format(value);
}

const signedFormats = new Map<number, Intl.NumberFormat>();

/**
 * Formats `value` with exactly `decimals` decimals and a sign, "+" for positive values, so that a
 * change reads as a change. A value that rounds to 0 gets no sign.
 */
export function formatSigned(value: number, decimals: number): string {
  let numberFormat = signedFormats.get(decimals);
  if (numberFormat === undefined) {
    numberFormat = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: false,
      signDisplay: "exceptZero",
    });
    signedFormats.set(decimals, numberFormat);
  }

  return numberFormat.format(value);
}

/** Returns the decimals shown for a value in `unit`, or null for units without a fixed rule. */
export function decimalsForUnit(unit: string): number | null {
  if (unit === "mol %") {
    return MOL_PERCENT_DECIMALS;
  }

  if (unit.startsWith("ppm")) {
    return PPM_DECIMALS;
  }

  return null;
}

const significantFormat = new Intl.NumberFormat("en-US", {
  maximumSignificantDigits: OTHER_UNIT_SIGNIFICANT_DIGITS,
  useGrouping: false,
  signDisplay: "negative",
});

/** Formats a measured or predicted value by its unit (see {@link decimalsForUnit}). */
export function formatQuantity(value: number, unit: string): string {
  const decimals = decimalsForUnit(unit);

  return decimals === null ? significantFormat.format(value) : formatFixed(value, decimals);
}

/** Formats a share from 0 to 1 as a whole percentage, clamped to 0–100 %. */
export function formatPercent(fraction: number): string {
  const clamped = Math.min(1, Math.max(0, fraction));

  return `${Math.round(clamped * 100)} %`;
}

/** Formats a duration in seconds: milliseconds below 1 s, else seconds with 2 decimals. */
export function formatDuration(seconds: number): string {
  return seconds < 1 ? `${formatFixed(seconds * 1000, 0)} ms` : `${formatFixed(seconds, 2)} s`;
}

/** Returns "1 member" or "N members", for the size of a model ensemble. */
export function formatMemberCount(count: number): string {
  return count === 1 ? "1 member" : `${count} members`;
}

/** Formats an ISO 8601 timestamp as "YYYY-MM-DD HH:MM UTC", or returns the input if it is no date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }

  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};
/** Decimal exponents from -1 to 2 are written out as plain numbers (0.464, 20, 500). */
const PLAIN_EXPONENTS = { min: -1, max: 2 };
const POWER_SIGNIFICANT_DIGITS = 3;

/** Writes an integer exponent in superscript digits: -4 → "⁻⁴". */
function superscript(exponent: number): string {
  return [...String(exponent)].map((character) => SUPERSCRIPT_DIGITS[character] ?? "").join("");
}

/**
 * Formats a value that spans decades, such as a learning rate or weight decay, with 3 significant
 * digits: "0.464" and "20" plainly, "4.68 × 10⁻⁴" and "10⁻²" (an exact power of ten) in scientific
 * notation below 0.1 and from 1000 on. Returns "0" for 0 and "not finite" for NaN or ±Infinity.
 */
export function formatPowerOfTen(value: number): string {
  if (!Number.isFinite(value)) {
    return "not finite";
  }

  if (value === 0) {
    return "0";
  }

  const [mantissaText, exponentText] = Math.abs(value)
    .toExponential(POWER_SIGNIFICANT_DIGITS - 1)
    .split("e");
  const exponent = Number(exponentText);
  const sign = value < 0 ? "-" : "";
  if (exponent >= PLAIN_EXPONENTS.min && exponent <= PLAIN_EXPONENTS.max) {
    return `${sign}${Number(Math.abs(value).toPrecision(POWER_SIGNIFICANT_DIGITS))}`;
  }

  const mantissa = Number(mantissaText);

  return mantissa === 1
    ? `${sign}10${superscript(exponent)}`
    : `${sign}${mantissa} × 10${superscript(exponent)}`;
}

/**
 * Formats a mean and sd as "12.3 ± 4.5", or the mean alone when the sd is null (one value), with
 * `decimals` decimals. Returns null when the mean is null or not finite.
 */
export function formatMeanSd(
  summary: { mean: number | null; sd: number | null },
  decimals: number,
): string | null {
  const { mean, sd } = summary;
  if (mean === null || !Number.isFinite(mean)) {
    return null;
  }

  return sd === null || !Number.isFinite(sd)
    ? formatFixed(mean, decimals)
    : `${formatFixed(mean, decimals)} ± ${formatFixed(sd, decimals)}`;
}
