import { randomInt } from "node:crypto";

import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse } from "graphql";
import { ensureWorkerRole, runAsTenant, type Role } from "@ree/db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlData, graphqlRequest } from "../support/graphqlRequest.js";
import { importUsDemo, startSmallRun, waitForRun } from "../support/runs.js";
import { startTestStack, type TestStack, type TestUser } from "../support/startTestStack.js";

interface Lab {
  organizationId: string;
  users: (TestUser & { role: Role })[];
  datasetId: string;
  runId: string;
  modelId: string;
}

const ROLES: Role[] = ["OWNER", "EDITOR", "VIEWER"];
let stack: TestStack;
const labs: Lab[] = [];

/** Every operation that takes a resource id, read or write, with the id it is given. */
const OPERATIONS = [
  { name: "dataset", source: "query($id: ID!) { dataset(id: $id) { id name } }" },
  {
    name: "samples",
    source: "query($id: ID!) { dataset(id: $id) { samples(first: 500) { nodes { label } } } }",
  },
  { name: "run", source: "query($id: ID!) { run(id: $id) { id results { modelId } } }" },
  { name: "runDataset", source: "query($id: ID!) { run(id: $id) { dataset { id } } }" },
  {
    name: "predict",
    source:
      "mutation($id: ID!) { predict(modelId: $id, compositions: " +
      '[{ oxides: [{ oxide: "SiO2", molPercent: 50 }] }]) { label } }',
  },
  {
    name: "startRun",
    source: "mutation($id: ID!) { startRun(config: { datasetId: $id, repetitions: 2 }) { id } }",
  },
  {
    name: "share",
    source:
      "mutation($id: ID!) { share(input: { resourceType: DATASET, resourceId: $id, " +
      'granteeOrganizationSlug: "default" }) { id } }',
  },
  { name: "revokeApiToken", source: "mutation($id: ID!) { revokeApiToken(id: $id) { id } }" },
  { name: "revokeShare", source: "mutation($id: ID!) { revokeShare(id: $id) { id } }" },
] as const;

const PAGE = "(first: 500) { edges { node { id } } }";
const LISTS = `{ datasets${PAGE} runs${PAGE} models${PAGE} }`;

beforeAll(async () => {
  stack = await startTestStack();
  for (let lab = 0; lab < 3; lab++) {
    const organization = await stack.prisma.organization.create({
      data: { slug: `lab-${lab}`, name: `Lab ${lab}` },
    });
    const users = [];
    for (const role of ROLES) {
      users.push({ ...(await stack.createUser(organization.id, role)), role });
    }

    const owner = users[0] as TestUser;
    const datasetId = await importUsDemo(stack.apiUrl, `Lab ${lab} coal ashes`, owner.token);
    const runId = await startSmallRun(stack.apiUrl, datasetId, { models: ["LINEAR"] }, owner.token);
    const run = await waitForRun(stack.apiUrl, runId, undefined, owner.token);
    labs.push({
      organizationId: organization.id,
      users,
      datasetId,
      runId,
      modelId: run.results[0]?.modelId ?? "",
    });
  }
});

afterAll(async () => {
  await stack?.stop();
});

describe("tenant isolation", () => {
  it("lets no user read or write another lab's data, in random order", async () => {
    const attempts = labs.flatMap((lab) =>
      lab.users.flatMap((user) =>
        labs.flatMap((target) =>
          OPERATIONS.flatMap((operation) =>
            [target.datasetId, target.runId, target.modelId].map((id) => ({
              lab,
              user,
              target,
              operation,
              id,
            })),
          ),
        ),
      ),
    );
    shuffle(attempts);

    const leaks: string[] = [];
    for (const { lab, user, target, operation, id } of attempts) {
      const response = await graphqlRequest(
        stack.apiUrl,
        typedDocument<Record<string, unknown>, { id: string }>(operation.source),
        { id },
        user.token,
      );
      const succeeded = !response.errors?.length && hasData(response.data);
      if (target !== lab && succeeded) {
        leaks.push(`${user.email} (${user.role}) ${operation.name} ${id}`);
      }

      if (target !== lab && response.errors?.length) {
        expect(response.errors[0]?.extensions?.code, operation.name).toMatch(
          /^(NOT_FOUND|FORBIDDEN)$/,
        );
      }
    }

    for (const lab of labs) {
      for (const user of lab.users) {
        const data = await graphqlData(
          stack.apiUrl,
          typedDocument<
            Record<string, { edges: { node: { id: string } }[] }>,
            Record<string, never>
          >(LISTS),
          {},
          user.token,
        );
        const ids = Object.values(data).flatMap(({ edges }) => edges.map((edge) => edge.node.id));
        const foreign = labs.filter((other) => other !== lab).flatMap(ownIds);
        leaks.push(
          ...ids.filter((id) => foreign.includes(id)).map((id) => `${user.email} lists ${id}`),
        );
      }
    }

    const writes = await stack.prisma.auditEvent.findMany();
    const crossWrites = writes.filter((event) =>
      labs.some(
        (lab) =>
          lab.organizationId !== event.organizationId && ownIds(lab).includes(event.resourceId),
      ),
    );

    process.stdout.write(`isolation: ${attempts.length} attempts, ${leaks.length} leaks\n`);
    expect(attempts.length).toBe(3 * 3 * 3 * OPERATIONS.length * 3);
    expect(leaks).toEqual([]);
    expect(crossWrites).toEqual([]);
  });

  it("shows a shared data set until the share is revoked", async () => {
    const [owner, grantee] = labs as [Lab, Lab];
    const reader = grantee.users[2] as TestUser;
    const read = () =>
      graphqlRequest(
        stack.apiUrl,
        typedDocument<{ dataset: { id: string } | null }, { id: string }>(
          "query($id: ID!) { dataset(id: $id) { id } }",
        ),
        { id: owner.datasetId },
        reader.token,
      );
    const slug = (
      await stack.prisma.organization.findUniqueOrThrow({
        where: { id: grantee.organizationId },
      })
    ).slug;

    const shared = await graphqlRequest(
      stack.apiUrl,
      typedDocument<{ share: { id: string } }, { id: string; slug: string }>(
        "mutation($id: ID!, $slug: String!) { share(input: { resourceType: DATASET, " +
          "resourceId: $id, granteeOrganizationSlug: $slug }) { id } }",
      ),
      { id: owner.datasetId, slug },
      owner.users[0]?.token,
    );
    expect((await read()).data?.dataset?.id).toBe(owner.datasetId);

    await graphqlRequest(
      stack.apiUrl,
      typedDocument<unknown, { id: string }>("mutation($id: ID!) { revokeShare(id: $id) { id } }"),
      { id: shared.data?.share.id ?? "" },
      owner.users[0]?.token,
    );
    expect((await read()).data?.dataset).toBeNull();

    const audit = await graphqlRequest(
      stack.apiUrl,
      typedDocument<
        { auditEvents: { action: string; userEmail: string }[] },
        Record<string, never>
      >("{ auditEvents { action userEmail } }"),
      {},
      owner.users[0]?.token,
    );
    expect(audit.data?.auditEvents.map((event) => event.action)).toEqual(
      expect.arrayContaining(["importDataset", "startRun", "share", "revokeShare"]),
    );
  });

  it("stops a revoked token and refuses a viewer's writes", async () => {
    const lab = labs[2] as Lab;
    const viewer = lab.users[2] as TestUser;
    const { errors } = await graphqlRequest(
      stack.apiUrl,
      typedDocument<unknown, { id: string }>(
        "mutation($id: ID!) { startRun(config: { datasetId: $id }) { id } }",
      ),
      { id: lab.datasetId },
      viewer.token,
    );
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    await stack.prisma.apiToken.updateMany({
      where: { userId: viewer.userId },
      data: { revokedAt: new Date() },
    });
    const after = await graphqlRequest(
      stack.apiUrl,
      typedDocument<unknown, Record<string, never>>("{ datasets { totalCount } }"),
      {},
      viewer.token,
    );
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("keeps the application role from other labs' rows in raw SQL", async () => {
    const [mine, other] = labs as [Lab, Lab];
    const client = new pg.Client({ connectionString: stack.appDatabaseUrl });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT set_config('ree.organization_id', $1, true)", [
        mine.organizationId,
      ]);
      const counts = await client.query<{ table: string; foreign: number }>(
        `SELECT 'Dataset' AS table, count(*)::int AS foreign FROM "Dataset" WHERE "organizationId" = $1
         UNION ALL SELECT 'Sample', count(*)::int FROM "Sample" WHERE "organizationId" = $1
         UNION ALL SELECT 'Run', count(*)::int FROM "Run" WHERE "organizationId" = $1
         UNION ALL SELECT 'Model', count(*)::int FROM "Model" WHERE "organizationId" = $1
         UNION ALL SELECT 'ApiToken', count(*)::int FROM "ApiToken" WHERE "organizationId" = $1`,
        [other.organizationId],
      );
      const own = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Sample" WHERE "organizationId" = $1`,
        [mine.organizationId],
      );
      const update = await client.query(`UPDATE "Dataset" SET "name" = 'taken' WHERE "id" = $1`, [
        other.datasetId,
      ]);
      await client.query("COMMIT");
      const role = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user",
      );

      expect(
        counts.rows.every((row) => row.foreign === 0),
        JSON.stringify(counts.rows),
      ).toBe(true);
      expect(own.rows[0]?.n).toBe(10);
      expect(update.rowCount).toBe(0);
      expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    } finally {
      await client.end();
    }
  });

  it("confines the worker role to parts and runs", async () => {
    const client = new pg.Client({ connectionString: await ensureWorkerRole(stack.databaseUrl) });
    await client.connect();
    try {
      const role = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user",
      );
      const counts = await client.query<{ table: string; n: number }>(
        `SELECT 'RunPart' AS table, count(DISTINCT "organizationId")::int AS n FROM "RunPart"
         UNION ALL SELECT 'Run', count(DISTINCT "organizationId")::int FROM "Run"
         UNION ALL SELECT 'Dataset', count(*)::int FROM "Dataset"
         UNION ALL SELECT 'Sample', count(*)::int FROM "Sample"
         UNION ALL SELECT 'Model', count(*)::int FROM "Model"
         UNION ALL SELECT 'ApiToken', count(*)::int FROM "ApiToken"`,
      );
      const deleted = await client.query(`DELETE FROM "Run" WHERE "id" = $1`, [labs[0]?.runId]);

      expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
      expect(Object.fromEntries(counts.rows.map((row) => [row.table, row.n]))).toEqual({
        RunPart: labs.length,
        Run: labs.length,
        Dataset: 0,
        Sample: 0,
        Model: 0,
        ApiToken: 0,
      });
      expect(deleted.rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });

  it("shows no rows without a tenant", async () => {
    const client = new pg.Client({ connectionString: stack.appDatabaseUrl });
    await client.connect();
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Dataset"`);
    await client.end();

    expect(rows[0]?.n).toBe(0);
    expect(await runAsTenant({}, async () => 0)).toBe(0);
  });
});

function typedDocument<Result, Variables>(source: string): TypedDocumentNode<Result, Variables> {
  return parse(source) as TypedDocumentNode<Result, Variables>;
}

function ownIds(lab: Lab): string[] {
  return [lab.datasetId, lab.runId, lab.modelId];
}

function hasData(data: unknown): boolean {
  return Object.values((data ?? {}) as Record<string, unknown>).some(
    (value) => value !== null && !(Array.isArray(value) && value.length === 0),
  );
}

/** Fisher-Yates with the crypto generator, so that each run tries a new order. */
function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
