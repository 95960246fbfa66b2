import { describe, expect, it } from "vitest";

import { getColumn, matrixFromRows, selectRows } from "../matrix/Matrix.js";
import { fitStandardScaler, scaleMatrix, unscaleMatrix } from "../preprocessing/standardScaler.js";

describe("fitStandardScaler", () => {
  const all = matrixFromRows([[1, 10], [3, 10], [5, 10], [100, 10]]); // prettier-ignore

  it("fits on the training rows only", () => {
    const scaler = fitStandardScaler(selectRows(all, [0, 1, 2]));

    expect(scaler.mean).toEqual([3, 10]);
    expect(scaler.scale[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
  });

  it("maps a constant column to zero", () => {
    const scaler = fitStandardScaler(all);
    const scaled = scaleMatrix(all, scaler);

    expect(scaler.scale[1]).toBe(1);
    expect(Array.from(getColumn(scaled, 1))).toEqual([0, 0, 0, 0]);
  });

  it("round-trips through unscaling", () => {
    const scaler = fitStandardScaler(all);
    const restored = unscaleMatrix(scaleMatrix(all, scaler), scaler);

    restored.data.forEach((value, i) => expect(value).toBeCloseTo(all.data[i] ?? NaN, 12));
  });
});
