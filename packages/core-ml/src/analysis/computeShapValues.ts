import { createMatrix, type Matrix, selectRows } from "../matrix/Matrix.js";
import { createRandom, type Random, shuffle } from "../random/createRandom.js";
import { assertFiniteMatrix, assertIntegerInRange, formatValue } from "./assertions.js";
import { exactShapleyValues } from "./exactShapleyValues.js";
import { permutationShapleyValues } from "./permutationShapleyValues.js";
import { predictOutput } from "./predictOutput.js";
import type { AnalysedModel, PredictFunction } from "./PredictFunction.js";
import { resolveMembers } from "./resolveMembers.js";

export type ShapMethod = "auto" | "exact" | "permutation";

/**
 * Hard cap on `maxExactFeatures`: 2^20 coalitions already mean over 10^6 model rows per
 * sample and background row.
 */
const EXACT_FEATURE_CAP = 20;

export interface ShapOptions {
  /**
   * Column of the model output to explain. For the study's models, 0 is the total REE.
   * @default 0
   */
  output?: number;
  /**
   * "exact" enumerates all 2^M feature coalitions, "permutation" samples feature orders,
   * and "auto" takes "exact" up to `maxExactFeatures` features and "permutation" beyond.
   * @default "auto"
   */
  method?: ShapMethod;
  /**
   * Largest feature count M that "auto" and "exact" enumerate, at most 20. Exact values cost
   * (2^M - 1) x background rows model evaluations per sample and member. At M = 12 with 100
   * background rows that is 409,500 rows, about twice the 220,000 of 100 permutations, and
   * each further feature doubles it while the permutation cost grows linearly.
   * @default 12
   */
  maxExactFeatures?: number;
  /**
   * Random feature orders per sample for the permutation method. Each is walked forward
   * and backward, so the estimate averages 2 x permutations marginal contributions per
   * feature at a cost of 2 (M - 1) x background rows model evaluations per permutation.
   * @default 100
   */
  permutations?: number;
  /**
   * Background rows used at most. A larger background is replaced by a seeded random
   * subset of this size without replacement, so the values are then exact with respect to
   * that subset only.
   * @default 100
   */
  maxBackgroundRows?: number;
  /**
   * Seed of the background subset and the permutations.
   * @default 0
   */
  seed?: number;
}

/** SHAP values of one model output. For an ensemble, every number is the mean over members. */
export interface ShapExplanation {
  method: "exact" | "permutation";
  output: number;
  /** Samples x features, in the unit of the output. */
  values: Matrix;
  /** Mean prediction over the background rows used: the base value that the values add to. */
  expectedValue: number;
  /**
   * Prediction of each sample. Each row of `values` sums to it minus `expectedValue`, up to
   * rounding of the order of 1e-15 relative.
   */
  predictions: Float64Array;
  /** Members explained: 1 for a prediction function. */
  members: number;
  /** Background rows used, after any subsampling. */
  backgroundRows: number;
}

/**
 * Computes interventional SHAP values of one model output for every row of `x`, with the
 * rows of `background` standing in for the features outside a coalition. For an ensemble,
 * each member is explained on its own, with the same background subset and permutations,
 * and the values are averaged. By the linearity of Shapley values, that equals explaining
 * the ensemble mean.
 * @see S. M. Lundberg and S.-I. Lee, "A unified approach to interpreting model predictions",
 *   Advances in Neural Information Processing Systems 30 (2017).
 */
export function computeShapValues(
  model: AnalysedModel,
  x: Matrix,
  background: Matrix,
  options: ShapOptions = {},
): ShapExplanation {
  const {
    output = 0,
    method = "auto",
    maxExactFeatures = 12,
    permutations = 100,
    maxBackgroundRows = 100,
    seed = 0,
  } = options;

  assertFiniteMatrix(x, "x");
  assertFiniteMatrix(background, "background");
  if (background.columns !== x.columns) {
    throw new RangeError(
      `background must have the same ${x.columns} feature columns as x, got ${background.columns}`,
    );
  }

  assertIntegerInRange(output, "output", 0);
  assertIntegerInRange(maxExactFeatures, "maxExactFeatures", 1, EXACT_FEATURE_CAP);
  assertIntegerInRange(permutations, "permutations", 1);
  assertIntegerInRange(maxBackgroundRows, "maxBackgroundRows", 1);
  assertIntegerInRange(seed, "seed", Number.MIN_SAFE_INTEGER);
  const resolvedMethod = resolveMethod(method, x.columns, maxExactFeatures);
  const members = resolveMembers(model, x.columns, "x");

  const random = createRandom(seed);
  const usedBackground = subsampleRows(background, maxBackgroundRows, random);
  const permutationSeed = random.nextSeed();

  const values = createMatrix(x.rows, x.columns);
  const predictions = new Float64Array(x.rows);
  let expectedValue = 0;
  for (const predict of members) {
    const explanation = explainMember(predict, x, usedBackground, {
      output,
      method: resolvedMethod,
      permutations,
      random: createRandom(permutationSeed),
    });
    values.data.forEach((sum, index) => {
      values.data[index] = sum + (explanation.values.data[index] ?? NaN) / members.length;
    });
    predictions.forEach((sum, index) => {
      predictions[index] = sum + (explanation.predictions[index] ?? NaN) / members.length;
    });
    expectedValue += explanation.expectedValue / members.length;
  }

  return {
    method: resolvedMethod,
    output,
    values,
    expectedValue,
    predictions,
    members: members.length,
    backgroundRows: usedBackground.rows,
  };
}

interface MemberSettings {
  output: number;
  method: "exact" | "permutation";
  permutations: number;
  random: Random;
}

function explainMember(
  predict: PredictFunction,
  x: Matrix,
  background: Matrix,
  { output, method, permutations, random }: MemberSettings,
) {
  const backgroundPredictions = predictOutput(predict, background, output);
  const expectedValue =
    backgroundPredictions.reduce((sum, value) => sum + value, 0) / background.rows;
  const predictions = predictOutput(predict, x, output);
  const values = createMatrix(x.rows, x.columns);

  for (let i = 0; i < x.rows; i++) {
    const sample = x.data.subarray(i * x.columns, (i + 1) * x.columns);
    const shapley =
      method === "exact"
        ? exactShapleyValues(predict, sample, background, output, expectedValue)
        : permutationShapleyValues(
            predict,
            sample,
            background,
            output,
            expectedValue,
            permutations,
            random,
          );
    values.data.set(shapley, i * x.columns);
  }

  return { values, predictions, expectedValue };
}

function resolveMethod(
  method: ShapMethod,
  features: number,
  maxExactFeatures: number,
): "exact" | "permutation" {
  switch (method) {
    case "auto":
      return features <= maxExactFeatures ? "exact" : "permutation";
    case "exact":
      if (features > maxExactFeatures) {
        throw new RangeError(
          `method "exact" enumerates 2^${features} coalitions for ${features} features, but ` +
            `maxExactFeatures is ${maxExactFeatures}: raise maxExactFeatures ` +
            `(at most ${EXACT_FEATURE_CAP}) or use method "permutation"`,
        );
      }

      return "exact";
    case "permutation":
      return "permutation";
    default:
      throw new TypeError(
        `method must be "auto", "exact" or "permutation", got ${formatValue(method)}`,
      );
  }
}

function subsampleRows(matrix: Matrix, maxRows: number, random: Random): Matrix {
  if (matrix.rows <= maxRows) {
    return matrix;
  }

  const indices = shuffle(
    Array.from({ length: matrix.rows }, (_, i) => i),
    random,
  );

  return selectRows(
    matrix,
    indices.slice(0, maxRows).sort((a, b) => a - b),
  );
}
