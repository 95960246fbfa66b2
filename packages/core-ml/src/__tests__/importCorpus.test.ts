import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { type ImportOptions, type ImportSource } from "../import/ImportTypes.js";
import { openTableImport } from "../import/openTableImport.js";
import { readDataFile, US_DEMO_FILE } from "./fixtures.js";

const corpus = new URL("../../../../tests/fixtures/import/", import.meta.url);

interface ExpectedError {
  row?: number;
  column?: string;
  reason: string;
}

interface GoodFile {
  samples: number;
  mode: "mass" | "molar";
  options?: ImportOptions;
  sheet?: string;
  unitsRow?: boolean;
  sameAs?: string;
  except?: string[];
  metadata?: Record<string, string>;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, corpus), "utf8")) as T;
}

function source(path: string, sheet?: string): ImportSource {
  const file = new URL(path, corpus);

  return path.endsWith(".xlsx")
    ? { format: "xlsx", bytes: readFileSync(file), sheet }
    : { format: "csv", text: readFileSync(file, "utf8") };
}

async function importAll(input: ImportSource, options: ImportOptions = {}) {
  const table = await openTableImport(input, options);
  const samples = [];
  for await (const sample of table.samples()) {
    samples.push(sample);
  }

  return { table, samples, report: table.report() };
}

const bad =
  readJson<Record<string, { errors: ExpectedError[]; options?: ImportOptions }>>(
    "bad/expected.json",
  );
const good = readJson<Record<string, GoodFile>>("good/expected.json");

describe("import of the bad files", () => {
  it.each(Object.entries(bad))("rejects %s", async (file, { errors, options }) => {
    let problems;
    try {
      ({
        report: { problems },
      } = await importAll(source(`bad/${file}`), options));
    } catch (error) {
      problems = [{ severity: "error", reason: (error as Error).message }];
    }

    const found = problems.filter(({ severity }) => severity === "error");
    expect(found).toHaveLength(errors.length);
    errors.forEach((expected, k) => {
      const { reason, ...place } = expected;
      expect(found[k]).toMatchObject(place);
      expect(found[k]?.reason).toContain(reason);
    });
  });

  it("reports every problem of a file, with row, column, value and fix", async () => {
    const text = readFileSync(new URL("bad/duplicate_ids.csv", corpus), "utf8")
      .replace(",21.75,", ",1.234,")
      .replace(",46.77,", ",<0.5,");
    const { report } = await importAll({ format: "csv", text });

    expect(report.problems.map(({ row, column }) => [row, column])).toEqual([
      [2, "Al2O3 (wt%)"],
      [2, "La (ppm)"],
      [4, "Sample ID"],
    ]);
    expect(report.problems[0]).toMatchObject({
      value: "1.234",
      fix: 'declare the decimal separator ("." or ",")',
    });
    expect(report.sampleCount).toBe(2);
  });
});

describe("import of the good files", () => {
  it.each(Object.entries(good))("imports %s", async (file, expected) => {
    const { table, samples, report } = await importAll(
      source(`good/${file}`, expected.sheet),
      expected.options,
    );

    expect(report.problems.filter(({ severity }) => severity === "error")).toEqual([]);
    expect(samples).toHaveLength(expected.samples);
    expect(table.mode).toBe(expected.mode);
    expect(table.unitsRow).toBe(expected.unitsRow ?? false);
    expect(samples[0]?.metadata).toMatchObject(expected.metadata ?? {});
    for (const sample of samples) {
      const majors = table.outputColumns.flatMap(({ unit }, j) =>
        unit === "mol %" ? [sample.values[j] ?? 0] : [],
      );
      expect(majors.every((value) => value > 0)).toBe(true);
    }

    if (expected.sameAs !== undefined) {
      const reference = await importAll(source(`good/${expected.sameAs}`));
      expect(table.outputColumns).toEqual(reference.table.outputColumns);
      for (const sample of samples.filter(({ label }) => !expected.except?.includes(label))) {
        const match = reference.samples.find(({ label }) => label === sample.label);
        sample.values.forEach((value, j) => {
          expect(value).toBeCloseTo(match?.values[j] ?? NaN, 9);
        });
      }
    }
  });

  it("stores the REE total as the sum of the REE in molar ppm", async () => {
    const { table, samples } = await importAll(source("good/wide_wt_ppm.csv"));
    const total = table.outputColumns.findIndex(({ name }) => name === "REE_total_ppm_mol");
    const sample = samples[0]?.values ?? [];
    const sum = table.outputColumns.reduce(
      (acc, { role, quantity }, j) =>
        role === "TARGET" && quantity !== "REE_total" ? acc + (sample[j] ?? 0) : acc,
      0,
    );

    expect(table.outputColumns.map(({ name }) => name).slice(9, 13)).toEqual([
      "MnO_mol_pct",
      "REE_total_ppm_mol",
      "La2O3_ppm_mol",
      "CeO2_ppm_mol",
    ]);
    expect(sample[total]).toBeCloseTo(sum, 9);
  });
});

describe("conversion of mass contents", () => {
  it("gives the known molar fractions", async () => {
    // Per kg, with the abridged IUPAC 2021 atomic weights: 300.415 g SiO2 and 509.805 g
    // Al2O3 are 5 mol each; 138.91 mg La is 1 mmol of La, that is 0.5 mmol of La2O3.
    const text = "Sample,SiO2 (wt%),Al2O3 (wt%),La (mg/kg)\nK1,30.0415,50.9805,138.91\n";
    const { samples, table } = await importAll({ format: "csv", text }, { totalTolerance: null });
    const total = 5 + 5 + 0.0005;
    const values = Object.fromEntries(
      table.outputColumns.map(({ name }, j) => [name, samples[0]?.values[j]]),
    );

    expect(values.SiO2_mol_pct).toBeCloseTo((100 * 5) / total, 10);
    expect(values.Al2O3_mol_pct).toBeCloseTo((100 * 5) / total, 10);
    expect(values.La2O3_ppm_mol).toBeCloseTo((1e6 * 0.0005) / total, 8);
    expect(values.REE_total_ppm_mol).toBe(values.La2O3_ppm_mol);
  });

  it("applies the below-detection policies and never reads a mark as zero", async () => {
    const read = async (belowDetection: ImportOptions["belowDetection"], la = "<2") => {
      const text = `Sample,SiO2 (wt%),Al2O3 (wt%),La (ppm)\nA,60,30,${la}\n`;
      const { samples, report } = await importAll(
        { format: "csv", text },
        { belowDetection, totalTolerance: null },
      );

      return { value: samples[0]?.values[3], report };
    };

    const half = await read("half-limit");
    const limit = await read("limit");
    const missing = await read("missing");

    expect(half.value).toBe((await read("reject", "1")).value);
    expect(limit.value).toBe((await read("reject", "2")).value);
    expect(missing.value).toBeUndefined();
    expect(missing.report.problems[0]).toMatchObject({
      severity: "warning",
      row: 2,
      column: "La (ppm)",
    });
    expect((await read("reject")).report.errorCount).toBe(1);
  });

  it("combines two iron columns under the sum policy", async () => {
    const { table, samples, report } = await importAll(source("bad/iron_two_forms.csv"), {
      iron: "sum",
      totalTolerance: null,
    });

    expect(report.errorCount).toBe(0);
    expect(samples).toHaveLength(4);
    expect(table.outputColumns.filter(({ name }) => name.startsWith("Fe"))).toEqual([
      { name: "Fe2O3_mol_pct", quantity: "Fe2O3", unit: "mol %", role: "FEATURE" },
    ]);
  });

  it("reads the bundled molar table as it is stored", async () => {
    const text = readDataFile(US_DEMO_FILE);
    const { table, samples, report } = await importAll({ format: "csv", text });

    expect(report.errorCount).toBe(0);
    expect(table.mode).toBe("molar");
    expect(table.outputColumns[0]).toEqual({
      name: "SiO2_mol_pct",
      quantity: "SiO2",
      unit: "mol %",
      role: "FEATURE",
    });
    expect(samples[0]?.values[0]).toBe(44.8);
    expect(samples[0]?.metadata).toHaveProperty("country", "USA");
  });
});
