import { createMatrix, type ModelArtifact, predictWithArtifact } from "@ree/core-ml";
import type { CompositionInput, Prediction } from "@ree/schema/types";

import { ApiError } from "../errors/ApiError.js";

/** Largest batch of compositions one request may post. */
export const MAX_COMPOSITIONS = 10_000;

const TOTAL_TARGET = "REE_total_ppm_mol";

/**
 * Predicts every target of the model for each composition, as the mean and
 * sd over the ensemble members. Oxides the model does not use are ignored.
 */
export function predict(artifact: ModelArtifact, compositions: CompositionInput[]): Prediction[] {
  if (compositions.length === 0 || compositions.length > MAX_COMPOSITIONS) {
    throw ApiError.badInput(
      `compositions must hold 1 to ${MAX_COMPOSITIONS} entries, got ${compositions.length}`,
    );
  }

  const x = createMatrix(compositions.length, artifact.features.length);
  compositions.forEach((composition, i) => {
    x.data.set(featureRow(artifact, composition, i), i * artifact.features.length);
  });

  const { mean, sd, p5, p95 } = predictWithArtifact(artifact, x);
  const width = artifact.targets.length;

  return compositions.map((composition, i) => {
    const targets = artifact.targets.map((target, j) => {
      const spread = sd.data[i * width + j] ?? NaN;

      return {
        target,
        value: mean.data[i * width + j] ?? NaN,
        sd: Number.isFinite(spread) ? spread : null,
        p5: p5.data[i * width + j] ?? NaN,
        p95: p95.data[i * width + j] ?? NaN,
      };
    });

    return {
      label: composition.label ?? null,
      total: targets.find((target) => target.target === TOTAL_TARGET) ?? null,
      targets,
    };
  });
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
