import { describe, expect, it } from "vitest";

import { REE_SYMBOLS } from "../table/columnUnits.js";
import { ATOMIC_WEIGHTS, atomicWeight } from "../units/atomicWeights.js";
import {
  DEFAULT_OXIDE_FORMULAS,
  MAJOR_OXIDES,
  REE_OXIDE_ALTERNATIVES,
  resolveOxideFormula,
  SONG2024_OXIDE_FORMULAS,
} from "../units/oxideFormulas.js";
import { oxideMolarMass } from "../units/oxideMolarMass.js";
import {
  formatOxideFormula,
  parseOxideFormula,
  readOxideFormula,
} from "../units/parseOxideFormula.js";
import { resolveMeasuredSpecies } from "../units/resolveMeasuredSpecies.js";

describe("atomicWeight", () => {
  it.each([
    ["O", 15.999],
    ["Si", 28.085],
    ["Al", 26.982],
    ["Fe", 55.845],
    ["La", 138.91],
    ["Y", 88.906],
    ["Sc", 44.956],
  ])("returns the abridged weight of %s", (symbol, weight) => {
    expect(atomicWeight(symbol)).toBe(weight);
  });

  it("covers the major-oxide elements, S, O and the 16 REEs", () => {
    const needed = ["Si", "Al", "Ca", "Fe", "Mg", "Na", "K", "Ti", "P", "Mn", "S", "O"];

    for (const symbol of [...needed, ...REE_SYMBOLS]) {
      expect(ATOMIC_WEIGHTS[symbol], symbol).toBeGreaterThan(0);
    }
  });

  it("prefers an override", () => {
    expect(atomicWeight("O", { O: 15.9994 })).toBe(15.9994);
  });

  it("rejects an unknown symbol", () => {
    expect(() => atomicWeight("CO")).toThrow(/element "CO" has no atomic weight.*capitalisation/);
  });

  it("rejects a prototype key as a symbol", () => {
    expect(() => atomicWeight("constructor")).toThrow(/element "constructor" has no atomic weight/);
  });

  it("rejects a non-positive override", () => {
    expect(() => atomicWeight("O", { O: 0 })).toThrow(/atomicWeights.O must be a positive number/);
  });
});

describe("parseOxideFormula", () => {
  it.each([
    ["SiO2", { element: "Si", elementAtoms: 1, oxygenAtoms: 2 }],
    ["Al2O3", { element: "Al", elementAtoms: 2, oxygenAtoms: 3 }],
    ["FeO", { element: "Fe", elementAtoms: 1, oxygenAtoms: 1 }],
    ["Pr6O11", { element: "Pr", elementAtoms: 6, oxygenAtoms: 11 }],
    ["Tb4O7", { element: "Tb", elementAtoms: 4, oxygenAtoms: 7 }],
  ])("parses %s", (text, formula) => {
    expect(parseOxideFormula(text)).toEqual(formula);
  });

  it.each(["al2o3", "Al2O3T", "", "O2", "Al0O3", "SiO0", "La"])("rejects %j", (text) => {
    expect(() => parseOxideFormula(text)).toThrow(/is not an oxide formula: write one element/);
  });

  it("returns undefined from readOxideFormula for a non-formula", () => {
    expect(readOxideFormula("LOI")).toBeUndefined();
  });

  it.each(["SiO2", "Al2O3", "FeO", "Pr6O11", "EuO"])("formats %s back unchanged", (text) => {
    expect(formatOxideFormula(parseOxideFormula(text))).toBe(text);
  });
});

describe("oxideMolarMass", () => {
  it.each([
    // 28.085 + 2 * 15.999
    ["SiO2", 60.083],
    // 2 * 26.982 + 3 * 15.999 = 53.964 + 47.997
    ["Al2O3", 101.961],
    // 2 * 55.845 + 3 * 15.999 = 111.69 + 47.997
    ["Fe2O3", 159.687],
    // 55.845 + 15.999
    ["FeO", 71.844],
    // 140.12 + 2 * 15.999
    ["CeO2", 172.118],
    // 6 * 140.91 + 11 * 15.999 = 845.46 + 175.989
    ["Pr6O11", 1021.449],
  ])("computes M(%s)", (formula, mass) => {
    expect(oxideMolarMass(formula)).toBeCloseTo(mass, 10);
  });

  it("uses overridden atomic weights", () => {
    // 28.0855 + 2 * 15.9994
    expect(oxideMolarMass("SiO2", { atomicWeights: { Si: 28.0855, O: 15.9994 } })).toBeCloseTo(
      60.0843,
      10,
    );
  });
});

describe("resolveOxideFormula", () => {
  it("defaults iron to Fe2O3, sulfur to SO3 and REEs to R2O3", () => {
    expect(formatOxideFormula(resolveOxideFormula("Fe"))).toBe("Fe2O3");
    expect(formatOxideFormula(resolveOxideFormula("S"))).toBe("SO3");
    for (const symbol of REE_SYMBOLS) {
      expect(DEFAULT_OXIDE_FORMULAS[symbol], symbol).toBe(`${symbol}2O3`);
    }
  });

  it("has a default for the element of every major oxide", () => {
    for (const oxide of MAJOR_OXIDES) {
      const { element } = parseOxideFormula(oxide);

      expect(DEFAULT_OXIDE_FORMULAS[element], oxide).toBe(oxide);
    }
  });

  it.each(Object.entries(REE_OXIDE_ALTERNATIVES))(
    "accepts the alternatives of %s",
    (element, alternatives) => {
      for (const alternative of alternatives) {
        expect(formatOxideFormula(resolveOxideFormula(element, { [element]: alternative }))).toBe(
          alternative,
        );
      }
    },
  );

  it("applies the study's Ce and Eu species", () => {
    expect(formatOxideFormula(resolveOxideFormula("Ce", SONG2024_OXIDE_FORMULAS))).toBe("CeO2");
    expect(formatOxideFormula(resolveOxideFormula("Eu", SONG2024_OXIDE_FORMULAS))).toBe("EuO");
    expect(formatOxideFormula(resolveOxideFormula("La", SONG2024_OXIDE_FORMULAS))).toBe("La2O3");
  });

  it("rejects an override of another element", () => {
    expect(() => resolveOxideFormula("Ce", { Ce: "La2O3" })).toThrow(
      /oxideFormulas.Ce is "La2O3", an oxide of La: give an oxide of Ce such as "Ce2O3"/,
    );
  });

  it("rejects an element without a formula", () => {
    expect(() => resolveOxideFormula("Cl")).toThrow(
      /element "Cl" has no default oxide formula: pass one in oxideFormulas/,
    );
  });
});

describe("resolveMeasuredSpecies", () => {
  it("reads an element, an oxide and total iron", () => {
    expect(resolveMeasuredSpecies("La")).toEqual({
      element: "La",
      elementAtoms: 1,
      molarMass: 138.91,
    });
    expect(resolveMeasuredSpecies("CeO2").element).toBe("Ce");
    expect(resolveMeasuredSpecies("Fe2O3T").molarMass).toBeCloseTo(159.687, 10);
    expect(resolveMeasuredSpecies("FeOT").molarMass).toBeCloseTo(71.844, 10);
  });

  it("rejects a name that is not chemical", () => {
    expect(() => resolveMeasuredSpecies("LOI")).toThrow(
      /quantity "LOI" is not an element symbol, an oxide formula or a total-iron name/,
    );
  });
});
