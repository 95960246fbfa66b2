import type { Matrix } from "../matrix/Matrix.js";

/** Formats a bad value for an error message: strings in quotes, everything else as written. */
export function formatValue(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** Throws unless `value` is an integer in [minimum, maximum]. */
export function assertIntegerInRange(
  value: unknown,
  name: string,
  minimum: number,
  maximum = Number.MAX_SAFE_INTEGER,
): asserts value is number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new TypeError(`${name} must be an integer, got ${formatValue(value)}`);
  }

  if (value < minimum || value > maximum) {
    const range =
      maximum === Number.MAX_SAFE_INTEGER ? `at least ${minimum}` : `in [${minimum}, ${maximum}]`;
    throw new RangeError(`${name} must be an integer ${range}, got ${value}`);
  }
}

/** Throws unless `value` is a finite number. */
export function assertFiniteNumber(value: unknown, name: string): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`${name} must be a finite number, got ${formatValue(value)}`);
  }
}

/** Throws unless `matrix` has at least one row and one column and only finite values. */
export function assertFiniteMatrix(matrix: Matrix, name: string): void {
  if (matrix.rows < 1 || matrix.columns < 1) {
    throw new RangeError(
      `${name} must have at least one row and one column, got ${matrix.rows} x ${matrix.columns}`,
    );
  }

  const index = matrix.data.findIndex((value) => !Number.isFinite(value));
  if (index >= 0) {
    const row = Math.floor(index / matrix.columns);
    const column = index % matrix.columns;
    throw new RangeError(
      `${name} must contain only finite numbers, got ${matrix.data[index]} at row ${row}, column ${column}`,
    );
  }
}

/** Throws unless both arrays are non-empty, of equal length and finite. */
export function assertPairedValues(
  measured: ArrayLike<number>,
  predicted: ArrayLike<number>,
): void {
  if (measured.length !== predicted.length) {
    throw new RangeError(
      `measured and predicted must have the same length, got ${measured.length} and ${predicted.length}`,
    );
  }

  if (measured.length === 0) {
    throw new RangeError("measured must contain at least one value, got none");
  }

  for (const [name, values] of [
    ["measured", measured],
    ["predicted", predicted],
  ] as const) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        throw new RangeError(
          `${name} must contain only finite numbers, got ${formatValue(values[i])} at index ${i}`,
        );
      }
    }
  }
}
