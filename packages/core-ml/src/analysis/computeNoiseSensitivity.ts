import { createMatrix, type Matrix } from "../matrix/Matrix.js";
import { createRandom, type Random } from "../random/createRandom.js";
import { assertFiniteMatrix, assertIntegerInRange, formatValue } from "./assertions.js";
import { drawStandardNormal } from "./drawStandardNormal.js";
import { fitNormal, type NormalFit } from "./fitNormal.js";
import { predictOutput } from "./predictOutput.js";
import type { AnalysedModel } from "./PredictFunction.js";
import { resolveMembers } from "./resolveMembers.js";

export interface NoiseSensitivityOptions {
  /**
   * Noise levels: the sd of the Gaussian noise added to each input value, in % of that value.
   * @default [2, 4]
   */
  noisePercents?: readonly number[];
  /**
   * Noisy copies of each sample per level and member. Each member predicts its own copies,
   * so the changes of one level are independent draws.
   * @default 1
   */
  draws?: number;
  /**
   * Column of the model output whose change is measured. For the study's models, 0 is the
   * total REE.
   * @default 0
   */
  output?: number;
  /**
   * Seed of the noise.
   * @default 0
   */
  seed?: number;
}

export interface NoiseLevelResult {
  noisePercent: number;
  /**
   * Prediction with noise minus prediction without, in the unit of the output: samples x
   * (draws x members), column `draw * members + member`.
   */
  changes: Matrix;
  /** Normal distribution fitted to all changes of this level. */
  fit: NormalFit;
}

export interface NoiseSensitivity {
  output: number;
  /** Members predicted: 1 for a prediction function. */
  members: number;
  draws: number;
  levels: NoiseLevelResult[];
}

/**
 * Measures how a prediction changes when the inputs carry measurement noise. For each noise
 * level p, member and draw, each value x_ij gets independent Gaussian noise with
 * sd = p / 100 x |x_ij|, the member predicts the noisy rows, and all changes against the
 * noise-free predictions are fitted with a normal distribution. All noise comes from one
 * seeded stream, in the order level, draw, member, sample, feature. The noise is not
 * clipped: from p = 27 on, each noisy value is negative with a chance of 1e-4 or more.
 */
export function computeNoiseSensitivity(
  model: AnalysedModel,
  x: Matrix,
  options: NoiseSensitivityOptions = {},
): NoiseSensitivity {
  const { noisePercents = [2, 4], draws = 1, output = 0, seed = 0 } = options;

  assertFiniteMatrix(x, "x");
  assertIntegerInRange(draws, "draws", 1);
  assertIntegerInRange(output, "output", 0);
  assertIntegerInRange(seed, "seed", Number.MIN_SAFE_INTEGER);
  if (noisePercents.length === 0) {
    throw new RangeError("noisePercents must contain at least one level, got none");
  }

  noisePercents.forEach((percent, index) => {
    if (typeof percent !== "number" || !(percent >= 0 && Number.isFinite(percent))) {
      throw new RangeError(
        `noisePercents[${index}] must be a finite number >= 0, got ${formatValue(percent)}`,
      );
    }
  });
  const members = resolveMembers(model, x.columns, "x");

  const baselines = members.map((predict) => predictOutput(predict, x, output));
  const random = createRandom(seed);
  const levels = noisePercents.map((noisePercent) => {
    const changes = createMatrix(x.rows, draws * members.length);
    for (let draw = 0; draw < draws; draw++) {
      members.forEach((predict, member) => {
        const noisy = addRelativeNoise(x, noisePercent, random);
        const predicted = predictOutput(predict, noisy, output);
        const baseline = baselines[member] as Float64Array;
        const column = draw * members.length + member;
        for (let i = 0; i < x.rows; i++) {
          changes.data[i * changes.columns + column] = (predicted[i] ?? NaN) - (baseline[i] ?? NaN);
        }
      });
    }

    return { noisePercent, changes, fit: fitNormal(changes.data) };
  });

  return { output, members: members.length, draws, levels };
}

/** Returns a copy of `x` with Gaussian noise of sd `percent` % of each value's magnitude. */
function addRelativeNoise(x: Matrix, percent: number, random: Random): Matrix {
  const noisy = createMatrix(x.rows, x.columns);
  x.data.forEach((value, index) => {
    noisy.data[index] = value + (percent / 100) * Math.abs(value) * drawStandardNormal(random);
  });

  return noisy;
}
