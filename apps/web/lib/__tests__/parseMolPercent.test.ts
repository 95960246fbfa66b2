import { describe, expect, it } from "vitest";

import { parseMolPercent } from "../parseMolPercent";

const LABEL = "Al2O3 (mol %)";

describe("parseMolPercent", () => {
  it.each([
    ["13.7", 13.7],
    [" 8 ", 8],
    ["0", 0],
    [".5", 0.5],
    ["1e1", 10],
  ])("accepts %j", (text, expected) => {
    expect(parseMolPercent(LABEL, text)).toEqual({ ok: true, value: expected });
  });

  it.each(["", "   "])("rejects empty input %j, naming the field", (text) => {
    expect(parseMolPercent(LABEL, text)).toEqual({
      ok: false,
      message: "Al2O3 (mol %) is required.",
    });
  });

  it.each(["abc", "12,5", "0x10", "Infinity", "NaN", "1e400", "1.2.3"])(
    "rejects %j as not a finite number",
    (text) => {
      const result = parseMolPercent(LABEL, text);

      expect(result.ok).toBe(false);
      expect(result.ok ? "" : result.message).toMatch(
        /^Al2O3 \(mol %\) must be a finite number such as 12\.5, got ".+"\.$/,
      );
    },
  );

  it("rejects a negative value", () => {
    expect(parseMolPercent(LABEL, "-0.5")).toEqual({
      ok: false,
      message: "Al2O3 (mol %) must be 0 or more, got -0.5.",
    });
  });
});
