/**
 * Scales `values` to sum to 100, keyed by `keys`.
 * @throws RangeError when the values sum to zero.
 */
export function renormaliseToPercent(
  keys: readonly string[],
  values: readonly number[],
  unit: string,
): Record<string, number> {
  const sum = values.reduce((total, value) => total + value, 0);
  if (sum === 0) {
    throw new RangeError(
      `all contents are zero (${keys.join(", ")}, in ${unit}): give at least one positive content`,
    );
  }

  return Object.fromEntries(keys.map((key, i) => [key, (100 * (values[i] ?? 0)) / sum]));
}
