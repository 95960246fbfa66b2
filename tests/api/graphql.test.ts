import { createLogger, createServer, QUERY_LIMITS } from "@ree/api";
import { createTenantPrismaClient, type PrismaClient } from "@ree/db";
import { DatasetsDocument } from "@ree/schema/documents";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importUsDemo, startSmallRun } from "../support/runs.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";

let stack: TestStack;
let datasetId: string;
const logger = createLogger({ level: "silent", pretty: false });

beforeAll(async () => {
  // No worker: the runs stay QUEUED, which is all these tests read.
  stack = await startTestStack({ worker: false });
  datasetId = await importUsDemo(stack.apiUrl);
});

afterAll(async () => {
  await stack?.stop();
});

interface RawResponse {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string; stacktrace?: string[] } }[];
  };
}

async function post(url: string, body: unknown): Promise<RawResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${stack.owner.token}`,
    },
    body: JSON.stringify(body),
  });

  return { status: response.status, body: (await response.json()) as RawResponse["body"] };
}

/** Starts a second API on the test database; `setup` runs before the server is built. */
async function withServer(
  options: { prisma?: PrismaClient; nodeEnv?: string },
  use: (url: string) => Promise<void>,
): Promise<void> {
  const previous = process.env.NODE_ENV;
  if (options.nodeEnv !== undefined) {
    process.env.NODE_ENV = options.nodeEnv;
  }

  const prisma = options.prisma ?? createTenantPrismaClient(stack.appDatabaseUrl);
  const server = await createServer({ prisma, logger });
  process.env.NODE_ENV = previous;
  try {
    await use(await server.listen(0));
  } finally {
    await server.stop();
    await prisma.$disconnect();
  }
}

describe("query limits", () => {
  it("reject too many aliases before any resolver runs", async () => {
    const imports = Array.from(
      { length: QUERY_LIMITS.maxAliases + 1 },
      (_, i) => `i${i}: importDataset(input: { name: "alias ${i}", csv: "" }) { id }`,
    );
    const before = await stack.prisma.dataset.count();
    const { status, body } = await post(stack.apiUrl, {
      query: `mutation { ${imports.join("\n")} }`,
    });

    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("QUERY_LIMIT_EXCEEDED");
    expect(body.errors?.[0]?.message).toBe("Syntax Error: Aliases limit of 15 exceeded, found 16.");
    expect(await stack.prisma.dataset.count()).toBe(before);
  });

  it("reject an operation over the cost limit", async () => {
    const page = (alias: string) =>
      `${alias}: dataset(id: $id) { samples(first: 500) { nodes { label values } } }`;
    const query = (aliases: string[]) =>
      `query Pages($id: ID!) { ${aliases.map(page).join("\n")} }`;
    const one = await post(stack.apiUrl, { query: query(["a"]), variables: { id: datasetId } });
    const three = await post(stack.apiUrl, {
      query: query(["a", "b", "c"]),
      variables: { id: datasetId },
    });

    expect(one.body.errors).toBeUndefined();
    expect(three.body.errors?.[0]?.extensions?.code).toBe("QUERY_LIMIT_EXCEEDED");
    expect(three.body.errors?.[0]?.message).toMatch(
      /^Syntax Error: Query Cost limit of 20000 exceeded/,
    );
  });

  it("reject a page size variable above the maximum", async () => {
    const lists = {
      query: "query($first: Int!) { datasets(first: $first) { totalCount } }",
      variables: { first: 501 },
    };
    const nested = {
      query:
        "query($id: ID!, $first: Int) { dataset(id: $id) { samples(first: $first) { totalCount } } }",
      variables: { id: datasetId, first: 100_000 },
    };
    const audit = { query: "{ auditEvents(first: 1001) { action } }" };
    const largest = { ...lists, variables: { first: 500 } };

    const responses = await Promise.all(
      [lists, nested, audit, largest].map((body) => post(stack.apiUrl, body)),
    );
    const [tooMany, tooManySamples, tooManyEvents, allowed] = responses as [
      RawResponse,
      RawResponse,
      RawResponse,
      RawResponse,
    ];

    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(tooMany.body.errors?.[0]?.message).toMatch(
      /^first must be an integer from 1 to 500 for Query\.datasets, got 501;/,
    );
    expect(tooManySamples.body.errors?.[0]?.message).toMatch(
      /^first must be an integer from 1 to 500 for Dataset\.samples, got 100000;/,
    );
    expect(tooManyEvents.body.errors?.[0]?.message).toMatch(
      /^first must be an integer from 1 to 1000 for Query\.auditEvents, got 1001;/,
    );
    expect(allowed.body.errors).toBeUndefined();
  });

  it("reject a batch over the batch limit", async () => {
    const operation = { query: print(DatasetsDocument) };
    const small = await post(stack.apiUrl, [operation, operation]);
    const large = await post(
      stack.apiUrl,
      Array.from({ length: QUERY_LIMITS.maxBatch + 1 }, () => operation),
    );

    expect(small.status).toBe(200);
    expect(small.body).toHaveLength(2);
    expect(large.status).toBe(400);
    expect(large.body.errors?.[0]?.extensions?.code).toBe("QUERY_LIMIT_EXCEEDED");
  });
});

describe("production mode", () => {
  const introspection = { query: "{ __schema { queryType { name } } }" };
  const failing = {
    query: 'mutation { cancelRun(id: "00000000-0000-4000-8000-000000000000") { id } }',
  };

  it("turns introspection and stack traces off", async () => {
    await withServer({ nodeEnv: "production" }, async (url) => {
      const schema = await post(url, introspection);
      const error = await post(url, failing);

      expect(schema.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(error.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      expect(error.body.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
    });
  });

  it("keeps both on in development", async () => {
    await withServer({ nodeEnv: "development" }, async (url) => {
      const schema = await post(url, introspection);
      const error = await post(url, failing);

      expect(schema.body.data).toEqual({ __schema: { queryType: { name: "Query" } } });
      expect(error.body.errors?.[0]?.extensions?.stacktrace?.length).toBeGreaterThan(0);
    });
  });
});

describe("nested fields", () => {
  it("read each kind of row in one query for any number of runs", async () => {
    for (let i = 0; i < 6; i++) {
      await startSmallRun(stack.apiUrl, datasetId, { name: `loader run ${i}` });
    }

    let queries = 0;
    const counting = createTenantPrismaClient(stack.appDatabaseUrl).$extends({
      query: {
        $allOperations({ args, query }) {
          queries++;

          return query(args);
        },
      },
    }) as unknown as PrismaClient;
    const query = `{
      runs(first: 100) { edges { node { id dataset { id name } events { kind } finishedRepetitions } } }
    }`;
    const countQueries = async (url: string) => {
      queries = 0;
      const { body } = await post(url, { query });
      const connection = body.data?.runs as
        | undefined
        | {
            edges: { node: { dataset: { id: string }; events: unknown[] } }[];
          };
      if (!connection) {
        throw new Error(`the runs query failed: ${JSON.stringify(body)}`);
      }

      return { runs: connection.edges.map((edge) => edge.node), queries };
    };

    await withServer({ prisma: counting }, async (url) => {
      const few = await countQueries(url);
      for (let i = 6; i < 12; i++) {
        await startSmallRun(stack.apiUrl, datasetId, { name: `loader run ${i}` });
      }

      const many = await countQueries(url);

      expect(few.runs.length).toBeGreaterThanOrEqual(6);
      expect(many.runs.length).toBe(few.runs.length + 6);
      expect(many.runs.every((run) => run.dataset.id === datasetId)).toBe(true);
      expect(many.runs.every((run) => run.events.length === 1)).toBe(true);
      // Authentication, the page's ids, its count and rows, then data sets, events and parts:
      // a fixed number of queries, whatever the number of runs.
      expect(many.queries).toBe(few.queries);
      expect(few.queries).toBeLessThanOrEqual(10);
    });
  });
});

describe("sample edges", () => {
  it("keep cursors valid when rows are deleted", async () => {
    const id = await importUsDemo(stack.apiUrl, "cursor demo");
    const query = `query Page($id: ID!, $after: String) {
      dataset(id: $id) { samples(first: 4, after: $after) { edges { cursor node { label } } } }
    }`;
    const page = async (after: string | null) => {
      const { body } = await post(stack.apiUrl, { query, variables: { id, after } });
      const data = body.data as {
        dataset: { samples: { edges: { cursor: string; node: { label: string } }[] } };
      };

      return data.dataset.samples.edges;
    };

    const first = await page(null);
    // The row the cursor points at and the first row of the next page go.
    await stack.prisma.sample.deleteMany({ where: { datasetId: id, label: { in: ["34", "50"] } } });
    const second = await page(first.at(-1)?.cursor ?? null);

    expect(first.map((edge) => edge.node.label)).toEqual(["13", "15", "19", "34"]);
    expect(second.map((edge) => edge.node.label)).toEqual(["57", "61", "80", "88"]);
  });
});
