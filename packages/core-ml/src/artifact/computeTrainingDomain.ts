import { inverse, Matrix as MlMatrix } from "ml-matrix";

import type { Matrix } from "../matrix/Matrix.js";
import { fitStandardScaler } from "../preprocessing/standardScaler.js";
import { chiSquareQuantile } from "./chiSquareQuantile.js";
import type { TrainingDomain } from "./ModelArtifact.js";

/**
 * Describes the training rows of a model: the range of each feature and what
 * a Mahalanobis distance from their centre needs.
 *
 * The covariance of the z-scores is shrunk towards the identity by
 * p / (n + p) for p features and n rows. It then stays invertible when rows
 * are few or features collinear (10 rows of 6 oxides here), and keeps most of
 * its correlations when rows are many. A composition is out of the domain when
 * its squared distance exceeds the larger of the chi-square 0.99 quantile for
 * p degrees of freedom, which flags about 1 % of compositions drawn from the
 * training distribution if it were normal, and the largest squared distance of
 * a training row, so that no training row is ever flagged: with few skewed rows
 * the normal quantile alone is too tight.
 */
export function computeTrainingDomain(x: Matrix): TrainingDomain {
  if (x.rows < 1 || x.columns < 1) {
    throw new RangeError(
      `x must have at least one row and one column, got ${x.rows} x ${x.columns}`,
    );
  }

  const { mean: center, scale } = fitStandardScaler(x);
  const z = MlMatrix.from1DArray(
    x.rows,
    x.columns,
    Array.from(x.data, (value, index) => {
      const j = index % x.columns;

      return (value - (center[j] ?? 0)) / (scale[j] ?? 1);
    }),
  );
  const shrinkage = x.columns / (x.rows + x.columns);
  const covariance = z
    .transpose()
    .mmul(z)
    .div(x.rows)
    .mul(1 - shrinkage)
    .add(MlMatrix.eye(x.columns).mul(shrinkage));
  const precision = inverse(covariance).to2DArray();

  const largest = Math.max(...z.to2DArray().map((row) => squaredDistance(row, precision)));
  const threshold = Math.max(chiSquareQuantile(0.99, x.columns), largest);

  return {
    source: "rows",
    rows: x.rows,
    min: columnExtremes(x, Math.min),
    max: columnExtremes(x, Math.max),
    center,
    scale,
    precision,
    maxDistance: Math.sqrt(threshold),
  };
}

/** z' P z for one row of z-scores. */
export function squaredDistance(z: ArrayLike<number>, precision: number[][]): number {
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    const row = precision[i] ?? [];
    for (let j = 0; j < z.length; j++) {
      sum += (z[i] ?? 0) * (row[j] ?? 0) * (z[j] ?? 0);
    }
  }

  return sum;
}

function columnExtremes(x: Matrix, pick: (a: number, b: number) => number): number[] {
  return Array.from({ length: x.columns }, (_, j) => {
    let extreme = x.data[j] ?? NaN;
    for (let i = 1; i < x.rows; i++) {
      extreme = pick(extreme, x.data[i * x.columns + j] ?? NaN);
    }

    return extreme;
  });
}
