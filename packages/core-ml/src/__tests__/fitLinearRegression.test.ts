import { describe, expect, it } from "vitest";

import { predictWithPredictor } from "../artifact/predictWithPredictor.js";
import { matrixFromRows } from "../matrix/Matrix.js";
import { fitLinearRegression } from "../models/fitLinearRegression.js";

const x = matrixFromRows([[1, 2], [2, 1], [3, 5], [4, 3], [5, 8], [6, 2]]); // prettier-ignore

describe("fitLinearRegression", () => {
  it("matches numpy's least squares", () => {
    // numpy.linalg.lstsq on [1, x1, x2] for y = [3.1, 2.9, 7.2, 5.8, 11.1, 5.2]
    const y = matrixFromRows([[3.1], [2.9], [7.2], [5.8], [11.1], [5.2]]);
    const { dense } = fitLinearRegression(x, y);

    expect(dense.bias[0]).toBeCloseTo(0.8760752688172067, 10);
    expect(dense.kernel[0]?.[0]).toBeCloseTo(0.4073588709677418, 10);
    expect(dense.kernel[1]?.[0]).toBeCloseTo(1.0232862903225806, 10);
  });

  it("recovers exact coefficients for several targets", () => {
    const rows = [[1, 2], [2, 1], [3, 5], [4, 3], [5, 8], [6, 2]]; // prettier-ignore
    const y = matrixFromRows(rows.map(([a = 0, b = 0]) => [2 + 3 * a - b, -1 + 0.5 * b]));
    const predictor = fitLinearRegression(x, y);
    const predicted = predictWithPredictor(predictor, x);

    predicted.data.forEach((value, i) => expect(value).toBeCloseTo(y.data[i] ?? NaN, 9));
  });

  it("returns a solution when rows are fewer than features", () => {
    const wide = matrixFromRows([[1, 2, 3], [4, 5, 6]]); // prettier-ignore
    const { dense } = fitLinearRegression(wide, matrixFromRows([[1], [2]]));

    expect(dense.kernel.flat().every(Number.isFinite)).toBe(true);
  });
});
