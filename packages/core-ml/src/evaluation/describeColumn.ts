export interface ColumnDescription {
  count: number;
  p0: number;
  p20: number;
  p50: number;
  p80: number;
  p100: number;
  mean: number;
  /** Sample standard deviation (n - 1); null for a single value. */
  sd: number | null;
}

/**
 * Describes a column as the study's Table 1 does. Percentiles interpolate
 * linearly between order statistics (numpy's default "linear" method).
 */
export function describeColumn(values: ArrayLike<number>): ColumnDescription {
  if (values.length === 0) {
    throw new RangeError("values must not be empty");
  }

  const sorted = Float64Array.from(values).sort();
  const count = sorted.length;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / count;
  const sd =
    count < 2
      ? null
      : Math.sqrt(sorted.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (count - 1));

  return {
    count,
    p0: percentile(sorted, 0),
    p20: percentile(sorted, 20),
    p50: percentile(sorted, 50),
    p80: percentile(sorted, 80),
    p100: percentile(sorted, 100),
    mean,
    sd,
  };
}

function percentile(sorted: Float64Array, p: number): number {
  const position = ((sorted.length - 1) * p) / 100;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? NaN;
  const high = sorted[upper] ?? NaN;

  return low + (high - low) * (position - lower);
}
