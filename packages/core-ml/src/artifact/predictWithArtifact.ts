import { createMatrix, type Matrix } from "../matrix/Matrix.js";
import type { ModelArtifact } from "./ModelArtifact.js";
import { predictWithMember } from "./predictWithMember.js";

export interface EnsemblePrediction {
  /** Mean over the members, rows x targets. */
  mean: Matrix;
  /** Sample sd over the members (n - 1); all NaN for a single member. */
  sd: Matrix;
  /** 5th percentile over the members, interpolated linearly as numpy does by default. */
  p5: Matrix;
  /** 95th percentile over the members. */
  p95: Matrix;
  /** Per row, the share of members at or above the screening threshold; only when asked for. */
  shareAbove?: Float64Array;
}

export interface PredictWithArtifactOptions {
  /** Counts, per row, the members whose prediction of one target reaches a threshold. */
  screening?: {
    /** Column of the target in `artifact.targets`. */
    target: number;
    /** In the target unit. */
    threshold: number;
  };
}

/** Predicts with every member of an ensemble and returns the mean and spread. */
export function predictWithArtifact(
  artifact: ModelArtifact,
  x: Matrix,
  options: PredictWithArtifactOptions = {},
): EnsemblePrediction {
  if (x.columns !== artifact.features.length) {
    throw new RangeError(
      `expected ${artifact.features.length} features (${artifact.features.join(", ")}), got ${x.columns}`,
    );
  }

  const outputs = artifact.members.map((member) => predictWithMember(member, x));
  const size = x.rows * artifact.targets.length;
  const mean = createMatrix(x.rows, artifact.targets.length);
  const sd = createMatrix(x.rows, artifact.targets.length);
  const p5 = createMatrix(x.rows, artifact.targets.length);
  const p95 = createMatrix(x.rows, artifact.targets.length);
  const count = outputs.length;
  const values = new Float64Array(count);
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
    outputs.forEach((output, m) => {
      values[m] = output.data[index] ?? NaN;
    });
    values.sort();
    p5.data[index] = percentileOfSorted(values, 5);
    p95.data[index] = percentileOfSorted(values, 95);
  }

  const { screening } = options;
  if (!screening) {
    return { mean, sd, p5, p95 };
  }

  return { mean, sd, p5, p95, shareAbove: shareAbove(outputs, x.rows, screening) };
}

function shareAbove(
  outputs: readonly Matrix[],
  rows: number,
  { target, threshold }: { target: number; threshold: number },
): Float64Array {
  const counts = new Float64Array(rows);
  for (const output of outputs) {
    for (let i = 0; i < rows; i++) {
      if ((output.data[i * output.columns + target] ?? NaN) >= threshold) {
        counts[i] = (counts[i] ?? 0) + 1;
      }
    }
  }

  return counts.map((count) => count / outputs.length);
}

function percentileOfSorted(sorted: Float64Array, p: number): number {
  const position = ((sorted.length - 1) * p) / 100;
  const low = sorted[Math.floor(position)] ?? NaN;
  const high = sorted[Math.ceil(position)] ?? NaN;

  return low + (high - low) * (position - Math.floor(position));
}
