import { describe, expect, it } from "vitest";

import { convertBasis } from "../curation/convertBasis.js";
import { excludeComponents } from "../curation/excludeComponents.js";

describe("excludeComponents", () => {
  it("drops LOI and SO3 and renormalises the rest to 100", () => {
    // Kept: 50 + 30 = 80, scaled by 100 / 80; dropped 15 + 5 = 20 of 100.
    const result = excludeComponents({ SiO2: 50, Al2O3: 30, LOI: 15, SO3: 5 });

    expect(result.composition.SiO2).toBeCloseTo(62.5, 12);
    expect(result.composition.Al2O3).toBeCloseTo(37.5, 12);
    expect(result.dropped).toEqual({ LOI: 15, SO3: 5 });
    expect(result.droppedShare).toBeCloseTo(0.2, 12);
  });

  it("reports no drop when nothing is excluded", () => {
    const result = excludeComponents({ SiO2: 60, Al2O3: 40 });

    expect(result.dropped).toEqual({});
    expect(result.droppedShare).toBe(0);
  });

  it("accepts a negative LOI and reports a negative share", () => {
    // Kept 101, dropped -1: share -1 / 100.
    const result = excludeComponents({ SiO2: 61, Fe2O3: 40, LOI: -1 });

    expect(result.composition.SiO2).toBeCloseTo((100 * 61) / 101, 12);
    expect(result.droppedShare).toBeCloseTo(-0.01, 12);
  });

  it("renormalises to a chosen total and list", () => {
    // Kept 0.6 + 0.3 = 0.9 scaled to 1; dropped 0.1 of 1.
    const result = excludeComponents(
      { SiO2: 0.6, CaO: 0.3, Total: 0.1 },
      { exclude: ["Total"], total: 1 },
    );

    expect(result.composition.SiO2).toBeCloseTo(2 / 3, 12);
    expect(result.droppedShare).toBeCloseTo(0.1, 12);
  });

  it.each([
    [{ SiO2: -1, Al2O3: 2 }, /SiO2 must be zero or more, got -1/],
    [{ SiO2: Number.NaN }, /SiO2 must be a finite number, got NaN/],
    [
      { LOI: 5, SO3: 1 },
      /nothing is left after excluding LOI, SO3: give at least one other component/,
    ],
  ])("rejects %j", (composition, message) => {
    expect(() => excludeComponents(composition)).toThrow(message);
  });
});

describe("convertBasis", () => {
  it("converts whole-coal ppm to ash basis", () => {
    // 20 ppm in coal with 10 % ash: 20 * 100 / 10
    expect(convertBasis({ La: 20 }, 10)).toEqual({ La: 200 });
  });

  it("converts ash basis back to whole coal", () => {
    // 200 * 10 / 100
    expect(convertBasis({ La: 200 }, 10, { from: "ash", to: "whole-coal" }).La).toBeCloseTo(20, 12);
  });

  it("keeps contents when both bases are equal", () => {
    expect(convertBasis({ La: 7 }, 25, { from: "ash", to: "ash" })).toEqual({ La: 7 });
  });

  it("round-trips to 1e-9", () => {
    const ashBasis = convertBasis({ Ce: 33.3, Y: 0.7 }, 13.7);
    const back = convertBasis(ashBasis, 13.7, { from: "ash", to: "whole-coal" });

    expect((back.Ce ?? 0) / 33.3).toBeCloseTo(1, 9);
    expect((back.Y ?? 0) / 0.7).toBeCloseTo(1, 9);
  });

  it.each([0, -5, 120, Number.NaN])("rejects ash yield %d", (ashYield) => {
    expect(() => convertBasis({ La: 1 }, ashYield)).toThrow(
      /ashYieldPercent must be in \(0, 100\]/,
    );
  });

  it("rejects a negative content", () => {
    expect(() => convertBasis({ La: -1 }, 10)).toThrow(
      /La must be a finite number of zero or more/,
    );
  });
});
