/**
 * Returns Pearson's correlation coefficient of two equally long series, or null when it is
 * undefined: fewer than 2 pairs, or a series with no variance.
 *
 * @throws RangeError when the lengths differ.
 */
export function pearsonCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  if (x.length !== y.length) {
    throw new RangeError(`x and y must have the same length, got ${x.length} and ${y.length}`);
  }

  const n = x.length;
  if (n < 2) {
    return null;
  }

  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += x[i]! / n;
    meanY += y[i]! / n;
  }

  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - meanX;
    const dy = y[i]! - meanY;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  }

  if (varianceX === 0 || varianceY === 0) {
    return null;
  }

  // Rounding can carry |r| a hair past 1 for perfectly correlated series.
  return Math.max(-1, Math.min(1, covariance / Math.sqrt(varianceX * varianceY)));
}
