/**
 * Returns the p-th percentile (p in [0, 100]) of `values`, interpolating linearly between
 * order statistics as numpy's default "linear" method and describeColumn do.
 */
export function percentile(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values).sort();
  const position = ((sorted.length - 1) * p) / 100;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? NaN;
  const high = sorted[upper] ?? NaN;

  return low + (high - low) * (position - lower);
}
