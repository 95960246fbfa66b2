import { summarize } from "../evaluation/summarize.js";
import { createMatrix, getColumn, type Matrix } from "../matrix/Matrix.js";
import { assertFiniteMatrix, assertIntegerInRange, formatValue } from "./assertions.js";
import { percentile } from "./percentile.js";
import { predictOutput } from "./predictOutput.js";
import type { AnalysedModel } from "./PredictFunction.js";
import { resolveMembers } from "./resolveMembers.js";

export interface FeatureEffectOptions {
  /**
   * Column indices of the features to vary, each on its own.
   * @default every feature
   */
  features?: readonly number[];
  /**
   * Grid values per feature, evenly spaced from the lower to the upper percentile.
   * @default 20
   */
  points?: number;
  /**
   * Percentile (0-100) of the feature over the data where the grid starts.
   * @default 20
   */
  lowerPercentile?: number;
  /**
   * Percentile (0-100) of the feature over the data where the grid ends.
   * @default 80
   */
  upperPercentile?: number;
  /**
   * Column of the model output to report. For the study's models, 0 is the total REE.
   * @default 0
   */
  output?: number;
}

/** The predicted output along one feature, with the other features at the reference. */
export interface FeatureEffect {
  feature: number;
  /** Feature values, in the unit of the feature. */
  grid: number[];
  /** Mean prediction over the members at each grid value. */
  mean: number[];
  /** Sample sd (n - 1) over the members at each grid value, or null for a single model. */
  sd: (number | null)[];
}

export interface FeatureEffects {
  /** Median of each feature over the data: the composition that every grid row starts from. */
  reference: number[];
  output: number;
  /** Members predicted: 1 for a prediction function. */
  members: number;
  effects: FeatureEffect[];
}

/**
 * Computes one-at-a-time feature effects: every feature except one is held at its median
 * over `data`, and that one runs over an even grid between two of its percentiles. Other
 * features are not renormalised, so for compositions in mol % a grid row no longer sums to
 * the same total as the reference.
 */
export function computeFeatureEffects(
  model: AnalysedModel,
  data: Matrix,
  options: FeatureEffectOptions = {},
): FeatureEffects {
  const {
    features = Array.from({ length: data.columns }, (_, j) => j),
    points = 20,
    lowerPercentile = 20,
    upperPercentile = 80,
    output = 0,
  } = options;

  assertFiniteMatrix(data, "data");
  assertIntegerInRange(points, "points", 2);
  assertIntegerInRange(output, "output", 0);
  assertPercentiles(lowerPercentile, upperPercentile);
  features.forEach((feature, index) =>
    assertIntegerInRange(feature, `features[${index}]`, 0, data.columns - 1),
  );
  const members = resolveMembers(model, data.columns, "data");

  const columns = Array.from({ length: data.columns }, (_, j) => getColumn(data, j));
  const reference = columns.map((values) => percentile(values, 50));

  const effects = features.map((feature) => {
    const values = columns[feature] as Float64Array;
    const low = percentile(values, lowerPercentile);
    const high = percentile(values, upperPercentile);
    const grid = Array.from({ length: points }, (_, k) => low + ((high - low) * k) / (points - 1));

    const rows = createMatrix(points, data.columns);
    grid.forEach((value, k) => {
      rows.data.set(reference, k * data.columns);
      rows.data[k * data.columns + feature] = value;
    });

    const predictions = members.map((predict) => predictOutput(predict, rows, output));
    const summaries = grid.map((_, k) => summarize(predictions.map((column) => column[k] ?? NaN)));

    return {
      feature,
      grid,
      mean: summaries.map((summary) => summary.mean ?? NaN),
      sd: summaries.map((summary) => summary.sd),
    };
  });

  return { reference, output, members: members.length, effects };
}

function assertPercentiles(lower: unknown, upper: unknown): void {
  for (const [name, value] of [
    ["lowerPercentile", lower],
    ["upperPercentile", upper],
  ] as const) {
    if (typeof value !== "number" || !(value >= 0 && value <= 100)) {
      throw new RangeError(`${name} must be a number in [0, 100], got ${formatValue(value)}`);
    }
  }

  if ((lower as number) > (upper as number)) {
    throw new RangeError(
      `lowerPercentile must not exceed upperPercentile, got ${lower} and ${upper}`,
    );
  }
}
