import { createMatrix, type Matrix } from "../matrix/Matrix.js";
import { predictOutput } from "./predictOutput.js";
import type { PredictFunction } from "./PredictFunction.js";

/**
 * Rows per model call, so that one call builds at most 65,536 x features numbers (6.3 MB at
 * 12 features) unless the background alone has more rows.
 */
const MAX_ROWS_PER_CALL = 65_536;

/**
 * Computes the interventional value of each coalition for one sample: the mean output over
 * the background rows, with the features in the coalition (mask entry 1) taken from the
 * sample and the others from the background row.
 * @see S. M. Lundberg and S.-I. Lee, "A unified approach to interpreting model predictions",
 *   Advances in Neural Information Processing Systems 30 (2017), and
 *   https://shap.readthedocs.io/en/latest/generated/shap.ExactExplainer.html
 *   (the independent masker).
 */
export function evaluateCoalitions(
  predict: PredictFunction,
  sample: Float64Array,
  background: Matrix,
  masks: readonly Uint8Array[],
  output: number,
): Float64Array {
  const features = background.columns;
  const backgroundRows = background.rows;
  const masksPerCall = Math.max(1, Math.floor(MAX_ROWS_PER_CALL / backgroundRows));
  const values = new Float64Array(masks.length);

  for (let start = 0; start < masks.length; start += masksPerCall) {
    const end = Math.min(masks.length, start + masksPerCall);
    const rows = createMatrix((end - start) * backgroundRows, features);
    for (let k = start; k < end; k++) {
      const mask = masks[k] as Uint8Array;
      const offset = (k - start) * backgroundRows * features;
      rows.data.set(background.data, offset);
      for (let b = 0; b < backgroundRows; b++) {
        for (let j = 0; j < features; j++) {
          if (mask[j] === 1) {
            rows.data[offset + b * features + j] = sample[j] ?? NaN;
          }
        }
      }
    }

    const predicted = predictOutput(predict, rows, output);
    for (let k = start; k < end; k++) {
      let sum = 0;
      const offset = (k - start) * backgroundRows;
      for (let b = 0; b < backgroundRows; b++) {
        sum += predicted[offset + b] ?? NaN;
      }

      values[k] = sum / backgroundRows;
    }
  }

  return values;
}
