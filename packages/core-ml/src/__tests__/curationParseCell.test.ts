import { describe, expect, it } from "vitest";

import { type BelowDetectionPolicy, parseCell } from "../curation/parseCell.js";
import { readLocaleNumber } from "../curation/readLocaleNumber.js";
import { TableError } from "../table/TableError.js";

const location = { line: 4, sample: "A-12", column: "La (ppm)" };

describe("readLocaleNumber", () => {
  it.each([
    ["1.5", undefined, 1.5],
    ["1,5", undefined, 1.5],
    ["0,234", undefined, 0.234],
    ["12,3456", undefined, 12.3456],
    ["1,234.5", undefined, 1234.5],
    ["1.234,5", undefined, 1234.5],
    ["12,345,678", undefined, 12345678],
    ["1 234,5", undefined, 1234.5],
    ["1\u00a0234.5", undefined, 1234.5],
    ["1'234.5", undefined, 1234.5],
    ["2.5E-3", undefined, 0.0025],
    [".5", undefined, 0.5],
    ["+7", undefined, 7],
    ["-3", undefined, -3],
    ["1.234", ",", 1234],
    ["1,234", ",", 1.234],
    ["1,234", ".", 1234],
    ["1.234", ".", 1.234],
    ["1.234.567,8", ",", 1234567.8],
  ] as const)("reads %j with decimal separator %j as %d", (text, separator, value) => {
    expect(readLocaleNumber(text, separator)).toEqual({ value });
  });

  it.each([
    ["1.234", undefined, /is ambiguous: it reads as 1.234 with a decimal "." or as 1234/],
    ["1,234", undefined, /is ambiguous: .* declare the decimal separator/],
    ["abc", undefined, /is not a number/],
    ["5.", undefined, /has separators in the wrong places/],
    ["1.2.3", undefined, /has separators in the wrong places/],
    ["1 23", undefined, /has separators in the wrong places/],
    ["1,5", ".", /has separators in the wrong places for decimal separator "."/],
    ["1,234.5", ",", /uses "." as decimal separator, but "," was declared/],
    ["1 234.5,6", undefined, /has spaces, "." and "," together/],
  ] as const)("returns an error for %j with separator %j", (text, separator, message) => {
    const result = readLocaleNumber(text, separator);

    expect("error" in result ? result.error : "").toMatch(message);
  });
});

describe("parseCell", () => {
  it("reads a measured number", () => {
    expect(parseCell(" 12,5 ")).toEqual({ value: 12.5, status: "measured" });
  });

  it.each<[BelowDetectionPolicy, number | null]>([
    ["missing", null],
    ["half-limit", 0.25],
    ["limit", 0.5],
  ])("applies the %s policy to <0.5", (belowDetection, value) => {
    expect(parseCell("<0.5", { belowDetection })).toEqual({
      value,
      status: "below-detection",
      detectionLimit: 0.5,
    });
  });

  it("reads a limit with a decimal comma", () => {
    expect(parseCell("< 0,5", { belowDetection: "limit" }).value).toBe(0.5);
  });

  it.each(["bdl", "b.d.l.", "n.d.", "ND", "-", "<LOD", "<dl"])(
    "reads %j as below detection with the column's limit",
    (text) => {
      expect(parseCell(text, { belowDetection: "half-limit", detectionLimit: 0.2 })).toEqual({
        value: 0.1,
        status: "below-detection",
        detectionLimit: 0.2,
      });
    },
  );

  it("keeps a mark without a limit as missing under the missing policy", () => {
    expect(parseCell("bdl", { belowDetection: "missing" })).toEqual({
      value: null,
      status: "below-detection",
      detectionLimit: undefined,
    });
  });

  it.each(["", "   ", "n.a.", "NA", "n/a"])(
    "reads %j as missing under the missing policy",
    (text) => {
      expect(parseCell(text, { missing: "missing" })).toEqual({ value: null, status: "missing" });
    },
  );

  it("lets a lab move n.d. to the not-analysed marks", () => {
    const options = {
      missing: "missing" as const,
      belowDetectionMarks: ["bdl"],
      notAnalysedMarks: ["n.d."],
    };

    expect(parseCell("n.d.", options)).toEqual({ value: null, status: "missing" });
  });

  it.each([
    [
      "<0.5",
      {},
      /line 4 \(sample "A-12"\), column "La \(ppm\)": "<0.5" is below the detection limit; choose a below-detection policy/,
    ],
    [
      "bdl",
      { belowDetection: "limit" as const },
      /"bdl" gives no detection limit for the "limit" policy; set detectionLimit/,
    ],
    [
      "",
      {},
      /column "La \(ppm\)": the cell is empty; fill it in, or choose the missing-value policy "missing"/,
    ],
    ["n.a.", {}, /"n.a." marks a value not analysed; fill it in/],
    ["1.234", {}, /"1.234" is ambiguous: .* declare the decimal separator/],
    ["1,234", {}, /"1,234" is ambiguous/],
    ["abc", {}, /"abc" is not a number/],
    ["-3", {}, /"-3" is negative; contents must be zero or more/],
    [">1000", {}, /">1000" is above the measuring range/],
    [
      "<abc",
      { belowDetection: "limit" as const },
      /"<abc" is not a detection limit; write it as "<" and a number/,
    ],
  ])("rejects %j with %j", (text, options, message) => {
    expect(() => parseCell(text, { ...options, location })).toThrow(message);
  });

  it("throws a TableError that carries the cell", () => {
    try {
      parseCell("1,234", { location });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TableError);
      expect(error).toMatchObject({ line: 4, column: "La (ppm)", value: "1,234" });
    }
  });

  it("reads an ambiguous number once the separator is declared", () => {
    expect(parseCell("1,234", { decimalSeparator: "," }).value).toBe(1.234);
    expect(parseCell("1,234", { decimalSeparator: "." }).value).toBe(1234);
  });

  it("names the cell by sample when no line is given", () => {
    expect(() => parseCell("x", { location: { sample: "B" } })).toThrow(
      /^sample "B": "x" is not a number/,
    );
    expect(() => parseCell("x")).toThrow(/^cell: "x" is not a number/);
  });

  it.each([
    [
      { belowDetection: "zero" },
      /belowDetection must be "reject", "missing", "half-limit" or "limit", got "zero"/,
    ],
    [{ missing: "zero" }, /missing must be "reject" or "missing", got "zero"/],
    [{ detectionLimit: -1 }, /detectionLimit must be a finite number of zero or more, got -1/],
  ])("rejects the options %j", (options, message) => {
    expect(() => parseCell("1", options as object)).toThrow(message);
  });
});
