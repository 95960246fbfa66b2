import { describe, expect, it } from "vitest";

import { averageRanks } from "../statistics/averageRanks.js";
import { correlationMatrix } from "../statistics/correlationMatrix.js";
import { pearsonCorrelation } from "../statistics/pearsonCorrelation.js";

// Worked by hand, and matched by scipy.stats.pearsonr / spearmanr:
// x deviations -2 -1 0 1 2, y deviations -2 0 1 0 1 -> r = 6 / sqrt(10 * 6).
// y has two ties, ranked 1, 2.5, 4.5, 2.5, 4.5 -> rho = 7 / sqrt(10 * 9).
const x = [1, 2, 3, 4, 5];
const y = [2, 4, 5, 4, 5];
const PEARSON_XY = 6 / Math.sqrt(60);
const SPEARMAN_XY = 7 / Math.sqrt(90);

describe("averageRanks", () => {
  it("gives tied values the mean of their ranks", () => {
    expect([...averageRanks([3, 1, 4, 1, 5, 9, 2, 6, 5])]).toEqual([
      4, 1.5, 5, 1.5, 6.5, 9, 3, 8, 6.5,
    ]);
  });

  it("ranks equal values all in the middle", () => {
    expect([...averageRanks([7, 7, 7])]).toEqual([2, 2, 2]);
  });

  it("rejects a value that cannot be ranked", () => {
    expect(() => averageRanks([1, Number.NaN])).toThrow("values[1] must be finite");
  });
});

describe("pearsonCorrelation", () => {
  it("matches the worked example", () => {
    expect(pearsonCorrelation(x, y)).toBeCloseTo(PEARSON_XY, 12);
  });

  it("is exactly -1 for a reversed line", () => {
    expect(pearsonCorrelation([1, 2, 3], [30, 20, 10])).toBe(-1);
  });

  it("is undefined without variance or pairs", () => {
    expect(pearsonCorrelation([1, 2, 3], [4, 4, 4])).toBeNull();
    expect(pearsonCorrelation([1], [2])).toBeNull();
  });

  it("rejects series of different lengths", () => {
    expect(() => pearsonCorrelation([1, 2], [1])).toThrow("same length, got 2 and 1");
  });
});

describe("correlationMatrix", () => {
  it("returns Pearson coefficients, symmetric with a unit diagonal", () => {
    const matrix = correlationMatrix([x, y], { method: "PEARSON" });

    expect(matrix[0]?.[0]).toBe(1);
    expect(matrix[1]?.[1]).toBe(1);
    expect(matrix[0]?.[1]).toBeCloseTo(PEARSON_XY, 12);
    expect(matrix[1]?.[0]).toBe(matrix[0]?.[1]);
  });

  it("returns Spearman coefficients with average ranks for ties", () => {
    const matrix = correlationMatrix([x, y], { method: "SPEARMAN" });

    expect(matrix[0]?.[1]).toBeCloseTo(SPEARMAN_XY, 12);
  });

  it("resists an outlier where Pearson does not", () => {
    // scipy.stats.spearmanr gives -0.142857 for these series.
    const a = [1, 2, 3, 4, 5, 6];
    const b = [6, 5, 4, 3, 2, 100];

    expect(correlationMatrix([a, b], { method: "SPEARMAN" })[0]?.[1]).toBeCloseTo(-1 / 7, 12);
    expect(correlationMatrix([a, b], { method: "PEARSON" })[0]?.[1]).toBeGreaterThan(0.5);
  });

  it("leaves out samples with a missing value, pair by pair", () => {
    const withGap = [1, 2, Number.NaN, 3, 4, 5];
    const other = [2, 4, 99, 5, 4, 5];

    expect(correlationMatrix([withGap, other], { method: "PEARSON" })[0]?.[1]).toBeCloseTo(
      PEARSON_XY,
      12,
    );
  });

  it("returns null where a correlation is undefined", () => {
    const constant = [4, 4, 4, 4, 4];
    const sparse = [1, Number.NaN, Number.NaN, Number.NaN, 2];
    const matrix = correlationMatrix([x, constant, sparse], { method: "SPEARMAN" });

    expect(matrix[0]?.[1]).toBeNull();
    expect(matrix[1]?.[1]).toBeNull();
    expect(matrix[0]?.[2]).toBeNull();
  });

  it("rejects columns of different lengths", () => {
    expect(() => correlationMatrix([x, [1, 2]], { method: "PEARSON" })).toThrow(
      "columns[1] has 2 values, but columns[0] has 5",
    );
  });
});
