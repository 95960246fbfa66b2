/**
 * Regression metrics of one target. Each returns null where it is undefined
 * (no variance, a zero measured value) instead of NaN or a huge number.
 */

export function r2Score(measured: ArrayLike<number>, predicted: ArrayLike<number>): number | null {
  const n = checkLengths(measured, predicted);
  const mean = average(measured);
  let residual = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    residual += ((measured[i] ?? 0) - (predicted[i] ?? 0)) ** 2;
    total += ((measured[i] ?? 0) - mean) ** 2;
  }

  return n < 2 || total === 0 ? null : 1 - residual / total;
}

/** Mean absolute percentage error, in %; null when a measured value is zero. */
export function meanAbsolutePercentageError(
  measured: ArrayLike<number>,
  predicted: ArrayLike<number>,
): number | null {
  const n = checkLengths(measured, predicted);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const truth = measured[i] ?? 0;
    if (truth === 0) {
      return null;
    }

    sum += Math.abs((truth - (predicted[i] ?? 0)) / truth);
  }

  return n === 0 ? null : (100 * sum) / n;
}

/**
 * Mean absolute error divided by the mean measured value, in %. The study's
 * released code reports this quantity under the name "MAPE".
 */
export function maeOverMean(
  measured: ArrayLike<number>,
  predicted: ArrayLike<number>,
): number | null {
  const n = checkLengths(measured, predicted);
  const mean = average(measured);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += Math.abs((measured[i] ?? 0) - (predicted[i] ?? 0));
  }

  return n === 0 || mean === 0 ? null : (100 * sum) / n / mean;
}

export function rootMeanSquaredError(
  measured: ArrayLike<number>,
  predicted: ArrayLike<number>,
): number | null {
  const n = checkLengths(measured, predicted);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += ((measured[i] ?? 0) - (predicted[i] ?? 0)) ** 2;
  }

  return n === 0 ? null : Math.sqrt(sum / n);
}

function checkLengths(measured: ArrayLike<number>, predicted: ArrayLike<number>): number {
  if (measured.length !== predicted.length) {
    throw new RangeError(
      `measured and predicted must have the same length, got ${measured.length} and ${predicted.length}`,
    );
  }

  return measured.length;
}

function average(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i] ?? 0;
  }

  return values.length === 0 ? NaN : sum / values.length;
}
