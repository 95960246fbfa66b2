export interface Summary {
  /** Null when there is no value. */
  mean: number | null;
  /** Sample standard deviation (n - 1); null with fewer than 2 values. */
  sd: number | null;
}

/** Mean and sample sd of the values that are not null. */
export function summarize(values: readonly (number | null)[]): Summary {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) {
    return { mean: null, sd: null };
  }

  const mean = present.reduce((sum, value) => sum + value, 0) / present.length;
  if (present.length < 2) {
    return { mean, sd: null };
  }

  const variance =
    present.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (present.length - 1);

  return { mean, sd: Math.sqrt(variance) };
}
