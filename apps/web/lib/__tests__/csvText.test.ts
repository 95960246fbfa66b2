import { describe, expect, it } from "vitest";

import {
  decodeCsvBytes,
  detectDelimiter,
  findErrorRow,
  hasDecimalCommas,
  splitCsvLine,
} from "../csvText";

const CSV = [
  "sample_id,source,SiO2_mol_pct,CaO_mol_pct,REE_total_ppm_mol",
  '13,"Song, 2024",44.8,26.88,142.11',
  "",
  "15,Song 2024,34.26,n.d.,113.85",
].join("\r\n");

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1;2", ","],
    ["a;b;c\n1,2", ";"],
    ["a\tb\tc", "\t"],
    ["a", ","],
  ])("reads the header of %j", (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it("ignores a byte order mark", () => {
    expect(detectDelimiter("\uFEFFa;b;c")).toBe(";");
  });
});

describe("splitCsvLine", () => {
  it("keeps separators and quotes inside quotes", () => {
    expect(splitCsvLine('1,"a, ""b""", c ', ",")).toEqual(["1", 'a, "b"', "c"]);
  });

  it("keeps empty cells", () => {
    expect(splitCsvLine("1;;3;", ";")).toEqual(["1", "", "3", ""]);
  });
});

describe("findErrorRow", () => {
  it("counts lines as the API does, with empty lines", () => {
    const row = findErrorRow(CSV, 4, "CaO_mol_pct");

    expect(row).toEqual({
      fileLine: 4,
      header: ["sample_id", "source", "SiO2_mol_pct", "CaO_mol_pct", "REE_total_ppm_mol"],
      cells: ["15", "Song 2024", "34.26", "n.d.", "113.85"],
      columnIndex: 3,
    });
  });

  it("returns no column for an unknown name", () => {
    expect(findErrorRow(CSV, 2, "MgO_mol_pct")?.columnIndex).toBeNull();
    expect(findErrorRow(CSV, 2)?.columnIndex).toBeNull();
  });

  it("returns null for a line past the end", () => {
    expect(findErrorRow(CSV, 9, "CaO_mol_pct")).toBeNull();
    expect(findErrorRow(CSV, 0)).toBeNull();
  });
});

describe("hasDecimalCommas", () => {
  it("finds decimal commas in semicolon tables", () => {
    expect(hasDecimalCommas("sample_id;SiO2_mol_pct\n1;44,8")).toBe(true);
    expect(hasDecimalCommas("sample_id;SiO2_mol_pct\n1;44.8")).toBe(false);
  });

  it("never reports them in comma tables", () => {
    expect(hasDecimalCommas('sample_id,SiO2_mol_pct\n1,"44,8"')).toBe(false);
  });
});

describe("decodeCsvBytes", () => {
  it("reads UTF-8", () => {
    const bytes = new TextEncoder().encode("µ,°").buffer;

    expect(decodeCsvBytes(bytes)).toEqual({ text: "µ,°", encoding: "UTF-8" });
  });

  it("falls back to Windows-1252", () => {
    const bytes = new Uint8Array([0xb5, 0x2c, 0xb0]).buffer;

    expect(decodeCsvBytes(bytes)).toEqual({ text: "µ,°", encoding: "Windows-1252" });
  });
});
