import { averageRanks } from "./averageRanks.js";
import { pearsonCorrelation } from "./pearsonCorrelation.js";

export type CorrelationMethod = "PEARSON" | "SPEARMAN";

/** Options of {@link correlationMatrix}. */
export interface CorrelationMatrixOptions {
  /**
   * PEARSON: linear correlation of the values. SPEARMAN: Pearson's correlation of the average
   * ranks, which measures any monotonic relation and resists outliers.
   */
  method: CorrelationMethod;
  /**
   * Minimum number of complete pairs for a coefficient. With fewer, the entry is null.
   * @default 3
   */
  minPairs?: number;
}

/**
 * Returns the symmetric matrix of correlations between every two columns (arrays of equal length,
 * one value per sample). Each entry uses the samples where both values are finite (pairwise
 * deletion), and Spearman ranks those samples only. An entry is null when it is undefined: fewer
 * than `minPairs` complete pairs, or a column that is constant over them. The diagonal is 1 where
 * the column varies.
 *
 * @throws RangeError when the columns differ in length.
 */
export function correlationMatrix(
  columns: readonly ArrayLike<number>[],
  options: CorrelationMatrixOptions,
): (number | null)[][] {
  const { method, minPairs = 3 } = options;
  const length = columns[0]?.length ?? 0;
  columns.forEach((column, index) => {
    if (column.length !== length) {
      throw new RangeError(
        `columns[${index}] has ${column.length} values, but columns[0] has ${length}`,
      );
    }
  });

  const matrix = columns.map(() => new Array<number | null>(columns.length).fill(null));
  for (let i = 0; i < columns.length; i++) {
    for (let j = i; j < columns.length; j++) {
      const value = correlate(columns[i]!, columns[j]!, method, minPairs);
      matrix[i]![j] = value;
      matrix[j]![i] = value;
    }
  }

  return matrix;
}

function correlate(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  method: CorrelationMethod,
  minPairs: number,
): number | null {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (Number.isFinite(a[i]) && Number.isFinite(b[i])) {
      x.push(a[i]!);
      y.push(b[i]!);
    }
  }

  if (x.length < minPairs) {
    return null;
  }

  return method === "SPEARMAN"
    ? pearsonCorrelation(averageRanks(x), averageRanks(y))
    : pearsonCorrelation(x, y);
}
