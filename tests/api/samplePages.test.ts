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

/** Requests one page of samples of the demo data set and returns its labels. */
async function pageLabels(variables: { first: number; row?: number; label?: string }) {
  const { dataset } = await graphqlData(stack.apiUrl, DatasetDocument, {
    id: datasetId,
    ...variables,
  });

  return dataset?.samples.nodes.map((node) => node.label);
}

/** Requests one page of samples and returns its first error message. */
async function pageError(variables: { first: number; row?: number; label?: string }) {
  const { errors } = await graphqlRequest(stack.apiUrl, DatasetDocument, {
    id: datasetId,
    ...variables,
  });

  return errors?.[0]?.message;
}

describe("sample pages", () => {
  it("start at a row number", async () => {
    expect(labels.length).toBe(10);
    expect(await pageLabels({ first: 3, row: 1 })).toEqual(labels.slice(0, 3));
    expect(await pageLabels({ first: 3, row: 5 })).toEqual(labels.slice(4, 7));
    expect(await pageLabels({ first: 3, row: 9 })).toEqual(labels.slice(8));
  });

  it("start at a label", async () => {
    const label = labels[6] ?? "";

    expect(await pageLabels({ first: 2, label })).toEqual(labels.slice(6, 8));
  });

  it("name a missing row or label", async () => {
    expect(await pageError({ first: 3, row: 11 })).toBe(
      "row 11 is out of range: page starts has rows 1 to 10, so give a row number in that range",
    );
    expect(await pageError({ first: 3, row: 0 })).toContain("row 0 is out of range");
    expect(await pageError({ first: 3, label: "no such ash" })).toBe(
      'sample label "no such ash" not found in page starts. Labels match exactly, ' +
        "including case and spaces.",
    );
  });

  it("reject a row with a label", async () => {
    expect(await pageError({ first: 3, row: 2, label: labels[0] ?? "" })).toBe(
      "invalid page start: give only one of after, row and label",
    );
  });
});
