import type { Matrix } from "../matrix/Matrix.js";
import { type Random, shuffle } from "../random/createRandom.js";
import { evaluateCoalitions } from "./evaluateCoalitions.js";
import type { PredictFunction } from "./PredictFunction.js";

/**
 * Estimates interventional Shapley values of one sample by antithetic permutation sampling.
 * Each random feature order is walked forward, switching features on one by one from the
 * empty coalition to all features. It is then walked backward, switching them off in the
 * same order. Each step credits the change of the coalition value to the feature switched.
 *
 * Every walk telescopes, so the values sum to v(all features) - `expectedValue` up to
 * rounding, whatever the number of permutations. One permutation is already exact for a
 * model without interactions of more than two features. The model is evaluated on
 * 2 (M - 1) x background rows per permutation, plus the full coalition once.
 * `expectedValue` = v(empty set) is passed in because it needs no masking.
 * @see E. Štrumbelj and I. Kononenko, "Explaining prediction models and individual
 *   predictions with feature contributions", Knowledge and Information Systems (2014),
 *   doi:10.1007/s10115-013-0679-x, and the antithetic variant of
 *   https://shap.readthedocs.io/en/latest/generated/shap.PermutationExplainer.html
 */
export function permutationShapleyValues(
  predict: PredictFunction,
  sample: Float64Array,
  background: Matrix,
  output: number,
  expectedValue: number,
  permutations: number,
  random: Random,
): Float64Array {
  const features = background.columns;
  const featureIndices = Array.from({ length: features }, (_, j) => j);
  const orders = Array.from({ length: permutations }, () => shuffle(featureIndices, random));

  // The full coalition first, then per permutation: forward coalitions {o1}, {o1, o2}, ...,
  // and backward coalitions all minus {o1}, all minus {o1, o2}, ..., each of M - 1 steps.
  const masks: Uint8Array[] = [new Uint8Array(features).fill(1)];
  for (const order of orders) {
    const forward = new Uint8Array(features);
    for (let k = 0; k < features - 1; k++) {
      forward[order[k] as number] = 1;
      masks.push(forward.slice());
    }

    const backward = new Uint8Array(features).fill(1);
    for (let k = 0; k < features - 1; k++) {
      backward[order[k] as number] = 0;
      masks.push(backward.slice());
    }
  }

  const values = evaluateCoalitions(predict, sample, background, masks, output);
  const fullValue = values[0] ?? NaN;
  const shapley = new Float64Array(features);
  const steps = features - 1;
  orders.forEach((order, p) => {
    const offset = 1 + p * 2 * steps;
    let previous = expectedValue;
    for (let k = 0; k < features; k++) {
      const current = k < steps ? (values[offset + k] ?? NaN) : fullValue;
      const feature = order[k] as number;
      shapley[feature] = (shapley[feature] ?? 0) + current - previous;
      previous = current;
    }

    previous = fullValue;
    for (let k = 0; k < features; k++) {
      const current = k < steps ? (values[offset + steps + k] ?? NaN) : expectedValue;
      const feature = order[k] as number;
      shapley[feature] = (shapley[feature] ?? 0) + previous - current;
      previous = current;
    }
  });

  return shapley.map((sum) => sum / (2 * permutations));
}
