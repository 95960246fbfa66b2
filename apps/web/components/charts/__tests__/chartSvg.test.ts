// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { checkSize, createChartSvg, paddedDomain, textColorOn } from "../chartSvg";

describe("paddedDomain", () => {
  it("pads the range by 5 % on each side", () => {
    expect(paddedDomain([100, 200])).toEqual([95, 205]);
  });

  it("returns [0, 1] without finite values", () => {
    expect(paddedDomain([])).toEqual([0, 1]);
    expect(paddedDomain([Number.NaN, Number.POSITIVE_INFINITY])).toEqual([0, 1]);
  });

  it("pads a single value by 10 %, at least 1", () => {
    expect(paddedDomain([150, 150])).toEqual([135, 165]);
    expect(paddedDomain([0])).toEqual([-1, 1]);
  });

  it("includes zero on request", () => {
    expect(paddedDomain([10, 20], { includeZero: true })).toEqual([-1, 21]);
    expect(paddedDomain([-20, -10], { includeZero: true })).toEqual([-21, 1]);
  });

  it("clamps at zero when no value is negative", () => {
    expect(paddedDomain([1, 101], { clampAtZero: true })).toEqual([0, 106]);
    expect(paddedDomain([-1, 99], { clampAtZero: true })).toEqual([-6, 104]);
  });

  it("ignores non-finite values", () => {
    expect(paddedDomain([100, Number.NaN, 200])).toEqual([95, 205]);
  });
});

describe("checkSize", () => {
  it("returns a valid size", () => {
    expect(checkSize("width", 480, 100)).toBe(480);
  });

  it("rejects a small or non-finite size", () => {
    expect(() => checkSize("width", 99, 100)).toThrow(
      "width must be a finite number of at least 100 px, got 99",
    );
    expect(() => checkSize("height", Number.NaN, 100)).toThrow(RangeError);
  });
});

describe("createChartSvg", () => {
  it("creates an accessible SVG of the given size", () => {
    const svg = createChartSvg("test-chart", 300, 200, "Test chart").node()!;

    expect(svg.getAttribute("class")).toBe("test-chart");
    expect(svg.getAttribute("viewBox")).toBe("0 0 300 200");
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe("Test chart");
  });
});

describe("textColorOn", () => {
  it("writes white on dark fills", () => {
    expect(textColorOn("#053061")).toBe("#fff");
    expect(textColorOn("#0072b2")).toBe("#fff");
  });

  it("writes black on light and mid-tone fills", () => {
    expect(textColorOn("#f7f7f7")).toBe("#000");
    // Mid blue of RdBu near r = 0.6: white text would reach only about 3.4:1.
    expect(textColorOn("#4393c3")).toBe("#000");
  });
});
