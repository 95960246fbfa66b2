import { describe, expect, it } from "vitest";

import { computeShapImportance } from "../analysis/computeShapImportance.js";
import { computeShapValues } from "../analysis/computeShapValues.js";
import type { PredictFunction } from "../analysis/PredictFunction.js";
import { createMatrix, type Matrix, matrixFromRows } from "../matrix/Matrix.js";
import { createRandom } from "../random/createRandom.js";

/** Wraps a function of one feature row as a one-output prediction function. */
function scalarModel(f: (row: Float64Array) => number): PredictFunction {
  return (x: Matrix) => {
    const out = createMatrix(x.rows, 1);
    for (let i = 0; i < x.rows; i++) {
      out.data[i] = f(x.data.subarray(i * x.columns, (i + 1) * x.columns));
    }

    return out;
  };
}

/** Fills a rows x columns matrix with seeded uniform values in [low, high). */
function uniformMatrix(rows: number, columns: number, seed: number, low = -2, high = 2): Matrix {
  const random = createRandom(seed);
  const matrix = createMatrix(rows, columns);
  matrix.data.forEach((_, index) => {
    matrix.data[index] = low + (high - low) * random.next();
  });

  return matrix;
}

function at(matrix: Matrix, row: number, column: number): number {
  return matrix.data[row * matrix.columns + column] ?? NaN;
}

function rowSum(matrix: Matrix, row: number): number {
  let sum = 0;
  for (let j = 0; j < matrix.columns; j++) {
    sum += at(matrix, row, j);
  }

  return sum;
}

function maxAbsDifference(a: Matrix, b: Matrix): number {
  return a.data.reduce((worst, value, index) => {
    return Math.max(worst, Math.abs(value - (b.data[index] ?? NaN)));
  }, 0);
}

// Interactions of up to three features, so that no single permutation is exact.
const interacting = scalarModel(
  (r) =>
    (r[0] ?? 0) * (r[1] ?? 0) * (r[2] ?? 0) +
    Math.exp(0.3 * (r[3] ?? 0)) +
    (r[4] ?? 0) ** 2 -
    (r[0] ?? 0) * (r[4] ?? 0),
);

describe("computeShapValues exact", () => {
  const x = uniformMatrix(6, 5, 1);
  const background = uniformMatrix(9, 5, 2);

  it("adds up to prediction minus expected value", () => {
    const explanation = computeShapValues(interacting, x, background);
    const backgroundMean =
      interacting(background).data.reduce((sum, value) => sum + value, 0) / background.rows;
    const predictions = interacting(x).data;

    expect(explanation.method).toBe("exact");
    expect(explanation.expectedValue).toBeCloseTo(backgroundMean, 12);
    for (let i = 0; i < x.rows; i++) {
      const prediction = predictions[i] ?? NaN;
      expect(explanation.predictions[i]).toBe(prediction);
      expect(Math.abs(rowSum(explanation.values, i) - (prediction - backgroundMean))).toBeLessThan(
        1e-9,
      );
    }
  });

  it("equals coef x (x - background mean) for a linear model", () => {
    const coefficients = [1.5, -2, 0.25, 3, -0.75];
    const linear = scalarModel(
      (r) => 4 + coefficients.reduce((sum, c, j) => sum + c * (r[j] ?? 0), 0),
    );
    const explanation = computeShapValues(linear, x, background);

    for (let j = 0; j < 5; j++) {
      let mean = 0;
      for (let b = 0; b < background.rows; b++) {
        mean += at(background, b, j) / background.rows;
      }

      for (let i = 0; i < x.rows; i++) {
        const expected = (coefficients[j] ?? NaN) * (at(x, i, j) - mean);
        expect(at(explanation.values, i, j)).toBeCloseTo(expected, 12);
      }
    }
  });

  it("gives symmetric features equal values", () => {
    // f is symmetric in features 0 and 1, the sample has x0 = x1 and every background row
    // has b0 = b1, so the two players are interchangeable in the game.
    const symmetric = scalarModel((r) => ((r[0] ?? 0) + (r[1] ?? 0)) ** 2 + (r[2] ?? 0));
    const sample = matrixFromRows([[0.7, 0.7, -1]]);
    const symmetricBackground = matrixFromRows([
      [0.1, 0.1, 0.5],
      [-1.2, -1.2, 2],
      [2.5, 2.5, -0.3],
    ]);
    const { values } = computeShapValues(symmetric, sample, symmetricBackground);

    expect(at(values, 0, 0)).toBeCloseTo(at(values, 0, 1), 12);
    expect(at(values, 0, 0)).not.toBeCloseTo(0, 3);
  });

  it("gives a feature the model ignores exactly 0", () => {
    const ignoresThird = scalarModel((r) => Math.sin(r[0] ?? 0) * (r[1] ?? 0) + (r[3] ?? 0) ** 3);
    const dataWithDummy = uniformMatrix(4, 4, 3);
    const { values } = computeShapValues(ignoresThird, dataWithDummy, uniformMatrix(7, 4, 4));

    for (let i = 0; i < dataWithDummy.rows; i++) {
      expect(at(values, i, 2)).toBe(0);
    }
  });

  it("explains the requested output column", () => {
    const twoOutputs: PredictFunction = (input) => {
      const out = createMatrix(input.rows, 2);
      for (let i = 0; i < input.rows; i++) {
        out.data[2 * i] = at(input, i, 0);
        out.data[2 * i + 1] = 10 * at(input, i, 1);
      }

      return out;
    };

    const { values, output } = computeShapValues(twoOutputs, x, background, { output: 1 });

    expect(output).toBe(1);
    for (let i = 0; i < x.rows; i++) {
      expect(at(values, i, 0)).toBe(0);
      expect(at(values, i, 1)).not.toBe(0);
    }
  });

  it("enumerates up to maxExactFeatures and samples beyond", () => {
    const wide = uniformMatrix(2, 13, 5);
    const linear = scalarModel((r) => r.reduce((sum, value, j) => sum + (j + 1) * value, 0));

    expect(computeShapValues(linear, wide, wide).method).toBe("permutation");
    expect(computeShapValues(linear, wide, wide, { maxExactFeatures: 13 }).method).toBe("exact");
    expect(computeShapValues(linear, x, background).method).toBe("exact");
  });

  it("rejects exact method above maxExactFeatures", () => {
    const wide = uniformMatrix(1, 13, 6);
    const linear = scalarModel((r) => r[0] ?? 0);

    expect(() => computeShapValues(linear, wide, wide, { method: "exact" })).toThrow(
      /method "exact" enumerates 2\^13 coalitions for 13 features, but maxExactFeatures is 12: raise/,
    );
  });
});

describe("computeShapValues permutation", () => {
  const x = uniformMatrix(4, 5, 11);
  const background = uniformMatrix(8, 5, 12);
  const exact = computeShapValues(interacting, x, background);

  it("adds up to prediction minus expected value", () => {
    const sampled = computeShapValues(interacting, x, background, {
      method: "permutation",
      permutations: 3,
    });

    expect(sampled.expectedValue).toBe(exact.expectedValue);
    for (let i = 0; i < x.rows; i++) {
      const total = (sampled.predictions[i] ?? NaN) - sampled.expectedValue;
      expect(Math.abs(rowSum(sampled.values, i) - total)).toBeLessThan(1e-9);
    }
  });

  it("is exact with one permutation for pairwise interactions", () => {
    const pairwise = scalarModel(
      (r) =>
        (r[0] ?? 0) * (r[1] ?? 0) +
        (r[2] ?? 0) * (r[3] ?? 0) +
        (r[1] ?? 0) * (r[4] ?? 0) +
        Math.sin(r[2] ?? 0),
    );
    const reference = computeShapValues(pairwise, x, background);
    const sampled = computeShapValues(pairwise, x, background, {
      method: "permutation",
      permutations: 1,
    });

    expect(maxAbsDifference(sampled.values, reference.values)).toBeLessThan(1e-12);
  });

  it("converges to the exact values", () => {
    // Max |exact value| here is 1.45. With 400 permutations, seeds 0-29 gave max errors over
    // the 20 values of 0.007 to 0.030 (median 0.016), so 0.05 holds for any of them. The
    // error falls as 1 / sqrt(permutations), about 6x from 10 to 400.
    const coarse = computeShapValues(interacting, x, background, {
      method: "permutation",
      permutations: 10,
    });
    const fine = computeShapValues(interacting, x, background, {
      method: "permutation",
      permutations: 400,
    });
    const coarseError = maxAbsDifference(coarse.values, exact.values);
    const fineError = maxAbsDifference(fine.values, exact.values);

    expect(fineError).toBeLessThan(0.05);
    expect(fineError).toBeLessThan(coarseError / 2);
  });

  it("repeats with a seed and varies with another", () => {
    const options = { method: "permutation", permutations: 5 } as const;
    const first = computeShapValues(interacting, x, background, { ...options, seed: 7 });
    const second = computeShapValues(interacting, x, background, { ...options, seed: 7 });
    const other = computeShapValues(interacting, x, background, { ...options, seed: 8 });

    expect(Array.from(second.values.data)).toEqual(Array.from(first.values.data));
    expect(maxAbsDifference(other.values, first.values)).toBeGreaterThan(0);
  });

  it("gives a feature the model ignores exactly 0", () => {
    const ignoresFirst = scalarModel((r) => (r[1] ?? 0) * (r[2] ?? 0) * (r[3] ?? 0) + (r[4] ?? 0));
    const { values } = computeShapValues(ignoresFirst, x, background, {
      method: "permutation",
      permutations: 4,
    });

    for (let i = 0; i < x.rows; i++) {
      expect(at(values, i, 0)).toBe(0);
    }
  });
});

describe("computeShapValues background", () => {
  it("subsamples a large background reproducibly", () => {
    const x = uniformMatrix(2, 3, 21);
    const background = uniformMatrix(50, 3, 22);
    const model = scalarModel((r) => (r[0] ?? 0) * (r[1] ?? 0) + (r[2] ?? 0));
    const first = computeShapValues(model, x, background, { maxBackgroundRows: 10, seed: 3 });
    const second = computeShapValues(model, x, background, { maxBackgroundRows: 10, seed: 3 });
    const full = computeShapValues(model, x, background);

    expect(first.backgroundRows).toBe(10);
    expect(full.backgroundRows).toBe(50);
    expect(second.expectedValue).toBe(first.expectedValue);
    expect(first.expectedValue).not.toBe(full.expectedValue);
    for (let i = 0; i < x.rows; i++) {
      const total = (first.predictions[i] ?? NaN) - first.expectedValue;
      expect(Math.abs(rowSum(first.values, i) - total)).toBeLessThan(1e-9);
    }
  });
});

describe("computeShapValues input checks", () => {
  const x = uniformMatrix(2, 3, 31);
  const model = scalarModel((r) => r[0] ?? 0);

  it.each([
    {
      case: "background with other columns",
      run: () => computeShapValues(model, x, uniformMatrix(2, 4, 1)),
      message: /background must have the same 3 feature columns as x, got 4/,
    },
    {
      case: "NaN in x",
      run: () => computeShapValues(model, matrixFromRows([[1, NaN, 2]]), x),
      message: /x must contain only finite numbers, got NaN at row 0, column 1/,
    },
    {
      case: "zero permutations",
      run: () => computeShapValues(model, x, x, { permutations: 0 }),
      message: /permutations must be an integer at least 1, got 0/,
    },
    {
      case: "fractional output",
      run: () => computeShapValues(model, x, x, { output: 0.5 }),
      message: /output must be an integer, got 0.5/,
    },
    {
      case: "output beyond the model's outputs",
      run: () => computeShapValues(model, x, x, { output: 3 }),
      message: /output must be less than the model's 1 outputs, got 3/,
    },
    {
      case: "maxExactFeatures above the cap",
      run: () => computeShapValues(model, x, x, { maxExactFeatures: 21 }),
      message: /maxExactFeatures must be an integer in \[1, 20\], got 21/,
    },
    {
      case: "unknown method",
      run: () => computeShapValues(model, x, x, { method: "kernel" as unknown as "exact" }),
      message: /method must be "auto", "exact" or "permutation", got "kernel"/,
    },
    {
      case: "model that is neither",
      run: () => computeShapValues({} as unknown as PredictFunction, x, x),
      message: /model must be a prediction function or a ModelArtifact, got \[object Object\]/,
    },
  ])("rejects $case", ({ run, message }) => {
    expect(run).toThrow(message);
  });
});

describe("computeShapImportance", () => {
  it("divides each feature's sum of |value| by the largest", () => {
    const values = matrixFromRows([
      [1, -2, 0.5],
      [3, 0, -0.5],
    ]);

    expect(computeShapImportance(values)).toEqual([1, 0.5, 0.25]);
  });

  it("returns zeros for all-zero values", () => {
    expect(computeShapImportance(createMatrix(2, 3))).toEqual([0, 0, 0]);
  });
});
