import {
  checkDomain,
  createMatrix,
  describeDomainWarning,
  type DomainWarning as CoreDomainWarning,
  type ModelArtifact,
  predictWithArtifact,
} from "@ree/core-ml";
import type {
  CompositionInput,
  DomainWarning,
  Prediction,
  PredictionColumns,
  TargetPrediction,
  ThresholdSource,
} from "@ree/schema/types";

import { ApiError } from "../errors/ApiError.js";

/** Largest batch of compositions one request may post. */
export const MAX_COMPOSITIONS = 10_000;

const TOTAL_TARGET = "REE_total_ppm_mol";

export interface PredictOptions {
  /** Threshold of the screening class, in the target unit; overrides the model's own. */
  screeningThreshold?: number | null;
}

/** The ensemble's outputs for a batch: matrices of compositions x targets, row-major. */
interface BatchOutputs {
  artifact: ModelArtifact;
  count: number;
  mean: Float64Array;
  sd: Float64Array;
  p5: Float64Array;
  p95: Float64Array;
  screening: ResolvedScreening | null;
  /** Share of the members at or above the screening threshold, per composition. */
  shareAbove: ArrayLike<number> | undefined;
  warnings: DomainWarning[][];
}

/**
 * Runs the ensemble on every composition: the mean, sd and 5-95 % range of each target over the
 * members, the screening and the reasons a composition is outside the training domain. Oxides
 * the model does not use are ignored.
 */
function predictBatch(
  artifact: ModelArtifact,
  compositions: CompositionInput[],
  options: PredictOptions,
): BatchOutputs {
  if (compositions.length === 0 || compositions.length > MAX_COMPOSITIONS) {
    throw ApiError.badInput(
      `compositions must hold 1 to ${MAX_COMPOSITIONS} entries, got ${compositions.length}`,
    );
  }

  const x = createMatrix(compositions.length, artifact.features.length);
  compositions.forEach((composition, i) => {
    x.data.set(featureRow(artifact, composition, i), i * artifact.features.length);
  });

  const screening = resolveScreening(artifact, options.screeningThreshold);
  const { mean, sd, p5, p95, shareAbove } = predictWithArtifact(artifact, x, {
    ...(screening && { screening }),
  });
  const domain = artifact.domain ? checkDomain(artifact.domain, artifact.features, x) : [];

  return {
    artifact,
    count: compositions.length,
    mean: mean.data,
    sd: sd.data,
    p5: p5.data,
    p95: p95.data,
    screening,
    shareAbove,
    warnings: compositions.map((_, i) => (domain[i] ?? []).map(toDomainWarning)),
  };
}

/** Predicts every target of the model for each composition; see predictBatch. */
export function predict(
  artifact: ModelArtifact,
  compositions: CompositionInput[],
  options: PredictOptions = {},
): Prediction[] {
  const batch = predictBatch(artifact, compositions, options);
  const { targets } = artifact;
  const width = targets.length;

  const targetPrediction = (i: number, j: number): TargetPrediction => {
    const spread = batch.sd[i * width + j] ?? NaN;

    return {
      target: targets[j] ?? "",
      value: batch.mean[i * width + j] ?? NaN,
      sd: Number.isFinite(spread) ? spread : null,
      p5: batch.p5[i * width + j] ?? NaN,
      p95: batch.p95[i * width + j] ?? NaN,
    };
  };

  const total = targets.indexOf(TOTAL_TARGET);
  const { screening } = batch;

  // Targets are getters, so that GraphQL builds them only for queries that select them:
  // a batch that reads the total alone skips 16 objects per composition.
  return compositions.map((composition, i) => ({
    label: composition.label ?? null,
    get total() {
      return total < 0 ? null : targetPrediction(i, total);
    },
    get targets() {
      return targets.map((_, j) => targetPrediction(i, j));
    },
    screening: screening && {
      target: screening.name,
      threshold: screening.threshold,
      thresholdSource: screening.source,
      high: (batch.mean[i * width + screening.target] ?? NaN) >= screening.threshold,
      shareAbove: batch.shareAbove?.[i] ?? NaN,
    },
    warnings: batch.warnings[i] ?? [],
  }));
}

/** Predicts as predict does, returned as a list per target; see PredictionColumns. */
export function predictColumns(
  artifact: ModelArtifact,
  compositions: CompositionInput[],
  options: PredictOptions = {},
): PredictionColumns {
  const batch = predictBatch(artifact, compositions, options);
  const width = artifact.targets.length;
  const rows = Array.from({ length: batch.count }, (_, i) => i);
  const column = (data: Float64Array, j: number) => rows.map((i) => data[i * width + j] ?? NaN);
  const { screening } = batch;

  return {
    labels: compositions.map((composition) => composition.label ?? null),
    // Built only when selected, as in predict.
    get targets() {
      return artifact.targets.map((target, j) => ({
        target,
        value: column(batch.mean, j),
        sd: column(batch.sd, j).map((spread) => (Number.isFinite(spread) ? spread : null)),
        p5: column(batch.p5, j),
        p95: column(batch.p95, j),
      }));
    },
    screening: screening && {
      target: screening.name,
      threshold: screening.threshold,
      thresholdSource: screening.source,
      high: column(batch.mean, screening.target).map((mean) => mean >= screening.threshold),
      shareAbove: rows.map((i) => batch.shareAbove?.[i] ?? NaN),
    },
    warnings: batch.warnings,
  };
}

interface ResolvedScreening {
  /** Column of the target. */
  target: number;
  name: string;
  threshold: number;
  source: ThresholdSource;
}

/** Picks the request's threshold, else the model's, on the total REE when the model predicts it. */
function resolveScreening(
  artifact: ModelArtifact,
  requested: number | null | undefined,
): ResolvedScreening | null {
  if (requested !== null && requested !== undefined && !(requested >= 0)) {
    throw ApiError.badInput(
      `screeningThreshold must be zero or more, in ${artifact.targetUnit}; got ${requested}`,
    );
  }

  const rule = artifact.screening;
  const name =
    rule?.target ?? (artifact.targets.includes(TOTAL_TARGET) ? TOTAL_TARGET : artifact.targets[0]);
  const target = artifact.targets.indexOf(name ?? "");
  if (requested !== null && requested !== undefined) {
    return { target, name: name ?? "", threshold: requested, source: "REQUEST" };
  }

  if (!rule || target < 0) {
    return null;
  }

  return { target, name: rule.target, threshold: rule.threshold, source: "MODEL" };
}

function toDomainWarning(warning: CoreDomainWarning): DomainWarning {
  const message = describeDomainWarning(warning);
  if (warning.kind === "RANGE") {
    const { kind, feature, value, min, max } = warning;

    return { kind, message, feature, value, min, max, distance: null, maxDistance: null };
  }

  const { kind, distance, maxDistance } = warning;

  return { kind, message, feature: null, value: null, min: null, max: null, distance, maxDistance };
}

function featureRow(
  artifact: ModelArtifact,
  composition: CompositionInput,
  index: number,
): number[] {
  const where = `composition ${index + 1}${composition.label ? ` ("${composition.label}")` : ""}`;
  const amounts = new Map<string, number>();
  for (const { oxide, molPercent } of composition.oxides) {
    if (amounts.has(oxide)) {
      throw ApiError.badInput(`${where}: oxide "${oxide}" is given twice`);
    }

    if (!Number.isFinite(molPercent) || molPercent < 0 || molPercent > 100) {
      throw ApiError.badInput(
        `${where}: ${oxide} = ${molPercent} mol % is out of range; give a value from 0 to 100`,
      );
    }

    amounts.set(oxide, molPercent);
  }

  return artifact.features.map((feature) => {
    const oxide = feature.replace(/_mol_pct$/, "");
    const value = amounts.get(oxide);
    if (value === undefined) {
      throw ApiError.badInput(
        `${where}: missing oxide "${oxide}"; this model needs ${artifact.features
          .map((f) => f.replace(/_mol_pct$/, ""))
          .join(", ")} in mol %`,
      );
    }

    return value;
  });
}
