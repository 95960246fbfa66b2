import { describe, expect, it } from "vitest";

import {
  describeLimits,
  parseLayerListInput,
  parseLayersInput,
  parseNumberInput,
  parseNumberListInput,
  readNumber,
} from "../parseNumberInput";

describe("readNumber", () => {
  it.each([
    ["0.2", 0.2],
    [" 12 ", 12],
    ["-0.5", -0.5],
    [".25", 0.25],
    ["1e-3", 0.001],
    ["10^-2", 0.01],
    ["10^-3.33", 10 ** -3.33],
  ])("reads %s", (text, expected) => {
    expect(readNumber(text)).toBeCloseTo(expected, 12);
  });

  it.each(["", "abc", "0x10", "Infinity", "1,5", "1e400", "10^", "2^3"])("rejects %j", (text) => {
    expect(readNumber(text)).toBeUndefined();
  });
});

describe("describeLimits", () => {
  it.each([
    [{ integer: true, min: 1, max: 1000 }, "a whole number from 1 to 1000"],
    [{ above: 0, below: 1 }, "a number between 0 and 1 (exclusive)"],
    [{ above: 0 }, "a number, greater than 0"],
    [{ integer: true, min: 1 }, "a whole number, 1 or more"],
    [{}, "a number"],
  ])("describes %j", (limits, expected) => {
    expect(describeLimits(limits)).toBe(expected);
  });
});

describe("parseNumberInput", () => {
  it("returns the value within the limits", () => {
    expect(parseNumberInput("Seed", "42", { integer: true })).toEqual({ ok: true, value: 42 });
  });

  it("requires a value", () => {
    expect(parseNumberInput("Seed", "  ")).toEqual({ ok: false, message: "Seed is required." });
  });

  it("names the field, the range and the text", () => {
    expect(parseNumberInput("Test fraction", "1.5", { above: 0, below: 1 })).toEqual({
      ok: false,
      message: 'Test fraction must be a number between 0 and 1 (exclusive), got "1.5".',
    });
  });

  it("rejects fractions for whole numbers", () => {
    const result = parseNumberInput("Epochs", "2.5", { integer: true, min: 1 });

    expect(result.ok).toBe(false);
  });

  it("suggests a dot for a decimal comma", () => {
    const result = parseNumberInput("Weight decay", "0,01", { min: 0 });

    expect(result).toEqual({
      ok: false,
      message:
        'Weight decay must be a number, 0 or more, got "0,01". Use a dot as the decimal separator.',
    });
  });
});

describe("parseNumberListInput", () => {
  it("splits on commas, semicolons and spaces", () => {
    const result = parseNumberListInput("Learning rates", "1e-3, 1e-2;0.1  10^-4", { above: 0 });

    expect(result).toEqual({ ok: true, value: [0.001, 0.01, 0.1, 0.0001] });
  });

  it("requires a value", () => {
    expect(parseNumberListInput("Learning rates", " , ")).toEqual({
      ok: false,
      message: "Learning rates must list at least one value.",
    });
  });

  it("names the bad item", () => {
    expect(parseNumberListInput("Learning rates", "1e-3, 0", { above: 0 })).toEqual({
      ok: false,
      message: 'Learning rates: each value must be a number, greater than 0, got "0".',
    });
  });

  it("rejects a value listed twice", () => {
    expect(parseNumberListInput("Weight decays", "0.001, 1e-3")).toEqual({
      ok: false,
      message: 'Weight decays: "1e-3" is listed twice.',
    });
  });
});

describe("parseLayersInput", () => {
  it("reads layer sizes", () => {
    expect(parseLayersInput("Hidden layers", "20, 6")).toEqual({ ok: true, value: [20, 6] });
    expect(parseLayersInput("Hidden layers", "16")).toEqual({ ok: true, value: [16] });
  });

  it.each(["", "20, 0", "20, 6.5", "-4", "a"])("rejects %j", (text) => {
    expect(parseLayersInput("Hidden layers", text)).toEqual({
      ok: false,
      message: expect.stringMatching(/^Hidden layers/),
    });
  });
});

describe("parseLayerListInput", () => {
  it("reads configurations per line or semicolon", () => {
    expect(parseLayerListInput("Grid hidden layers", "20, 6; 32, 8\n16")).toEqual({
      ok: true,
      value: [[20, 6], [32, 8], [16]],
    });
  });

  it("names the configuration with the bad size", () => {
    expect(parseLayerListInput("Grid hidden layers", "20, 6; 32, x")).toEqual({
      ok: false,
      message:
        'Grid hidden layers, configuration 2: each layer size must be a whole number of 1 or more, got "x".',
    });
  });

  it("rejects a repeated configuration", () => {
    expect(parseLayerListInput("Grid hidden layers", "20, 6; 20 6")).toEqual({
      ok: false,
      message: 'Grid hidden layers: "20 6" is listed twice.',
    });
  });

  it("requires a configuration", () => {
    expect(parseLayerListInput("Grid hidden layers", " ;\n ").ok).toBe(false);
  });
});

describe("readNumber powers of ten", () => {
  it("gives whole exponents exactly", () => {
    expect(readNumber("10^-4")).toBe(1e-4);
    expect(readNumber("10^2")).toBe(100);
  });

  it("matches the API's default learning rate", () => {
    expect(readNumber("10^-3.33")).toBe(10 ** -3.33);
  });
});
