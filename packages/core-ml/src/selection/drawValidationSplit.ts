import type { Random } from "../random/createRandom.js";
import { stratifiedSplit } from "../split/stratifiedSplit.js";

/** Row indices for model selection: fit and validation rows, and the held-out test rows. */
export interface ValidationSplit {
  fit: number[];
  validation: number[];
  test: number[];
}

/**
 * Holds out `testFraction` of the rows, then `validationFraction` of the rest,
 * both stratified on `values` (5 strata), as the study selects models: 80 %
 * training of which 20 % validates, and 20 % test.
 */
export function drawValidationSplit(
  values: ArrayLike<number>,
  random: Random,
  testFraction: number,
  validationFraction: number,
): ValidationSplit {
  const outer = stratifiedSplit(values, random, { testFraction });
  const trainValues = outer.train.map((row) => values[row] ?? NaN);
  const inner = stratifiedSplit(trainValues, random, { testFraction: validationFraction });

  return {
    fit: inner.train.map((i) => outer.train[i] ?? -1),
    validation: inner.test.map((i) => outer.train[i] ?? -1),
    test: outer.test,
  };
}
