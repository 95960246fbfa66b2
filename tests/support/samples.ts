import { DatasetDocument } from "@ree/schema/documents";
import { expect } from "vitest";

import { graphqlData } from "./graphqlRequest.js";

/** Reads the first 500 samples of a data set with their labels, metadata and values. */
export async function readSamples(apiUrl: string, datasetId: string) {
  const { dataset } = await graphqlData(apiUrl, DatasetDocument, { id: datasetId, first: 500 });

  return dataset?.samples.nodes ?? [];
}

/**
 * Expects the samples of `copyId` to repeat those of `datasetId`: the same labels and metadata,
 * and values equal within a relative 1e-9, the rounding that an export in other units adds.
 */
export async function expectSameSamples(
  apiUrl: string,
  datasetId: string,
  copyId: string,
): Promise<void> {
  const before = await readSamples(apiUrl, datasetId);
  const after = await readSamples(apiUrl, copyId);

  expect(after.map(({ label }) => label)).toEqual(before.map(({ label }) => label));
  expect(after.map(({ metadata }) => metadata)).toEqual(before.map(({ metadata }) => metadata));
  after.forEach(({ values }, i) => {
    values.forEach((value, j) => {
      const reference = before[i]?.values[j] ?? NaN;
      expect(Math.abs(value - reference)).toBeLessThanOrEqual(1e-9 * Math.abs(reference));
    });
  });
}
