import { describe, expect, it } from "vitest";

import { parseCompositionCsv } from "../parseCompositionCsv";

const OXIDES = ["Al2O3", "CaO"];

describe("parseCompositionCsv", () => {
  it("reads oxide columns by formula or column name, with labels", () => {
    const result = parseCompositionCsv(
      "sample_id,Al2O3_mol_pct,CaO,SiO2\nA,14.4,26.9,40\n",
      OXIDES,
    );

    expect(result).toEqual({
      ok: true,
      compositions: [
        {
          label: "A",
          oxides: [
            { oxide: "Al2O3", molPercent: 14.4 },
            { oxide: "CaO", molPercent: 26.9 },
          ],
        },
      ],
    });
  });

  it("names the missing oxide columns", () => {
    const result = parseCompositionCsv("label;Al2O3\nA;14\n", OXIDES);

    expect(result.ok ? [] : result.errors).toEqual([
      "Row 1 (header): no column for CaO. Name the columns by oxide (Al2O3, CaO) or as Al2O3_mol_pct.",
    ]);
  });

  it("names the row and column of each bad value", () => {
    const result = parseCompositionCsv("Al2O3,CaO\n14,abc\n\n-1,20\n", OXIDES);

    expect(result.ok ? [] : result.errors).toEqual([
      'Row 2, column CaO must be a finite number such as 12.5, got "abc".',
      "Row 4, column Al2O3 must be 0 or more, got -1.",
    ]);
  });

  it("labels unlabelled rows by their row number", () => {
    const result = parseCompositionCsv("Al2O3,CaO\n14,20\n", OXIDES);

    expect(result.ok).toBe(true);
    expect(result.ok ? result.compositions[0]?.label : undefined).toBe("row 2");
  });

  it("rejects a file without rows", () => {
    expect(parseCompositionCsv("Al2O3,CaO\n", OXIDES)).toEqual({
      ok: false,
      errors: ["The file has a header but no rows of compositions."],
    });
  });
});
