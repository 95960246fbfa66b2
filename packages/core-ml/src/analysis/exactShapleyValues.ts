import type { Matrix } from "../matrix/Matrix.js";
import { evaluateCoalitions } from "./evaluateCoalitions.js";
import type { PredictFunction } from "./PredictFunction.js";

/**
 * Computes exact interventional Shapley values of one sample by enumerating all 2^M
 * coalitions of the M features:
 * phi_i = sum over S without i of |S|! (M - |S| - 1)! / M! * (v(S + i) - v(S)).
 * The model is evaluated on (2^M - 1) x background rows. `expectedValue` = v(empty set) is
 * passed in because it needs no masking. v(all features) is evaluated like every other
 * coalition, as a mean over identical rows, so a feature that the model ignores gets exactly
 * 0 (f(x) itself could differ from that mean in the last bit).
 * @see S. M. Lundberg and S.-I. Lee, "A unified approach to interpreting model predictions",
 *   Advances in Neural Information Processing Systems 30 (2017), which defines SHAP values
 *   as these Shapley values, and
 *   https://shap.readthedocs.io/en/latest/generated/shap.ExactExplainer.html
 */
export function exactShapleyValues(
  predict: PredictFunction,
  sample: Float64Array,
  background: Matrix,
  output: number,
  expectedValue: number,
): Float64Array {
  const features = background.columns;
  const coalitionCount = 2 ** features;
  const full = coalitionCount - 1;

  const masks: Uint8Array[] = [];
  for (let coalition = 1; coalition <= full; coalition++) {
    masks.push(maskOf(coalition, features));
  }

  const inner = evaluateCoalitions(predict, sample, background, masks, output);
  const value = new Float64Array(coalitionCount);
  value[0] = expectedValue;
  value.set(inner, 1);

  // weight[s] = s! (M - s - 1)! / M! = 1 / (M * C(M - 1, s)), which stays finite for large M.
  const weight = new Float64Array(features);
  let binomial = 1;
  for (let size = 0; size < features; size++) {
    weight[size] = 1 / (features * binomial);
    binomial = (binomial * (features - 1 - size)) / (size + 1);
  }

  const shapley = new Float64Array(features);
  for (let coalition = 0; coalition < full; coalition++) {
    const size = bitCount(coalition);
    const base = value[coalition] ?? NaN;
    for (let i = 0; i < features; i++) {
      const bit = 1 << i;
      if ((coalition & bit) === 0) {
        shapley[i] =
          (shapley[i] ?? 0) + (weight[size] ?? NaN) * ((value[coalition | bit] ?? NaN) - base);
      }
    }
  }

  return shapley;
}

function maskOf(coalition: number, features: number): Uint8Array {
  const mask = new Uint8Array(features);
  for (let j = 0; j < features; j++) {
    mask[j] = (coalition >> j) & 1;
  }

  return mask;
}

function bitCount(coalition: number): number {
  let count = 0;
  for (let rest = coalition; rest !== 0; rest &= rest - 1) {
    count++;
  }

  return count;
}
