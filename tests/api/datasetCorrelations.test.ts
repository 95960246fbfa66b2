import { correlationMatrix, getColumn, parseTable } from "@ree/core-ml";
import { DatasetCorrelationsDocument } from "@ree/schema/documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlData } from "../support/graphqlRequest.js";
import { importUsDemo, readDataFile, US_DEMO_FILE } from "../support/runs.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";

let stack: TestStack;
let datasetId: string;

beforeAll(async () => {
  stack = await startTestStack();
  datasetId = await importUsDemo(stack.apiUrl);
});

afterAll(async () => {
  await stack?.stop();
});

describe("data set correlations", () => {
  it.each(["PEARSON", "SPEARMAN"] as const)(
    "serves the %s matrix of the stored table",
    async (method) => {
      const table = parseTable(await readDataFile(US_DEMO_FILE));
      const { dataset } = await graphqlData(stack.apiUrl, DatasetCorrelationsDocument, {
        id: datasetId,
        method,
      });
      const matrix = dataset?.correlations;
      const columns = matrix?.columns ?? [];
      const expected = correlationMatrix(
        columns.map((name) =>
          getColumn(
            table.values,
            table.columns.findIndex((c) => c.name === name),
          ),
        ),
        { method },
      ).flat();

      expect(matrix?.method).toBe(method);
      expect(matrix?.sampleCount).toBe(10);
      expect(matrix?.featureCount).toBe(10);
      expect(columns).toHaveLength(27);
      expect(columns.slice(0, 2)).toEqual(["SiO2_mol_pct", "Al2O3_mol_pct"]);
      expect(columns[10]).toBe("REE_total_ppm_mol");
      expect(matrix?.values).toHaveLength(27 * 27);
      matrix?.values.forEach((value, index) => {
        expect(value, `entry ${index}`).toBeCloseTo(expected[index] ?? Number.NaN, 12);
      });
    },
  );
});
