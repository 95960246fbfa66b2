import { describe, expect, it } from "vitest";

import {
  decimalsForUnit,
  formatDateTime,
  formatDuration,
  formatFixed,
  formatMeanSd,
  formatMemberCount,
  formatPercent,
  formatPowerOfTen,
  formatQuantity,
  formatSigned,
} from "../format";

describe("formatQuantity", () => {
  it.each([
    [33.333, "mol %", "33.33"],
    [8, "mol %", "8.00"],
    [156.96, "ppm (molar)", "157.0"],
    [80, "ppm (molar)", "80.0"],
    [1234.56, "ppm (molar)", "1234.6"],
    [0.012345, "ratio", "0.01235"],
  ])("formats %d %s as %s", (value, unit, expected) => {
    expect(formatQuantity(value, unit)).toBe(expected);
  });

  it("writes no negative zero", () => {
    expect(formatQuantity(-0.001, "mol %")).toBe("0.00");
    expect(formatQuantity(-0.04, "ppm (molar)")).toBe("0.0");
  });

  it("keeps the sign of negative values", () => {
    expect(formatQuantity(-3.14159, "mol %")).toBe("-3.14");
  });
});

describe("decimalsForUnit", () => {
  it("gives 2 decimals for mol % and 1 for ppm", () => {
    expect(decimalsForUnit("mol %")).toBe(2);
    expect(decimalsForUnit("ppm (molar)")).toBe(1);
    expect(decimalsForUnit("ppm")).toBe(1);
    expect(decimalsForUnit("wt %")).toBeNull();
  });
});

describe("formatFixed", () => {
  it("rounds to the given decimals without grouping", () => {
    expect(formatFixed(0.84567, 3)).toBe("0.846");
    expect(formatFixed(12345.6, 1)).toBe("12345.6");
  });
});

describe("formatSigned", () => {
  it.each([
    [2.345, 2, "+2.35"],
    [-0.46, 2, "-0.46"],
    [0, 1, "0.0"],
    [-0.001, 1, "0.0"],
    [12.34, 0, "+12"],
  ])("formats %d with %d decimals as %s", (value, decimals, expected) => {
    expect(formatSigned(value, decimals)).toBe(expected);
  });
});

describe("formatPercent", () => {
  it("rounds and clamps to 0–100 %", () => {
    expect(formatPercent(0.424)).toBe("42 %");
    expect(formatPercent(-0.1)).toBe("0 %");
    expect(formatPercent(1.2)).toBe("100 %");
  });
});

describe("formatDuration", () => {
  it("uses ms below 1 s and s above", () => {
    expect(formatDuration(0.0042)).toBe("4 ms");
    expect(formatDuration(0.81)).toBe("810 ms");
    expect(formatDuration(12.345)).toBe("12.35 s");
  });
});

describe("formatDateTime", () => {
  it("formats an ISO timestamp in UTC", () => {
    expect(formatDateTime("2026-12-04T15:27:09.123Z")).toBe("2026-12-04 15:27 UTC");
  });

  it("returns text that is no date unchanged", () => {
    expect(formatDateTime("yesterday")).toBe("yesterday");
  });
});

describe("formatMemberCount", () => {
  it("uses the singular for one member", () => {
    expect(formatMemberCount(1)).toBe("1 member");
    expect(formatMemberCount(30)).toBe("30 members");
  });
});

describe("formatPowerOfTen", () => {
  it.each([
    [10 ** -3.33, "4.68 × 10⁻⁴"],
    [0.01, "10⁻²"],
    [1e-5, "10⁻⁵"],
    [0.464, "0.464"],
    [0.1, "0.1"],
    [1, "1"],
    [20, "20"],
    [500, "500"],
    [1000, "10³"],
    [12345, "1.23 × 10⁴"],
    [-0.002, "-2 × 10⁻³"],
    [0.00999999, "10⁻²"],
    [0, "0"],
  ])("formats %d as %s", (value, expected) => {
    expect(formatPowerOfTen(value)).toBe(expected);
  });

  it("names values that are not finite", () => {
    expect(formatPowerOfTen(Number.NaN)).toBe("not finite");
    expect(formatPowerOfTen(Number.POSITIVE_INFINITY)).toBe("not finite");
  });
});

describe("formatMeanSd", () => {
  it("writes mean ± sd", () => {
    expect(formatMeanSd({ mean: 12.345, sd: 4.56 }, 1)).toBe("12.3 ± 4.6");
  });

  it("writes the mean alone without an sd", () => {
    expect(formatMeanSd({ mean: 12.345, sd: null }, 1)).toBe("12.3");
    expect(formatMeanSd({ mean: 12.345, sd: Number.NaN }, 1)).toBe("12.3");
  });

  it("returns null without a finite mean", () => {
    expect(formatMeanSd({ mean: null, sd: 1 }, 1)).toBeNull();
    expect(formatMeanSd({ mean: Number.POSITIVE_INFINITY, sd: 1 }, 1)).toBeNull();
  });
});
