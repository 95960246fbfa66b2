import { createLogger, seedStudyModels } from "@ree/api";
import type { Prisma } from "@ree/db";
import {
  DatasetPickerDocument,
  DatasetsDocument,
  type ListPage,
  type ListVariables,
  type ModelKind,
  ModelPickerDocument,
  type ModelPickerVariables,
  ModelsDocument,
} from "@ree/schema/documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlData, graphqlRequest } from "../support/graphqlRequest.js";
import { importUsDemo } from "../support/runs.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";

interface Row {
  id: string;
  createdAt: Date;
}

/** Each list with its rows, read past row-level security, and its delete. */
interface List {
  name: "datasets" | "models";
  rows: () => Promise<Row[]>;
  remove: (ids: string[]) => Promise<unknown>;
}

let stack: TestStack;
let lists: List[];

/** Sorts ids newest first, ties broken by id in the same direction (PostgreSQL's uuid order). */
function newestFirst(rows: Row[]): string[] {
  return [...rows]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((row) => row.id);
}

/** Fetches one page of a list by its name. */
async function page(name: List["name"], variables: ListVariables) {
  const result =
    name === "datasets"
      ? (await graphqlData(stack.apiUrl, DatasetsDocument, variables)).datasets
      : (await graphqlData(stack.apiUrl, ModelsDocument, variables)).models;

  return { ...result, ids: result.edges.map((edge) => edge.node.id) };
}

/** Fetches one page of a list and returns its errors. */
async function pageErrors(name: List["name"], variables: ListVariables) {
  const { errors } =
    name === "datasets"
      ? await graphqlRequest(stack.apiUrl, DatasetsDocument, variables)
      : await graphqlRequest(stack.apiUrl, ModelsDocument, variables);

  return errors;
}

/** Follows the cursors to the end, `first` rows at a time, and returns the ids in order. */
async function listAll(name: List["name"], first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const result = await page(name, { first, after });
    ids.push(...result.ids);
    if (!result.pageInfo.hasNextPage) {
      return ids;
    }

    after = result.pageInfo.endCursor;
  }

  throw new Error(`${name} did not end within 100 pages`);
}

beforeAll(async () => {
  stack = await startTestStack();
  for (const name of ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]) {
    await importUsDemo(stack.apiUrl, name);
  }

  await seedStudyModels(stack.prisma, stack.organizationId, createLogger({ level: "silent" }));
  const source = await stack.prisma.model.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
  for (let copy = 1; copy <= 4; copy++) {
    await stack.prisma.model.create({
      data: {
        organizationId: stack.organizationId,
        name: `copy ${copy}`,
        kind: source.kind,
        artifact: source.artifact as Prisma.InputJsonValue,
      },
    });
  }

  // Three rows of each list share a creation time, so that the pages need the id tie-break.
  const tie = new Date(Date.UTC(2026, 0, 1));
  const datasets = await stack.prisma.dataset.findMany({ select: { id: true }, take: 3 });
  const models = await stack.prisma.model.findMany({ select: { id: true }, take: 3 });
  await stack.prisma.dataset.updateMany({
    where: { id: { in: datasets.map((row) => row.id) } },
    data: { createdAt: tie },
  });
  await stack.prisma.model.updateMany({
    where: { id: { in: models.map((row) => row.id) } },
    data: { createdAt: tie },
  });

  const select = { id: true, createdAt: true } as const;
  lists = [
    {
      name: "datasets",
      rows: () => stack.prisma.dataset.findMany({ select }),
      remove: (ids) => stack.prisma.dataset.deleteMany({ where: { id: { in: ids } } }),
    },
    {
      name: "models",
      rows: () => stack.prisma.model.findMany({ select }),
      remove: (ids) => stack.prisma.model.deleteMany({ where: { id: { in: ids } } }),
    },
  ];
});

afterAll(async () => {
  await stack?.stop();
});

describe.each(["datasets", "models"] as const)("the %s connection", (name) => {
  const list = () => lists.find((candidate) => candidate.name === name)!;

  it("pages through every row in order", async () => {
    const expected = newestFirst(await list().rows());
    const first = await page(name, { first: 2 });

    expect(expected.length).toBeGreaterThanOrEqual(6);
    expect(await listAll(name, 2)).toEqual(expected);
    expect(first.totalCount).toBe(expected.length);
    expect(first.edges.at(-1)?.cursor).toBe(first.pageInfo.endCursor);
  });

  it("survives deleting the cursor's row", async () => {
    const expected = newestFirst(await list().rows());
    const first = await page(name, { first: 2 });
    // Deletes the cursor's own row and the first row of the next page, as another user might.
    await list().remove([expected[1]!, expected[2]!]);
    const second = await page(name, { first: 2, after: first.pageInfo.endCursor });

    expect(first.ids).toEqual(expected.slice(0, 2));
    expect(second.ids).toEqual(expected.slice(3, 5));
    expect(second.totalCount).toBe(expected.length - 2);
  });

  it("rejects page sizes outside 1 to 500", async () => {
    for (const first of [0, 501, -3]) {
      const errors = await pageErrors(name, { first });

      expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(errors?.[0]?.message).toMatch(
        new RegExp(`^first must be an integer from 1 to 500 for Query\\.\\w+, got ${first};`),
      );
    }
  });

  it("rejects forged and foreign cursors", async () => {
    const other = name === "datasets" ? "models" : "datasets";
    const { pageInfo } = await page(other, { first: 1 });
    const [key, id] = JSON.parse(Buffer.from(pageInfo.endCursor!, "base64url").toString()).slice(
      1,
    ) as [string, string];
    const cursors = {
      foreign: pageInfo.endCursor!,
      garbage: "bm90IGEgY3Vyc29y",
      badTime: Buffer.from(JSON.stringify([name, "yesterday", id])).toString("base64url"),
      badId: Buffer.from(JSON.stringify([name, key, "1 OR 1=1"])).toString("base64url"),
    };

    for (const [kind, after] of Object.entries(cursors)) {
      const errors = await pageErrors(name, { first: 2, after });

      expect(errors?.[0]?.extensions?.code, kind).toBe("BAD_USER_INPUT");
      expect(errors?.[0]?.message, kind).toMatch(/^after: /);
    }
  });
});

/** Follows the cursors of a filtered list to the end and returns the names in order. */
async function filteredNames(
  name: List["name"],
  variables: ModelPickerVariables,
): Promise<{ names: string[]; totalCount: number }> {
  const names: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const result: ListPage<{ name: string }> =
      name === "datasets"
        ? (await graphqlData(stack.apiUrl, DatasetPickerDocument, { ...variables, after })).datasets
        : (await graphqlData(stack.apiUrl, ModelPickerDocument, { ...variables, after })).models;
    names.push(...result.edges.map((edge) => edge.node.name));
    if (!result.pageInfo.hasNextPage) {
      return { names, totalCount: result.totalCount };
    }

    after = result.pageInfo.endCursor;
  }

  throw new Error(`${name} did not end within 100 pages`);
}

describe("the name filter", () => {
  it("matches data set names ignoring case", async () => {
    const rows = await stack.prisma.dataset.findMany({
      where: { name: { contains: "eta", mode: "insensitive" } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    const { names, totalCount } = await filteredNames("datasets", { first: 1, name: " ETA " });

    expect(names.length).toBeGreaterThanOrEqual(1);
    expect(names).toEqual(rows.map((row) => row.name));
    expect(totalCount).toBe(rows.length);
  });

  it("matches model names and kinds together", async () => {
    const order = [{ createdAt: "desc" }, { id: "desc" }] as const;
    const copies = await stack.prisma.model.findMany({
      where: { name: { startsWith: "copy " } },
      orderBy: [...order],
    });
    const kind = copies[0]!.kind as ModelKind;
    const otherKind = kind === "LINEAR" ? "MULTI_TASK" : "LINEAR";
    const found = await filteredNames("models", { first: 1, name: "COPY" });

    expect(copies.length).toBeGreaterThanOrEqual(2);
    expect(found.names).toEqual(copies.map((row) => row.name));
    expect(found.totalCount).toBe(copies.length);
    expect((await filteredNames("models", { first: 1, name: "copy", kind })).names).toEqual(
      found.names,
    );
    expect(
      (await filteredNames("models", { first: 1, name: "copy", kind: otherKind })).names,
    ).toEqual([]);
  });

  it("keeps every row for a blank filter", async () => {
    const { totalCount } = await filteredNames("datasets", { first: 500, name: "  " });

    expect(totalCount).toBe(await stack.prisma.dataset.count());
  });

  it("rejects a filter over 200 characters", async () => {
    const { errors } = await graphqlRequest(stack.apiUrl, DatasetPickerDocument, {
      first: 5,
      name: "a".repeat(201),
    });

    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toMatch(/^name must have at most 200 characters, got 201;/);
  });
});
