import type { Matrix } from "../matrix/Matrix.js";
import type { PredictFunction } from "./PredictFunction.js";

/**
 * Predicts `x` and returns column `output`, after checking that the model returned one
 * finite row per input row.
 */
export function predictOutput(predict: PredictFunction, x: Matrix, output: number): Float64Array {
  const predicted = predict(x);
  if (predicted.rows !== x.rows) {
    throw new RangeError(
      `the model returned ${predicted.rows} rows for ${x.rows} input rows; ` +
        "a prediction function must return one row per input row",
    );
  }

  if (output >= predicted.columns) {
    throw new RangeError(
      `output must be less than the model's ${predicted.columns} outputs, got ${output}`,
    );
  }

  const values = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    const value = predicted.data[i * predicted.columns + output] ?? NaN;
    if (!Number.isFinite(value)) {
      throw new RangeError(
        `the model returned ${value} for output ${output} of row ${i}; ` +
          "check that row for values the model cannot handle",
      );
    }

    values[i] = value;
  }

  return values;
}
