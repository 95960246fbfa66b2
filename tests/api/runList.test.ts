import { TOTAL_REE_COLUMN } from "@ree/core-ml";
import {
  RunsDocument,
  type RunSortField,
  type RunsResult,
  type RunsVariables,
  type RunStatus,
} from "@ree/schema/documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlData, graphqlRequest } from "../support/graphqlRequest.js";
import { importUsDemo, startSmallRun, waitForRun } from "../support/runs.js";
import { seedRuns, type SeedRun } from "../support/seedRuns.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";

const STATUSES: RunStatus[] = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED"];
const SORT_FIELDS: RunSortField[] = ["CREATED_AT", "NAME", "STATUS", "DATASET", "TEST_R2_TOTAL"];

let stack: TestStack;
let seeded: (SeedRun & { id: string; datasetName: string })[];
let alphaId: string;

beforeAll(async () => {
  stack = await startTestStack();
  alphaId = await importUsDemo(stack.apiUrl, "alphaset");
  const betaId = await importUsDemo(stack.apiUrl, "betaset");

  // 30 runs whose keys repeat, so that every order needs its id tie-break: 4 statuses, 2 data
  // sets, 3 creation times, R2 with ties and nulls. Names use lowercase letters and digits only,
  // which every collation orders as JavaScript does.
  const runs: (SeedRun & { datasetName: string })[] = Array.from({ length: 30 }, (_, i) => ({
    datasetId: i % 3 === 0 ? betaId : alphaId,
    datasetName: i % 3 === 0 ? "betaset" : "alphaset",
    name: `run${String(i % 12).padStart(2, "0")}${i % 5 === 0 ? "x" : "y"}`,
    status: STATUSES[i % 4]!,
    task: i % 7 === 0 ? "GRID_SEARCH" : "EVALUATION",
    testR2Total: i % 4 === 2 ? [0.91, 0.5, -0.25][i % 3]! : null,
    createdAt: new Date(Date.UTC(2026, 0, 1 + (i % 3))),
  }));
  const ids = await seedRuns(stack.prisma, runs);
  seeded = runs.map((run, i) => ({ ...run, id: ids[i]! }));
});

afterAll(async () => {
  await stack?.stop();
});

/** Follows the cursors to the end, `first` runs at a time, and returns the ids in order. */
async function listAll(variables: RunsVariables, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const { runs }: RunsResult = await graphqlData(stack.apiUrl, RunsDocument, {
      ...variables,
      first,
      after,
    });
    ids.push(...runs.edges.map((edge) => edge.node.id));
    if (!runs.pageInfo.hasNextPage) {
      return ids;
    }

    after = runs.pageInfo.endCursor;
  }

  throw new Error("more than 100 pages");
}

type Seeded = (typeof seeded)[number];

/** Sorts the runs as the API must: by key, then id, with a missing R2 last either way. */
function expectedOrder(runs: readonly Seeded[], field: RunSortField, descending: boolean) {
  const key = (run: Seeded): number | string => {
    switch (field) {
      case "CREATED_AT":
        return run.createdAt.getTime();
      case "NAME":
        return run.name;
      case "STATUS":
        return STATUSES.indexOf(run.status);
      case "DATASET":
        return run.datasetName;
      case "TEST_R2_TOTAL":
        return run.testR2Total ?? (descending ? -Infinity : Infinity);
    }
  };

  const sign = descending ? -1 : 1;

  return [...runs]
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      if (ka !== kb) {
        return ka < kb ? -sign : sign;
      }

      return a.id < b.id ? -sign : sign;
    })
    .map((run) => run.id);
}

describe("runs connection", () => {
  it.each(SORT_FIELDS.flatMap((field) => [[field, false] as const, [field, true] as const]))(
    "pages through every run in %s order (descending: %s)",
    async (field, descending) => {
      const ids = await listAll({ orderBy: { field, descending } }, 7);

      expect(ids).toEqual(expectedOrder(seeded, field, descending));
    },
  );

  it("lists the newest first by default", async () => {
    const { runs } = await graphqlData(stack.apiUrl, RunsDocument, { first: 3 });

    expect(runs.totalCount).toBe(30);
    expect(runs.edges.map((edge) => edge.node.id)).toEqual(
      expectedOrder(seeded, "CREATED_AT", true).slice(0, 3),
    );
  });

  it("filters by status, task, data set and name", async () => {
    const filter = {
      statuses: ["QUEUED", "FAILED"] as RunStatus[],
      tasks: ["EVALUATION" as const],
      datasetIds: [alphaId],
      nameContains: "Y",
    };
    const { runs } = await graphqlData(stack.apiUrl, RunsDocument, { first: 50, filter });
    const expected = seeded.filter(
      (run) =>
        (run.status === "QUEUED" || run.status === "FAILED") &&
        run.task === "EVALUATION" &&
        run.datasetId === alphaId &&
        run.name.includes("y"),
    );

    expect(expected.length).toBeGreaterThan(2);
    expect(runs.totalCount).toBe(expected.length);
    expect(new Set(runs.edges.map((edge) => edge.node.id))).toEqual(
      new Set(expected.map((run) => run.id)),
    );
    expect(runs.edges.every((edge) => edge.node.config.task === "EVALUATION")).toBe(true);
  });

  it("searches names literally", async () => {
    const { runs } = await graphqlData(stack.apiUrl, RunsDocument, {
      filter: { nameContains: "run_" },
    });

    expect(runs.totalCount).toBe(0);
  });

  it("keeps cursors valid after deletions", async () => {
    const order = { field: "NAME" as const, descending: false };
    const all = expectedOrder(seeded, "NAME", false);
    const { runs: first } = await graphqlData(stack.apiUrl, RunsDocument, {
      first: 5,
      orderBy: order,
    });
    // Deletes the first run and the cursor's own run, as another user might meanwhile.
    const deleted = [all[0]!, all[4]!];
    await stack.prisma.run.deleteMany({ where: { id: { in: deleted } } });
    const { runs: second } = await graphqlData(stack.apiUrl, RunsDocument, {
      first: 5,
      orderBy: order,
      after: first.pageInfo.endCursor,
    });
    seeded = seeded.filter((run) => !deleted.includes(run.id));

    expect(first.edges.map((edge) => edge.node.id)).toEqual(all.slice(0, 5));
    expect(second.edges.map((edge) => edge.node.id)).toEqual(all.slice(5, 10));
    expect(second.totalCount).toBe(28);
  });

  it("rejects foreign and forged cursors", async () => {
    const { runs } = await graphqlData(stack.apiUrl, RunsDocument, { first: 2 });
    const other = await graphqlRequest(stack.apiUrl, RunsDocument, {
      after: runs.pageInfo.endCursor,
      orderBy: { field: "NAME" },
    });
    const forged = await graphqlRequest(stack.apiUrl, RunsDocument, { after: "bm90IGEgY3Vyc29y" });

    expect(other.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(other.errors?.[0]?.message).toMatch(/request the first page again/);
    expect(forged.errors?.[0]?.message).toMatch(/is not a cursor returned by this API/);
  });

  it("rejects invalid page sizes and ids", async () => {
    const big = await graphqlRequest(stack.apiUrl, RunsDocument, { first: 501 });
    const badId = await graphqlRequest(stack.apiUrl, RunsDocument, {
      filter: { datasetIds: ["alphaset"] },
    });

    expect(big.errors?.[0]?.message).toMatch(
      /^first must be an integer from 1 to 500 for Query\.runs, got 501;/,
    );
    expect(badId.errors?.[0]?.message).toMatch(/filter.datasetIds: "alphaset" is not a valid id/);
  });

  it("stores the best test R2", async () => {
    const id = await startSmallRun(stack.apiUrl, alphaId);
    const run = await waitForRun(stack.apiUrl, id);
    const best = Math.max(
      ...run.results.map(
        (result) =>
          result.metrics.find((m) => m.target === TOTAL_REE_COLUMN && m.split === "TEST")?.r2
            .mean ?? -Infinity,
      ),
    );
    const { runs } = await graphqlData(stack.apiUrl, RunsDocument, { filter: { ids: [id] } });

    expect(run.status).toBe("SUCCEEDED");
    expect(runs.edges[0]?.node.testR2Total).toBeCloseTo(best, 12);
  });
});
