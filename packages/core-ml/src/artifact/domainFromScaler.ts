import type { Matrix } from "../matrix/Matrix.js";
import type { StandardScaler } from "../preprocessing/standardScaler.js";
import { chiSquareQuantile } from "./chiSquareQuantile.js";
import { squaredDistance } from "./computeTrainingDomain.js";
import type { TrainingDomain } from "./ModelArtifact.js";

export interface DomainFromScalerOptions {
  /**
   * Half-width of each feature's allowed range, in training sds around the mean.
   * @default 3
   */
  sds?: number;
  /**
   * Lowest value a feature can take, in the feature unit.
   * @default 0, as for contents in mol %
   */
  lowest?: number;
  /**
   * Training rows that are known, in the scaler's feature order. The domain
   * widens to hold every one of them.
   * @default none
   */
  knownRows?: Matrix;
}

/**
 * Approximates the training domain of a model whose training rows are not
 * available, from the mean and sd its feature scaler recorded. Each range is
 * mean +- 3 sd, cut at zero. The scaler records no correlations, so the
 * distance treats the features as uncorrelated (an identity precision of the
 * z-scores), with the chi-square 0.99 quantile as the threshold. Oxide
 * contents of coal ashes are skewed (one of the study's public training ashes
 * has TiO2 5.7 sd above the mean), so known training rows widen the ranges and
 * the threshold until none of them is flagged.
 */
export function domainFromScaler(
  scaler: StandardScaler,
  rows: number,
  options: DomainFromScalerOptions = {},
): TrainingDomain {
  const { sds = 3, lowest = 0, knownRows } = options;
  const features = scaler.mean.length;
  if (features < 1 || scaler.scale.length !== features) {
    throw new RangeError(
      `scaler must hold one mean and one scale per feature, got ${features} and ${scaler.scale.length}`,
    );
  }

  if (knownRows && knownRows.columns !== features) {
    throw new RangeError(
      `knownRows must have one column per scaler feature (${features}), got ${knownRows.columns}`,
    );
  }

  const min = scaler.mean.map((mean, j) => Math.max(lowest, mean - sds * (scaler.scale[j] ?? 0)));
  const max = scaler.mean.map((mean, j) => mean + sds * (scaler.scale[j] ?? 0));
  const precision = Array.from({ length: features }, (_, i) =>
    Array.from({ length: features }, (_, j) => (i === j ? 1 : 0)),
  );
  let threshold = chiSquareQuantile(0.99, features);
  for (let i = 0; i < (knownRows?.rows ?? 0); i++) {
    const row = knownRows?.data.subarray(i * features, (i + 1) * features) ?? [];
    const z = Array.from(row, (value, j) => {
      min[j] = Math.min(min[j] ?? value, value);
      max[j] = Math.max(max[j] ?? value, value);

      return (value - (scaler.mean[j] ?? 0)) / (scaler.scale[j] ?? 1);
    });
    threshold = Math.max(threshold, squaredDistance(z, precision));
  }

  return {
    source: "scaler",
    rows,
    min,
    max,
    center: [...scaler.mean],
    scale: [...scaler.scale],
    precision,
    maxDistance: Math.sqrt(threshold),
  };
}
