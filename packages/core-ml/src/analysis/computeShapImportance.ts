import type { Matrix } from "../matrix/Matrix.js";
import { assertFiniteMatrix } from "./assertions.js";

/**
 * Computes the normalised importance of each feature from SHAP values (samples x features):
 * the sum over samples of |value|, divided by the largest such sum, so the most important
 * feature scores 1. Returns all zeros when every value is 0 (a constant model) instead of
 * dividing by zero.
 */
export function computeShapImportance(values: Matrix): number[] {
  assertFiniteMatrix(values, "values");

  const sums = new Array<number>(values.columns).fill(0);
  values.data.forEach((value, index) => {
    const feature = index % values.columns;
    sums[feature] = (sums[feature] ?? 0) + Math.abs(value);
  });
  const largest = Math.max(...sums);

  return sums.map((sum) => (largest === 0 ? 0 : sum / largest));
}
