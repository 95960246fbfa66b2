import { describe, expect, it } from "vitest";

import { createRandom } from "../random/createRandom.js";
import { randomSplit } from "../split/randomSplit.js";
import { stratifiedSplit } from "../split/stratifiedSplit.js";

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

describe("stratifiedSplit", () => {
  it("draws each stratum in proportion", () => {
    const values = range(100).map((i) => (i * 37) % 100);
    const { train, test } = stratifiedSplit(values, createRandom(1));

    expect(test).toHaveLength(20);
    expect(train).toHaveLength(80);
    for (let stratum = 0; stratum < 5; stratum++) {
      const inStratum = test.filter((i) => Math.floor((values[i] ?? 0) / 20) === stratum);
      expect(inStratum, `stratum ${stratum}`).toHaveLength(4);
    }
  });

  it("keeps the test size when strata are smaller than their share", () => {
    // 10 rows in 5 strata of 2: each stratum owes 0.4 test rows.
    const values = range(10);
    for (let seed = 0; seed < 20; seed++) {
      const { test } = stratifiedSplit(values, createRandom(seed));
      const strata = test.map((i) => Math.floor(i / 2));

      expect(test).toHaveLength(2);
      expect(new Set(strata).size).toBe(2);
    }
  });

  it("spreads whole test rows over strata chosen at random", () => {
    const chosen = new Set<string>();
    for (let seed = 0; seed < 50; seed++) {
      const { test } = stratifiedSplit(range(10), createRandom(seed));
      chosen.add(test.map((i) => Math.floor(i / 2)).join(","));
    }

    expect(chosen.size).toBeGreaterThan(5);
  });

  it("returns the same split for the same seed", () => {
    const values = range(30).map((i) => Math.sin(i));

    expect(stratifiedSplit(values, createRandom(7))).toEqual(
      stratifiedSplit(values, createRandom(7)),
    );
  });

  it("rejects a test fraction outside (0, 1)", () => {
    expect(() => stratifiedSplit(range(10), createRandom(0), { testFraction: 1 })).toThrow(
      /testFraction must be between 0 and 1 \(exclusive\), got 1/,
    );
  });
});

describe("randomSplit", () => {
  it("partitions every row once", () => {
    const { train, test } = randomSplit(12, createRandom(3), { testFraction: 0.5 });

    expect(test).toHaveLength(6);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(range(12));
  });

  it("rejects fewer than two rows", () => {
    expect(() => randomSplit(1, createRandom(0))).toThrow(/at least 2 rows, got 1/);
  });
});
