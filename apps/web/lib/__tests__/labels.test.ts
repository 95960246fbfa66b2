import { describe, expect, it } from "vitest";

import { columnLabel, oxideFormula, targetName } from "../labels";

describe("columnLabel", () => {
  it.each([
    ["Al2O3_mol_pct", "Al2O3"],
    ["La2O3_ppm_mol", "La2O3"],
    ["REE_total_ppm_mol", "REE total"],
    ["coal_rank", "coal rank"],
  ])("labels %s as %s", (column, expected) => {
    expect(columnLabel(column)).toBe(expected);
  });
});

describe("oxideFormula", () => {
  it("strips the unit suffix of a column name", () => {
    expect(oxideFormula("Al2O3_mol_pct")).toBe("Al2O3");
    expect(oxideFormula("CaO")).toBe("CaO");
  });
});

describe("targetName", () => {
  it("names the total REE in words", () => {
    expect(targetName("REE_total_ppm_mol")).toBe("total REE");
    expect(targetName("La2O3_ppm_mol")).toBe("La2O3");
  });
});
