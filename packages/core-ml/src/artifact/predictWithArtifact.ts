import { createMatrix, type Matrix } from "../matrix/Matrix.js";
import type { ModelArtifact } from "./ModelArtifact.js";
import { predictWithMember } from "./predictWithMember.js";

export interface EnsemblePrediction {
  /** Mean over the members, rows x targets. */
  mean: Matrix;
  /** Sample sd over the members (n - 1); all NaN for a single member. */
  sd: Matrix;
}

/** Predicts with every member of an ensemble and returns the mean and spread. */
export function predictWithArtifact(artifact: ModelArtifact, x: Matrix): EnsemblePrediction {
  if (x.columns !== artifact.features.length) {
    throw new RangeError(
      `expected ${artifact.features.length} features (${artifact.features.join(", ")}), got ${x.columns}`,
    );
  }

  const outputs = artifact.members.map((member) => predictWithMember(member, x));
  const size = x.rows * artifact.targets.length;
  const mean = createMatrix(x.rows, artifact.targets.length);
  const sd = createMatrix(x.rows, artifact.targets.length);
  const count = outputs.length;
  for (let index = 0; index < size; index++) {
    let sum = 0;
    for (const output of outputs) {
      sum += output.data[index] ?? 0;
    }

    const average = sum / count;
    let squares = 0;
    for (const output of outputs) {
      squares += ((output.data[index] ?? 0) - average) ** 2;
    }

    mean.data[index] = average;
    sd.data[index] = count > 1 ? Math.sqrt(squares / (count - 1)) : NaN;
  }

  return { mean, sd };
}
