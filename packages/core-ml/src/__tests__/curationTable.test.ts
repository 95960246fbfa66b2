import { describe, expect, it } from "vitest";

import { type ContentTable, tableToMolarFractions } from "../curation/tableToMolarFractions.js";
import { TableError } from "../table/TableError.js";
import { massContentToMolarPpm } from "../units/massContentToMolarPpm.js";
import { SONG2024_OXIDE_FORMULAS } from "../units/oxideFormulas.js";

/** Asserts |actual / expected - 1| < 5e-10. */
function expectRelativelyClose(actual: number | undefined, expected: number): void {
  expect((actual ?? Number.NaN) / expected, `${actual} vs ${expected}`).toBeCloseTo(1, 9);
}

const siO2Column = { header: "SiO2 (wt%)", quantity: "SiO2", unit: "wt%" } as const;
const al2O3Column = { header: "Al2O3 (wt%)", quantity: "Al2O3", unit: "wt%" } as const;
const columns: ContentTable["columns"] = [
  siO2Column,
  al2O3Column,
  { header: "LOI", quantity: "LOI", unit: "wt%" },
  { header: "La (ppm)", quantity: "La", unit: "ppm" },
];

describe("tableToMolarFractions", () => {
  it("renormalises oxide moles per sample", () => {
    // n(SiO2) = 600 / 60.083 = 9.98618578, n(Al2O3) = 400 / 101.961 = 3.92306862,
    // n(La2O3) = 0.05 / 138.91 / 2 = 1.79972644e-4 mol per kg; total 13.9094343733.
    const result = tableToMolarFractions({ sampleIds: ["A"], columns, rows: [[60, 40, 5, 50]] });
    const [sample] = result.samples;

    expect(result.oxides).toEqual(["SiO2", "Al2O3", "La2O3"]);
    expectRelativelyClose(sample?.totalOxideMolesPerKg, 13.9094343733);
    expectRelativelyClose(sample?.fractions.SiO2, 0.717943340352);
    expectRelativelyClose(sample?.fractions.Al2O3, 0.282043720758);
    // molar ppm = 1e6 * 1.79972644e-4 / 13.9094343733
    expectRelativelyClose(1e6 * (sample?.fractions.La2O3 ?? 0), 12.9388902042);
  });

  it("sums the fractions of each sample to 1", () => {
    const result = tableToMolarFractions({
      sampleIds: ["A", "B"],
      columns,
      rows: [
        [60, 40, 5, 50],
        [45.2, 20.1, 3, 210],
      ],
    });

    for (const sample of result.samples) {
      const sum = Object.values(sample.fractions).reduce((total, value) => total + value, 0);

      expect(sum).toBeCloseTo(1, 12);
    }
  });

  it("reports the dropped LOI share by mass", () => {
    // 0.05 / (0.6 + 0.4 + 0.05 + 50e-6)
    const [sample] = tableToMolarFractions({
      sampleIds: ["A"],
      columns,
      rows: [[60, 40, 5, 50]],
    }).samples;

    expect(sample?.dropped).toEqual(["LOI"]);
    expectRelativelyClose(sample?.droppedMassShare, 0.0476167801533);
  });

  it("drops a sulfur column through its oxide SO3", () => {
    const [sample] = tableToMolarFractions({
      sampleIds: ["A"],
      columns: [siO2Column, { header: "S ppm", quantity: "S", unit: "ppm" }],
      rows: [[60, 1000]],
    }).samples;

    expect(sample?.dropped).toEqual(["S ppm"]);
    expect(sample?.fractions).toEqual({ SiO2: 1 });
  });

  it("agrees with massContentToMolarPpm against the sample's total", () => {
    const [sample] = tableToMolarFractions({
      sampleIds: ["A"],
      columns,
      rows: [[60, 40, 5, 50]],
    }).samples;
    const molarPpm = massContentToMolarPpm({
      content: 50,
      quantity: "La",
      totalOxideMolesPerKg: sample?.totalOxideMolesPerKg ?? 0,
    });

    expectRelativelyClose(1e6 * (sample?.fractions.La2O3 ?? 0), molarPpm);
  });

  it("uses the study's REE species when asked", () => {
    const result = tableToMolarFractions(
      {
        sampleIds: ["A"],
        columns: [
          siO2Column,
          { header: "Ce", quantity: "Ce", unit: "ppm" },
          { header: "Eu", quantity: "Eu", unit: "ppm" },
        ],
        rows: [[60, 100, 2]],
      },
      { oxideFormulas: SONG2024_OXIDE_FORMULAS },
    );

    expect(result.oxides).toEqual(["SiO2", "CeO2", "EuO"]);
  });

  it("omits a missing value under the omit policy", () => {
    const [sample] = tableToMolarFractions(
      { sampleIds: ["A"], columns, rows: [[60, 40, 5, null]] },
      { missing: "omit" },
    ).samples;

    expect(sample?.omitted).toEqual(["La (ppm)"]);
    expect(Object.keys(sample?.fractions ?? {})).toEqual(["SiO2", "Al2O3"]);
  });

  it("skips an empty LOI", () => {
    const [sample] = tableToMolarFractions({
      sampleIds: ["A"],
      columns,
      rows: [[60, 40, null, 50]],
    }).samples;

    expect(sample?.omitted).toEqual(["LOI"]);
    expect(sample?.droppedMassShare).toBe(0);
  });

  it("combines iron forms under the chosen policy", () => {
    const [sample] = tableToMolarFractions(
      {
        sampleIds: ["A"],
        columns: [
          siO2Column,
          { header: "FeO", quantity: "FeO", unit: "wt%" },
          { header: "Fe2O3", quantity: "Fe2O3", unit: "wt%" },
        ],
        rows: [[60, 7.1844, 5]],
      },
      { iron: "sum" },
    ).samples;

    expect(Object.keys(sample?.fractions ?? {})).toEqual(["SiO2", "Fe2O3"]);
    expect(sample?.iron).toEqual({ quantity: "Fe2O3", sources: ["FeO", "Fe2O3"], dropped: [] });
  });

  it.each<[string, ContentTable, RegExp]>([
    [
      "a missing value",
      { sampleIds: ["A"], columns, rows: [[60, 40, 5, null]] },
      /sample "A", column "La \(ppm\)": the value is missing; fill it in, or set missing to "omit"/,
    ],
    [
      "a negative content",
      { sampleIds: ["A"], columns, rows: [[60, -40, 5, 50]] },
      /sample "A", column "Al2O3 \(wt%\)": -40 is not a valid content; contents must be finite/,
    ],
    [
      "an unknown quantity",
      { sampleIds: ["A"], columns: [{ header: "Foo", quantity: "Foo", unit: "wt%" }], rows: [[1]] },
      /column "Foo": quantity "Foo" is not an element symbol/,
    ],
    [
      "an unknown unit",
      {
        sampleIds: ["A"],
        columns: [{ header: "SiO2 %", quantity: "SiO2", unit: "%" as "wt%" }],
        rows: [[1]],
      },
      /column "SiO2 %": unit must be one of wt%, ppm/,
    ],
    [
      "two columns of one element",
      {
        sampleIds: ["A"],
        columns: [al2O3Column, { header: "Al (ppm)", quantity: "Al", unit: "ppm" }],
        rows: [[40, 100]],
      },
      /columns "Al2O3 \(wt%\)" and "Al \(ppm\)" both give Al: keep one of them/,
    ],
    [
      "two iron forms without a policy",
      {
        sampleIds: ["A"],
        columns: [
          { header: "FeO", quantity: "FeO", unit: "wt%" },
          { header: "Fe2O3", quantity: "Fe2O3", unit: "wt%" },
        ],
        rows: [[2, 5]],
      },
      /sample "A": iron is given in more than one form/,
    ],
    [
      "a sample without any oxide",
      { sampleIds: ["A"], columns, rows: [[0, 0, 5, 0]] },
      /sample "A": no oxide has a positive content, so it cannot be renormalised/,
    ],
    [
      "a short row",
      { sampleIds: ["A"], columns, rows: [[60, 40]] },
      /sample "A" has 2 values but the table has 4 columns/,
    ],
    [
      "more rows than sample ids",
      {
        sampleIds: ["A"],
        columns,
        rows: [
          [60, 40, 5, 50],
          [1, 1, 1, 1],
        ],
      },
      /the table has 2 rows but 1 sample ids/,
    ],
  ])("rejects %s", (_case, table, message) => {
    expect(() => tableToMolarFractions(table)).toThrow(TableError);
    expect(() => tableToMolarFractions(table)).toThrow(message);
  });
});
