import { DatasetDocument } from "@ree/schema/documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlData, graphqlRequest } from "../support/graphqlRequest.js";
import { importUsDemo } from "../support/runs.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";

let stack: TestStack;
let datasetId: string;
/** Labels of the demo data set in table order, read from the database. */
let labels: string[];

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  datasetId = await importUsDemo(stack.apiUrl, "page starts");
  const rows = await stack.prisma.sample.findMany({
    where: { datasetId },
    orderBy: { position: "asc" },
    select: { label: true },
  });
  labels = rows.map((row) => row.label);
});

afterAll(async () => {
  await stack?.stop();
});

/** Labels of one page of samples of the demo data set. */
async function pageLabels(variables: { first: number; row?: number; label?: string }) {
  const { dataset } = await graphqlData(stack.apiUrl, DatasetDocument, {
    id: datasetId,
    ...variables,
  });

  return dataset?.samples.nodes.map((node) => node.label);
}

/** The first error message of a page request. */
async function pageError(variables: { first: number; row?: number; label?: string }) {
  const { errors } = await graphqlRequest(stack.apiUrl, DatasetDocument, {
    id: datasetId,
    ...variables,
  });

  return errors?.[0]?.message;
}

describe("sample pages", () => {
  it("start at a row number, counted from 1", async () => {
    expect(labels.length).toBe(10);
    expect(await pageLabels({ first: 3, row: 1 })).toEqual(labels.slice(0, 3));
    expect(await pageLabels({ first: 3, row: 5 })).toEqual(labels.slice(4, 7));
    expect(await pageLabels({ first: 3, row: 9 })).toEqual(labels.slice(8));
  });

  it("start at the sample with a label", async () => {
    const label = labels[6] ?? "";

    expect(await pageLabels({ first: 2, label })).toEqual(labels.slice(6, 8));
  });

  it("name a row or label that does not exist", async () => {
    expect(await pageError({ first: 3, row: 11 })).toBe(
      "row 11 does not exist: page starts has rows 1 to 10; give a row number in that range",
    );
    expect(await pageError({ first: 3, row: 0 })).toContain("row 0 does not exist");
    expect(await pageError({ first: 3, label: "no such ash" })).toBe(
      'no sample has the label "no such ash" in page starts; labels match exactly, ' +
        "case and spaces included",
    );
  });

  it("refuse a row together with a label", async () => {
    expect(await pageError({ first: 3, row: 2, label: labels[0] ?? "" })).toBe(
      "give at most one of after, row and label",
    );
  });
});
