import { describe, expect, it } from "vitest";

import { parseTable } from "../table/parseTable.js";
import { TableError } from "../table/TableError.js";
import { readDataFile, US_DEMO_FILE } from "./fixtures.js";

const header = "sample_id,origin,SiO2_mol_pct,La2O3_ppm_mol";

describe("parseTable", () => {
  it("reads the bundled US data set", () => {
    const table = parseTable(readDataFile(US_DEMO_FILE));

    expect(table.labels).toHaveLength(10);
    expect(table.columns).toHaveLength(27);
    expect(table.columns.filter((c) => c.role === "FEATURE")).toHaveLength(10);
    expect(table.columns.filter((c) => c.role === "TARGET")).toHaveLength(17);
    expect(table.values.data[0]).toBe(44.8);
    expect(table.metadataColumns).toEqual(["source", "country", "material"]);
  });

  it("assigns units from header suffixes", () => {
    const table = parseTable(`${header}\na,x,50,12.5\n`);

    expect(table.columns).toEqual([
      { name: "SiO2_mol_pct", quantity: "SiO2", unit: "mol %", role: "FEATURE" },
      { name: "La2O3_ppm_mol", quantity: "La2O3", unit: "ppm (molar)", role: "TARGET" },
    ]);
    expect(table.metadata).toEqual([{ origin: "x" }]);
  });

  it.each([
    ["a,x,,12", /line 2 \(sample "a"\), column "SiO2_mol_pct": the value is missing/],
    ["a,x,abc,12", /line 2 .*column "SiO2_mol_pct": "abc" is not a number/],
    ['a,x,50,"1,5"', /"1,5" is not a number \(use a dot as the decimal separator, or declare/],
    ["a,x,50,-3", /column "La2O3_ppm_mol": -3 is negative/],
    ["a,x,50,12\na,y,40,10", /line 3: sample label "a" repeats line 2/],
    [",x,50,12", /line 2: the sample label is empty/],
  ])("rejects %j", (rows, message) => {
    expect(() => parseTable(`${header}\n${rows}\n`)).toThrow(message);
  });

  it("reports the cell of a bad value", () => {
    try {
      parseTable(`${header}\na,x,50,12\nb,x,oops,12\n`);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TableError);
      expect(error).toMatchObject({ line: 3, column: "SiO2_mol_pct", value: "oops" });
    }
  });

  it("reads semicolons with decimal commas", () => {
    const csv = "\uFEFFsample_id;SiO2_mol_pct;La2O3_ppm_mol\na;50,5;1.234,5\n";
    const table = parseTable(csv, { decimalSeparator: "," });

    expect(Array.from(table.values.data)).toEqual([50.5, 1234.5]);
  });

  it("reads tab-separated values", () => {
    const table = parseTable("sample_id\tSiO2_mol_pct\na\t50\nb\t60\n");

    expect(table.labels).toEqual(["a", "b"]);
    expect(Array.from(table.values.data)).toEqual([50, 60]);
  });

  it("rejects an ambiguous comma number", () => {
    expect(() => parseTable("sample_id;SiO2_mol_pct\na;1,234\n")).toThrow(
      /"1,234" is not a number \(use a dot as the decimal separator, or declare decimalSeparator ","\)/,
    );
  });

  it("rejects a table without numeric columns", () => {
    expect(() => parseTable("sample_id,SiO2\na,50\n")).toThrow(/no numeric columns found/);
  });

  it("rejects a table without the label column", () => {
    expect(() => parseTable("id,SiO2_mol_pct\na,50\n")).toThrow(/missing column "sample_id"/);
  });
});
