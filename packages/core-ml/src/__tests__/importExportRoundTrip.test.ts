import { describe, expect, it } from "vitest";

import { type ExportUnits, writeDatasetCsv } from "../import/writeDatasetCsv.js";
import { openTableImport } from "../import/openTableImport.js";
import { POLISH_FILE, readDataFile, US_DEMO_FILE } from "./fixtures.js";

async function importCsv(text: string) {
  const table = await openTableImport({ format: "csv", text }, { totalTolerance: null });
  const samples = [];
  for await (const sample of table.samples()) {
    samples.push(sample);
  }

  return { columns: table.outputColumns, samples, report: table.report() };
}

function expectSameNumbers(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, j) => {
    const reference = expected[j] ?? NaN;
    expect(Math.abs(value - reference)).toBeLessThanOrEqual(1e-9 * Math.abs(reference));
  });
}

describe("export and import of the bundled data sets", () => {
  it.each([
    [US_DEMO_FILE, "molar"],
    [US_DEMO_FILE, "mass"],
    [POLISH_FILE, "molar"],
    [POLISH_FILE, "mass"],
  ] as [string, ExportUnits][])(
    "%s in %s units gives the stored numbers back",
    async (file, units) => {
      const stored = await importCsv(readDataFile(file));
      const metadataColumns = Object.keys(stored.samples[0]?.metadata ?? {});
      const csv = [
        ...writeDatasetCsv(stored.columns, stored.samples, { units, metadataColumns }),
      ].join("");
      const again = await importCsv(csv);

      expect(again.report.problems).toEqual([]);
      expect(again.columns).toEqual(stored.columns);
      again.samples.forEach((sample, i) => {
        expect(sample.label).toBe(stored.samples[i]?.label);
        expect(sample.metadata).toEqual(stored.samples[i]?.metadata);
        expectSameNumbers(sample.values, stored.samples[i]?.values ?? []);
      });
    },
  );

  it("writes oxides in wt% and the REE in ppm of the element", () => {
    const columns = [
      { name: "SiO2_mol_pct", quantity: "SiO2", unit: "mol %", role: "FEATURE" as const },
      { name: "La2O3_ppm_mol", quantity: "La2O3", unit: "ppm (molar)", role: "TARGET" as const },
    ];
    // 1 mol of oxides: 0.9999 mol SiO2 (60.077 g) and 1e-4 mol La2O3 (2e-4 mol La, 0.02778 g).
    const [header, row] = writeDatasetCsv(
      columns,
      [{ label: "A", values: [99.99, 100], metadata: {} }],
      { units: "mass" },
    );
    const [, silica = 0, lanthanum = 0, oxideSum = 0] = (row ?? "").trim().split(",").map(Number);
    const siO2Grams = 0.9999 * 60.083;
    const la2O3Grams = 1e-4 * (2 * 138.91 + 3 * 15.999);

    expect(header).toBe("sample_id,SiO2 (wt%),La (ppm),oxide_sum_mol_pct\n");
    expect(silica).toBeCloseTo((100 * siO2Grams) / (siO2Grams + la2O3Grams), 10);
    expect(lanthanum).toBeCloseTo((1e6 * 2e-4 * 138.91) / (siO2Grams + la2O3Grams), 6);
    expect(oxideSum).toBeCloseTo(100, 12);
  });
});
