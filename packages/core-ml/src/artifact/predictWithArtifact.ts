import { createMatrix, type Matrix } from "../matrix/Matrix.js";
import { type CompiledMember, compileMember, isCompilable } from "./compileMember.js";
import type { ModelArtifact, ModelMember } from "./ModelArtifact.js";
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
  /** Per row, the share of members at or above the screening threshold; only when requested. */
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

  const outputs = artifact.members.map((member) => compiled(member)(x));
  const width = artifact.targets.length;
  const mean = createMatrix(x.rows, width);
  const sd = createMatrix(x.rows, width);
  const p5 = createMatrix(x.rows, width);
  const p95 = createMatrix(x.rows, width);
  const count = outputs.length;
  const values = new Float64Array(count);
  const low = orderStatistic(count, 5);
  const high = orderStatistic(count, 95);
  // Only the few smallest and largest values matter to the percentiles.
  const lowest = new Float64Array(low.upper + 1);
  const highest = new Float64Array(count - high.lower);
  const data = outputs.map((output) => output.data);
  for (let index = 0; index < x.rows * width; index++) {
    let sum = 0;
    for (let m = 0; m < count; m++) {
      const value = (data[m] as Float64Array)[index] as number;
      values[m] = value;
      sum += value;
    }

    const average = sum / count;
    let squares = 0;
    for (let m = 0; m < count; m++) {
      squares += ((values[m] as number) - average) ** 2;
    }

    mean.data[index] = average;
    sd.data[index] = count > 1 ? Math.sqrt(squares / (count - 1)) : NaN;
    keepExtremes(values, lowest, highest);
    p5.data[index] = interpolate(lowest[low.lower], lowest[low.upper], low.fraction);
    p95.data[index] = interpolate(
      highest[count - 1 - high.lower],
      highest[count - 1 - high.upper],
      high.fraction,
    );
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

/** Compiled members, kept while their artifact is in use: compiling copies every weight. */
const compiledMembers = new WeakMap<ModelMember, CompiledMember>();

function compiled(member: ModelMember): CompiledMember {
  let predict = compiledMembers.get(member);
  if (!predict) {
    predict = isCompilable(member)
      ? compileMember(member)
      : (x: Matrix) => predictWithMember(member, x);
    compiledMembers.set(member, predict);
  }

  return predict;
}

/**
 * Locates the p-th percentile among `count` sorted values, interpolated
 * linearly between two ranks as numpy does by default.
 */
function orderStatistic(count: number, p: number) {
  const position = ((count - 1) * p) / 100;

  return {
    lower: Math.floor(position),
    upper: Math.ceil(position),
    fraction: position - Math.floor(position),
  };
}

/**
 * Fills `lowest` with the smallest values in ascending order and `highest`
 * with the largest in descending order, by insertion into these short lists:
 * cheaper than sorting all members for every cell.
 */
function keepExtremes(values: Float64Array, lowest: Float64Array, highest: Float64Array): void {
  lowest.fill(Infinity);
  highest.fill(-Infinity);
  const lowLast = lowest.length - 1;
  const highLast = highest.length - 1;
  for (const value of values) {
    if (value < (lowest[lowLast] as number)) {
      let i = lowLast;
      while (i > 0 && value < (lowest[i - 1] as number)) {
        lowest[i] = lowest[i - 1] as number;
        i--;
      }

      lowest[i] = value;
    }

    if (value > (highest[highLast] as number)) {
      let i = highLast;
      while (i > 0 && value > (highest[i - 1] as number)) {
        highest[i] = highest[i - 1] as number;
        i--;
      }

      highest[i] = value;
    }
  }
}

function interpolate(low = NaN, high = NaN, fraction: number): number {
  return low + (high - low) * fraction;
}
