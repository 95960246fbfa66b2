/** Result of reading one form input: the value, or a message that names the field. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Limits of {@link parseNumberInput}; every bound is optional. */
export interface NumberLimits {
  /** Accepts whole numbers only. */
  integer?: boolean;
  /** Lowest accepted value, included. */
  min?: number;
  /** Highest accepted value, included. */
  max?: number;
  /** Lowest bound, excluded: the value must be greater. */
  above?: number;
  /** Highest bound, excluded: the value must be smaller. */
  below?: number;
}

/** A decimal number with an optional exponent, e.g. "12", "-0.5", ".25", "1e-3". */
const DECIMAL_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** A power of ten as the study writes learning rates, e.g. "10^-3.33". */
const POWER_PATTERN = /^10\^([+-]?(\d+\.?\d*|\.\d+))$/;

/**
 * Returns 10 to the power `exponent`. A whole exponent is parsed as "1e<exponent>", because
 * 10 ** -4 gives 0.00009999999999999999 rather than 1e-4; a fractional one uses **, as the API
 * computes its default learning rate of 10^-3.33.
 */
function powerOfTen(exponent: number): number {
  return Number.isInteger(exponent) ? Number(`1e${exponent}`) : 10 ** exponent;
}

/**
 * Reads a number in the form's notation: a decimal number with a dot ("0.2", "1e-3") or a power
 * of ten ("10^-3.33"). Returns undefined for anything else, including "0x10", "Infinity" and a
 * decimal comma, which Number() would accept or misread.
 */
export function readNumber(text: string): number | undefined {
  const trimmed = text.trim();
  const power = POWER_PATTERN.exec(trimmed);
  const value = power
    ? powerOfTen(Number(power[1]))
    : DECIMAL_PATTERN.test(trimmed)
      ? Number(trimmed)
      : Number.NaN;

  return Number.isFinite(value) ? value : undefined;
}

/** Describes the accepted range in words, e.g. "a whole number from 1 to 1000". */
export function describeLimits(limits: NumberLimits): string {
  const noun = limits.integer ? "a whole number" : "a number";
  const { min, max, above, below } = limits;
  if (min !== undefined && max !== undefined) {
    return `${noun} from ${min} to ${max}`;
  }

  if (above !== undefined && below !== undefined) {
    return `${noun} between ${above} and ${below} (exclusive)`;
  }

  const parts = [
    min === undefined ? null : `${min} or more`,
    above === undefined ? null : `greater than ${above}`,
    max === undefined ? null : `${max} or less`,
    below === undefined ? null : `less than ${below}`,
  ].filter((part) => part !== null);

  return parts.length === 0 ? noun : `${noun}, ${parts.join(" and ")}`;
}

function withinLimits(value: number, limits: NumberLimits): boolean {
  const { integer, min, max, above, below } = limits;

  return (
    (!integer || Number.isInteger(value)) &&
    (min === undefined || value >= min) &&
    (max === undefined || value <= max) &&
    (above === undefined || value > above) &&
    (below === undefined || value < below)
  );
}

/**
 * Parses the text of a number input. The message names the field, states the accepted range and
 * repeats the text, e.g. `Test fraction must be a number between 0 and 1 (exclusive), got "1.5".`
 */
export function parseNumberInput(
  fieldLabel: string,
  text: string,
  limits: NumberLimits = {},
): ParseResult<number> {
  const trimmed = text.trim();
  if (trimmed === "") {
    return { ok: false, message: `${fieldLabel} is required.` };
  }

  const value = readNumber(trimmed);
  if (value === undefined || !withinLimits(value, limits)) {
    const hint =
      value === undefined && /^[+-]?\d*,\d+$/.test(trimmed)
        ? " Use a dot as the decimal separator."
        : "";

    return {
      ok: false,
      message: `${fieldLabel} must be ${describeLimits(limits)}, got "${trimmed}".${hint}`,
    };
  }

  return { ok: true, value };
}

/** Splits a list on commas, semicolons or white space and drops empty items. */
function splitList(text: string): string[] {
  return text.split(/[\s,;]+/).filter((item) => item !== "");
}

/**
 * Parses a list of numbers separated by commas, semicolons or spaces, e.g. "1e-3, 1e-2, 10^-1.5".
 * The list must have at least one value, and each must meet `limits`; duplicates are rejected,
 * because each would train the same candidates twice.
 */
export function parseNumberListInput(
  fieldLabel: string,
  text: string,
  limits: NumberLimits = {},
): ParseResult<number[]> {
  const items = splitList(text);
  if (items.length === 0) {
    return { ok: false, message: `${fieldLabel} must list at least one value.` };
  }

  const values: number[] = [];
  for (const item of items) {
    const value = readNumber(item);
    if (value === undefined || !withinLimits(value, limits)) {
      return {
        ok: false,
        message: `${fieldLabel}: each value must be ${describeLimits(limits)}, got "${item}".`,
      };
    }

    if (values.includes(value)) {
      return { ok: false, message: `${fieldLabel}: "${item}" is listed twice.` };
    }

    values.push(value);
  }

  return { ok: true, value: values };
}

/**
 * Parses hidden layer sizes, e.g. "20, 6" for two layers of 20 and 6 units. Each size must be a
 * whole number of at least 1, and there must be at least one layer.
 */
export function parseLayersInput(fieldLabel: string, text: string): ParseResult<number[]> {
  const items = text.split(/[\s,]+/).filter((item) => item !== "");
  if (items.length === 0) {
    return { ok: false, message: `${fieldLabel} must list at least one hidden layer size.` };
  }

  const sizes: number[] = [];
  for (const item of items) {
    const value = readNumber(item);
    if (value === undefined || !Number.isInteger(value) || value < 1) {
      return {
        ok: false,
        message: `${fieldLabel}: each layer size must be a whole number of 1 or more, got "${item}".`,
      };
    }

    sizes.push(value);
  }

  return { ok: true, value: sizes };
}

/**
 * Parses several hidden layer configurations, one per line or separated by semicolons, e.g.
 * "16, 4; 32, 8". Repeated configurations are rejected.
 */
export function parseLayerListInput(fieldLabel: string, text: string): ParseResult<number[][]> {
  const entries = text
    .split(/[;\n]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) {
    return { ok: false, message: `${fieldLabel} must list at least one configuration.` };
  }

  const configurations: number[][] = [];
  for (const [index, entry] of entries.entries()) {
    const result = parseLayersInput(`${fieldLabel}, configuration ${index + 1}`, entry);
    if (!result.ok) {
      return result;
    }

    const key = result.value.join(",");
    if (configurations.some((configuration) => configuration.join(",") === key)) {
      return { ok: false, message: `${fieldLabel}: "${entry}" is listed twice.` };
    }

    configurations.push(result.value);
  }

  return { ok: true, value: configurations };
}
