import { readFile } from "node:fs/promises";

import {
  DatasetsDocument,
  DatasetVersionsDocument,
  ExportDatasetDocument,
  ImportDatasetDocument,
  PreviewImportDocument,
} from "@ree/schema/documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlData, graphqlRequest } from "../support/graphqlRequest.js";
import { readDataFile, startSmallRun, US_DEMO_FILE, waitForRun } from "../support/runs.js";
import { expectSameSamples, readSamples } from "../support/samples.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";

const POLISH_FILE = "song2024_franus2015_polish_molar.csv";

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

function readFixture(path: string): Promise<Buffer> {
  return readFile(new URL(`../fixtures/import/${path}`, import.meta.url));
}

function sampleRows(datasetId: string) {
  return readSamples(stack.apiUrl, datasetId);
}

describe("previewImport", () => {
  it("proposes the mapping of a wt% and ppm file and stores nothing", async () => {
    const before = await stack.prisma.sample.count();
    const content = (await readFixture("good/wide_wt_ppm.csv")).toString("utf8");
    const { previewImport } = await graphqlData(stack.apiUrl, PreviewImportDocument, {
      file: { content },
    });

    expect(previewImport.mode).toBe("mass");
    expect(previewImport.report).toMatchObject({ rowCount: 5, sampleCount: 5, errorCount: 0 });
    expect(previewImport.columns.find(({ header }) => header === "SiO2 (wt.%)")).toMatchObject({
      role: "feature",
      quantity: "SiO2",
      unit: "wt%",
    });
    expect(previewImport.columns.find(({ header }) => header === "LOI (wt.%)")?.role).toBe(
      "ignored",
    );
    expect(previewImport.outputColumns[0]).toEqual({
      name: "SiO2_mol_pct",
      role: "FEATURE",
      unit: "mol %",
    });
    expect(await stack.prisma.sample.count()).toBe(before);
  });

  it("reads an XLSX sheet sent in base64", async () => {
    const content = (await readFixture("good/wide_wt_ppm.xlsx")).toString("base64");
    const { previewImport } = await graphqlData(stack.apiUrl, PreviewImportDocument, {
      file: { content, format: "XLSX", sheet: "Results" },
    });

    expect(previewImport.report).toMatchObject({ sampleCount: 5, errorCount: 0 });
  });

  it("lists every problem with row, column and fix", async () => {
    const content = (await readFixture("bad/duplicate_ids.csv"))
      .toString("utf8")
      .replace(",21.75,", ",1.234,");
    const { previewImport } = await graphqlData(stack.apiUrl, PreviewImportDocument, {
      file: { content },
    });

    expect(previewImport.report.problems).toEqual([
      expect.objectContaining({ row: 2, column: "Al2O3 (wt%)", value: "1.234" }),
      expect.objectContaining({ row: 4, column: "Sample ID", value: "CA-01" }),
    ]);
  });
});

describe("importDataset", () => {
  it("stores a wt% and ppm file in molar units with its metadata", async () => {
    const csv = (await readFixture("good/wide_wt_ppm.csv")).toString("utf8");
    const { importDataset } = await graphqlData(stack.apiUrl, ImportDatasetDocument, {
      input: { name: "lab table", csv },
    });
    const [first] = await sampleRows(importDataset.id);

    expect(importDataset.sampleCount).toBe(5);
    expect(first?.label).toBe("CA-01");
    expect(first?.metadata).toMatchObject({ "Coal rank": "Bituminous", Plant: "Plant A" });
    expect(first?.values[0]).toBeGreaterThan(50);
  });

  it("applies the user's column readings", async () => {
    const csv = "Specimen,SiO2 (wt%),Al2O3 (wt%),La (ppm),Th ppm\nA,60,30,50,12\nB,55,35,40,9\n";
    const rejected = await graphqlRequest(stack.apiUrl, ImportDatasetDocument, {
      input: { name: "overrides", csv, options: { skipTotalCheck: true } },
    });
    const { importDataset } = await graphqlData(stack.apiUrl, ImportDatasetDocument, {
      input: {
        name: "overrides",
        csv,
        options: { skipTotalCheck: true },
        columns: [{ header: "Specimen", role: "id" }],
      },
    });
    const [first] = await sampleRows(importDataset.id);

    expect(rejected.errors?.[0]?.message).toMatch(/no column gives the sample id/);
    expect(first?.label).toBe("A");
    expect(first?.metadata).toEqual({});
  });

  it("rejects a file with errors whole and stores no rows", async () => {
    const csv = (await readFixture("bad/iron_two_forms.csv")).toString("utf8");
    const before = await graphqlData(stack.apiUrl, DatasetsDocument, {});
    const samples = await stack.prisma.sample.count();
    const { errors } = await graphqlRequest(stack.apiUrl, ImportDatasetDocument, {
      input: { name: "iron twice", csv, options: { skipTotalCheck: true } },
    });
    const after = await graphqlData(stack.apiUrl, DatasetsDocument, {});

    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toMatch(
      /^line 2 \(sample "CA-01"\): .*iron.*\(and 3 more errors\)$/,
    );
    expect(errors?.[0]?.extensions?.report).toMatchObject({ errorCount: 4 });
    expect(after.datasets.totalCount).toBe(before.datasets.totalCount);
    expect(await stack.prisma.sample.count()).toBe(samples);
  });

  it("imports into an existing data set as its next version", async () => {
    const csv = (await readFixture("good/wide_wt_ppm.csv")).toString("utf8");
    const { importDataset: first } = await graphqlData(stack.apiUrl, ImportDatasetDocument, {
      input: { name: "versioned", csv },
    });
    const fewer = csv.split("\n").slice(0, 3).join("\n");
    const { importDataset: second } = await graphqlData(stack.apiUrl, ImportDatasetDocument, {
      input: { datasetId: first.id, csv: fewer },
    });
    const { dataset } = await graphqlData(stack.apiUrl, DatasetVersionsDocument, { id: first.id });

    expect(second.id).toBe(first.id);
    expect(second.sampleCount).toBe(2);
    expect(dataset?.version).toBe(2);
    expect(dataset?.versions.map(({ number, sampleCount }) => [number, sampleCount])).toEqual([
      [2, 2],
      [1, 5],
    ]);
    expect(await sampleRows(first.id)).toHaveLength(2);
  });
});

describe("data set versions", () => {
  it("trains a run on the version it was started on", async () => {
    const csv = await readDataFile(US_DEMO_FILE);
    const { importDataset: dataset } = await graphqlData(stack.apiUrl, ImportDatasetDocument, {
      input: { name: "run version", csv },
    });
    const runId = await startSmallRun(stack.apiUrl, dataset.id);
    await graphqlData(stack.apiUrl, ImportDatasetDocument, {
      input: { datasetId: dataset.id, csv: csv.split("\n").slice(0, 6).join("\n") },
    });
    const run = await waitForRun(stack.apiUrl, runId);
    const stored = await stack.prisma.run.findUnique({
      where: { id: runId },
      include: { datasetVersion: true, models: true },
    });

    expect(run.status).toBe("SUCCEEDED");
    expect(stored?.datasetVersion?.number).toBe(1);
    // Version 1 has the 10 samples of the file, version 2 the first 5.
    expect((stored?.results as { labels: string[] } | null)?.labels).toHaveLength(10);
    expect(stored?.models.map(({ datasetVersionId }) => datasetVersionId)).toEqual(
      stored?.models.map(() => stored.datasetVersionId),
    );
    expect(stored?.models.length).toBeGreaterThan(0);
  });
});

describe("exportDataset", () => {
  it.each([
    [US_DEMO_FILE, "MOLAR"],
    [US_DEMO_FILE, "MASS"],
    [POLISH_FILE, "MOLAR"],
    [POLISH_FILE, "MASS"],
  ] as const)("exports %s in %s units that re-import to the same numbers", async (file, units) => {
    const csv = await readDataFile(file);
    const { importDataset: stored } = await graphqlData(stack.apiUrl, ImportDatasetDocument, {
      input: { name: `${file} ${units}`, csv },
    });
    const { exportDataset } = await graphqlData(stack.apiUrl, ExportDatasetDocument, {
      id: stored.id,
      units,
    });
    const { importDataset: again } = await graphqlData(stack.apiUrl, ImportDatasetDocument, {
      input: { name: `${file} ${units} again`, csv: exportDataset },
    });

    await expectSameSamples(stack.apiUrl, stored.id, again.id);
  });
});
