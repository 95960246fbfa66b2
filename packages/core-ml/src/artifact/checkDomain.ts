import type { Matrix } from "../matrix/Matrix.js";
import { squaredDistance } from "./computeTrainingDomain.js";
import type { TrainingDomain } from "./ModelArtifact.js";

/** A feature outside the range of the training rows. */
export interface RangeWarning {
  kind: "RANGE";
  feature: string;
  value: number;
  min: number;
  max: number;
}

/** A composition whose combination of features is far from the training rows. */
export interface DistanceWarning {
  kind: "DISTANCE";
  /** Mahalanobis distance of the composition's z-scores. */
  distance: number;
  /** Largest distance inside the domain. */
  maxDistance: number;
}

export type DomainWarning = RangeWarning | DistanceWarning;

/**
 * Lists, for each row of x, the features outside their training range and
 * whether the row as a whole is farther from the training rows than the
 * domain allows. A row can be inside every range and still far away, when its
 * features combine in a way the training rows never did.
 */
export function checkDomain(
  domain: TrainingDomain,
  features: readonly string[],
  x: Matrix,
): DomainWarning[][] {
  if (x.columns !== features.length || domain.min.length !== features.length) {
    throw new RangeError(
      `x must have one column per domain feature (${domain.min.length}), got ${x.columns}`,
    );
  }

  const z = new Float64Array(x.columns);

  return Array.from({ length: x.rows }, (_, i) => {
    const warnings: DomainWarning[] = [];
    features.forEach((feature, j) => {
      const value = x.data[i * x.columns + j] ?? NaN;
      const min = domain.min[j] ?? -Infinity;
      const max = domain.max[j] ?? Infinity;
      if (value < min || value > max) {
        warnings.push({ kind: "RANGE", feature, value, min, max });
      }

      z[j] = (value - (domain.center[j] ?? 0)) / (domain.scale[j] ?? 1);
    });

    const distance = Math.sqrt(squaredDistance(z, domain.precision));
    if (distance > domain.maxDistance) {
      warnings.push({ kind: "DISTANCE", distance, maxDistance: domain.maxDistance });
    }

    return warnings;
  });
}

/** Describes a warning in one sentence, e.g. "CaO_mol_pct = 60 is outside the training range 1.2 to 51.2". */
export function describeDomainWarning(warning: DomainWarning): string {
  switch (warning.kind) {
    case "RANGE":
      return `${warning.feature} = ${round(warning.value)} is outside the training range ${round(warning.min)} to ${round(warning.max)}`;
    case "DISTANCE":
      return `Mahalanobis distance ${round(warning.distance)} from the training rows exceeds the domain's ${round(warning.maxDistance)}: the oxides combine unlike any training ash`;
  }
}

function round(value: number): string {
  return String(Number(value.toPrecision(4)));
}
