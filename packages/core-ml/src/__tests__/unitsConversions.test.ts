import { describe, expect, it } from "vitest";

import { createRandom } from "../random/createRandom.js";
import { parseTable } from "../table/parseTable.js";
import { massContentToMolarPpm } from "../units/massContentToMolarPpm.js";
import { type MassUnit } from "../units/massUnits.js";
import { massToOxideMoles } from "../units/massToOxideMoles.js";
import { molarPpmToMassContent } from "../units/molarPpmToMassContent.js";
import { MAJOR_OXIDES } from "../units/oxideFormulas.js";
import { oxideMolesToMass } from "../units/oxideMolesToMass.js";
import { oxideMolPercentToWtPercent } from "../units/oxideMolPercentToWtPercent.js";
import { oxideWtPercentToMolPercent } from "../units/oxideWtPercentToMolPercent.js";
import { POLISH_FILE, readDataFile } from "./fixtures.js";

/** Asserts |actual / expected - 1| < 5e-10. */
function expectRelativelyClose(actual: number | undefined, expected: number): void {
  expect((actual ?? Number.NaN) / expected, `${actual} vs ${expected}`).toBeCloseTo(1, 9);
}

describe("oxideWtPercentToMolPercent", () => {
  it("converts 60 wt% SiO2 and 40 wt% Al2O3", () => {
    // n(SiO2) = 60 / 60.083 = 0.998618578; n(Al2O3) = 40 / 101.961 = 0.392306862;
    // mol % = 100 * n / (n(SiO2) + n(Al2O3)), with the sum 1.390925440.
    const molPercent = oxideWtPercentToMolPercent({ SiO2: 60, Al2O3: 40 });

    expectRelativelyClose(molPercent.SiO2, 71.7952629862);
    expectRelativelyClose(molPercent.Al2O3, 28.2047370138);
  });

  it("renormalises over the given oxides only", () => {
    // Halving every content leaves the molar fractions unchanged.
    const half = oxideWtPercentToMolPercent({ SiO2: 30, Al2O3: 20 });

    expectRelativelyClose(half.SiO2, 71.7952629862);
  });

  it("keeps Fe2O3T under its own name with the molar mass of Fe2O3", () => {
    const withTotal = oxideWtPercentToMolPercent({ SiO2: 60, Fe2O3T: 10 });
    const withPlain = oxideWtPercentToMolPercent({ SiO2: 60, Fe2O3: 10 });

    expect(withTotal.Fe2O3T).toBe(withPlain.Fe2O3);
  });

  it.each([
    [
      { Al: 10 },
      /"Al" is an element, not an oxide: convert element contents with massToOxideMoles/,
    ],
    [{ SiO2: 50, LOI: 5 }, /quantity "LOI" is not an element symbol, an oxide formula/],
    [{ SiO2: -1 }, /content of SiO2 must be a finite number of zero or more, got -1/],
    [{ SiO2: Number.NaN }, /content of SiO2 must be a finite number of zero or more, got NaN/],
    [{}, /the composition is empty: give at least one oxide/],
    [{ SiO2: 0, Al2O3: 0 }, /all contents are zero \(SiO2, Al2O3, in wt%\)/],
    [
      { Fe2O3T: 8, FeO: 2 },
      /total iron "Fe2O3T" is given together with "FeO": merge .* combineIronOxides/,
    ],
  ])("rejects %j", (composition, message) => {
    expect(() => oxideWtPercentToMolPercent(composition)).toThrow(message);
  });
});

describe("oxideMolPercentToWtPercent", () => {
  it("converts 50 mol % SiO2 and 50 mol % Al2O3", () => {
    // m(SiO2) = 50 * 60.083 = 3004.15; m(Al2O3) = 50 * 101.961 = 5098.05; sum 8102.2;
    // wt% = 100 * m / sum.
    const wtPercent = oxideMolPercentToWtPercent({ SiO2: 50, Al2O3: 50 });

    expectRelativelyClose(wtPercent.SiO2, 37.0782009824);
    expectRelativelyClose(wtPercent.Al2O3, 62.9217990176);
  });

  it("round-trips random ten-oxide compositions to 1e-9", () => {
    const random = createRandom(7);
    for (let trial = 0; trial < 50; trial++) {
      // Contents spread over five decades, as MnO (0.01 %) next to SiO2 (60 %).
      const wtPercent = Object.fromEntries(
        MAJOR_OXIDES.map((oxide) => [oxide, 10 ** (random.next() * 5 - 3)]),
      );
      const sum = Object.values(wtPercent).reduce((total, value) => total + value, 0);
      const back = oxideMolPercentToWtPercent(oxideWtPercentToMolPercent(wtPercent));

      for (const oxide of MAJOR_OXIDES) {
        expectRelativelyClose(back[oxide], (100 * (wtPercent[oxide] ?? 0)) / sum);
      }
    }
  });

  it("round-trips the bundled Polish molar data to 1e-9", () => {
    const table = parseTable(readDataFile(POLISH_FILE));
    const oxideColumns = table.columns
      .map((column, j) => ({ column, j }))
      .filter(({ column }) => column.unit === "mol %");
    expect(oxideColumns).toHaveLength(10);

    for (let i = 0; i < table.values.rows; i++) {
      const molPercent = Object.fromEntries(
        oxideColumns.map(({ column, j }) => [
          column.quantity,
          table.values.data[i * table.values.columns + j] ?? 0,
        ]),
      );
      const sum = Object.values(molPercent).reduce((total, value) => total + value, 0);
      const back = oxideWtPercentToMolPercent(oxideMolPercentToWtPercent(molPercent));

      for (const [oxide, value] of Object.entries(molPercent)) {
        expectRelativelyClose(back[oxide], (100 * value) / sum);
      }
    }
  });
});

describe("massToOxideMoles", () => {
  it("converts 10 wt% Al to moles of Al2O3 per kg", () => {
    // 0.1 kg/kg * 1000 g/kg / 26.982 g/mol = 3.70617 mol Al; / 2 Al per Al2O3.
    expectRelativelyClose(massToOxideMoles(10, "Al", { unit: "wt%" }), 1.85308724335);
  });

  it("converts 50 ppm La to moles of La2O3 per kg", () => {
    // 50e-6 * 1000 / 138.91 / 2
    expectRelativelyClose(massToOxideMoles(50, "La"), 1.79972644158e-4);
  });

  it("converts 500 ppb Sm to moles of Sm2O3 per kg", () => {
    // 500e-9 * 1000 / 150.36 / 2
    expectRelativelyClose(massToOxideMoles(500, "Sm", { unit: "ppb" }), 1.66267624368e-6);
  });

  it("converts 100 ppm of CeO2 into moles of the Ce2O3 default", () => {
    // 100e-6 * 1000 / 172.118 = 5.80997e-4 mol Ce; / 2 Ce per Ce2O3.
    expectRelativelyClose(massToOxideMoles(100, "CeO2"), 2.90498379019e-4);
  });

  it("converts Ce into CeO2 when configured", () => {
    // 100e-6 * 1000 / 140.12 / 1
    expectRelativelyClose(
      massToOxideMoles(100, "Ce", { oxideFormulas: { Ce: "CeO2" } }),
      7.1367399372e-4,
    );
  });

  it.each<MassUnit>(["mg/kg", "µg/g"])("treats %s as ppm", (unit) => {
    expect(massToOxideMoles(50, "La", { unit })).toBe(massToOxideMoles(50, "La"));
  });

  it("treats ng/g as ppb", () => {
    expect(massToOxideMoles(500, "Sm", { unit: "ng/g" })).toBe(
      massToOxideMoles(500, "Sm", { unit: "ppb" }),
    );
  });

  it("round-trips every unit and quantity form to 1e-9", () => {
    const random = createRandom(11);
    const units: MassUnit[] = ["wt%", "ppm", "mg/kg", "µg/g", "ppb", "ng/g"];
    const quantities = ["La", "La2O3", "Ce", "CeO2", "Fe", "FeO", "Fe2O3T", "FeOT", "Pr6O11", "Al"];
    for (const unit of units) {
      for (const quantity of quantities) {
        const content = 10 ** (random.next() * 4);
        const moles = massToOxideMoles(content, quantity, { unit });

        expectRelativelyClose(oxideMolesToMass(moles, quantity, { unit }), content);
      }
    }
  });

  it.each([
    [-1, "La", {}, /content of La must be a finite number of zero or more, got -1/],
    [1, "La", { unit: "%" }, /unit must be one of wt%, ppm, mg\/kg, µg\/g, ppb, ng\/g, got "%"/],
    [1, "Xx", {}, /quantity "Xx" is not an element symbol/],
    [1, "Cl", {}, /element "Cl" has no default oxide formula/],
  ])("rejects content %j of %j", (content, quantity, options, message) => {
    expect(() => massToOxideMoles(content, quantity, options as { unit?: MassUnit })).toThrow(
      message,
    );
  });
});

describe("massContentToMolarPpm", () => {
  it("converts 50 ppm La against 16 mol of oxides per kg", () => {
    // 1e6 * (50e-6 * 1000 / 138.91 / 2) / 16
    const molarPpm = massContentToMolarPpm({
      content: 50,
      quantity: "La",
      totalOxideMolesPerKg: 16,
    });

    expectRelativelyClose(molarPpm, 11.2482902599);
  });

  it("matches for element and oxide masses", () => {
    // 50 ppm La is 50 * 325.817 / (2 * 138.91) = 58.6453 ppm La2O3.
    const fromElement = massContentToMolarPpm({
      content: 50,
      quantity: "La",
      totalOxideMolesPerKg: 16,
    });
    const fromOxide = massContentToMolarPpm({
      content: (50 * 325.817) / (2 * 138.91),
      quantity: "La2O3",
      totalOxideMolesPerKg: 16,
    });

    expectRelativelyClose(fromOxide, fromElement);
  });

  it("round-trips through molarPpmToMassContent to 1e-9", () => {
    const random = createRandom(3);
    for (const quantity of ["La", "Ce", "CeO2", "Eu", "Y2O3", "Sc"]) {
      const content = 1 + 200 * random.next();
      const totalOxideMolesPerKg = 10 + 10 * random.next();
      const options = { unit: "mg/kg" as const, oxideFormulas: { Eu: "EuO", Ce: "CeO2" } };
      const molarPpm = massContentToMolarPpm({ content, quantity, totalOxideMolesPerKg }, options);
      const back = molarPpmToMassContent({ molarPpm, quantity, totalOxideMolesPerKg }, options);

      expectRelativelyClose(back, content);
    }
  });

  it.each([0, -2, Number.POSITIVE_INFINITY])("rejects a total of %d mol/kg", (total) => {
    expect(() =>
      massContentToMolarPpm({ content: 50, quantity: "La", totalOxideMolesPerKg: total }),
    ).toThrow(/totalOxideMolesPerKg must be a positive number of moles of oxides per kg/);
  });

  it("rejects a negative molar ppm", () => {
    expect(() =>
      molarPpmToMassContent({ molarPpm: -1, quantity: "La", totalOxideMolesPerKg: 16 }),
    ).toThrow(/molar ppm of La must be a finite number of zero or more, got -1/);
  });
});
