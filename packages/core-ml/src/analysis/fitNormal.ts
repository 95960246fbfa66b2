/** Parameters of a normal distribution fitted to a sample. */
export interface NormalFit {
  mean: number;
  /** Maximum-likelihood sd: the root mean squared deviation, dividing by n, not n - 1. */
  sd: number;
  count: number;
}

/**
 * Fits a normal distribution by maximum likelihood, as scipy.stats.norm.fit does: the mean
 * and the population sd of the values.
 */
export function fitNormal(values: ArrayLike<number>): NormalFit {
  if (values.length === 0) {
    throw new RangeError("values must contain at least one number, got none");
  }

  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? NaN;
    if (!Number.isFinite(value)) {
      throw new RangeError(`values must contain only finite numbers, got ${value} at index ${i}`);
    }

    sum += value;
  }

  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    squares += ((values[i] ?? NaN) - mean) ** 2;
  }

  return { mean, sd: Math.sqrt(squares / values.length), count: values.length };
}
