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
  slug: string;
  users: (TestUser & { role: Role })[];
  datasetId: string;
  runId: string;
  modelId: string;
  /** A team whose one member is the lab's VIEWER. */
  teamId: string;
}

type ResourceKind = "dataset" | "run" | "model";

/** A share the labs grant each other before the attempts, to the grantee lab or one team of it. */
interface Grant {
  from: number;
  kind: ResourceKind;
  to: number;
  team: boolean;
  access: "READ" | "WRITE";
}

/**
 * What an operation needs to succeed: read access, the right to run on a data set, write
 * access, or ownership.
 */
type Needs = "read" | "runOn" | "write" | "own";

interface Operation {
  name: string;
  /** The kind of id the operation reads or changes. */
  kind: ResourceKind;
  needs: Needs;
  /** A GraphQL operation taking $id, or a path of the TensorFlow.js export routes. */
  source?: string;
  path?: (id: string) => string;
}

const ROLES: Role[] = ["OWNER", "EDITOR", "VIEWER"];
let stack: TestStack;
const labs: Lab[] = [];

/**
 * Lab 0 shares its data set and model with lab 1, and its run with lab 2; lab 1 shares its run
 * for writing with lab 0; lab 2 shares its data set with the team of lab 0's viewer.
 */
const GRANTS: Grant[] = [
  { from: 0, kind: "dataset", to: 1, team: false, access: "READ" },
  { from: 0, kind: "model", to: 1, team: false, access: "READ" },
  { from: 0, kind: "run", to: 2, team: false, access: "READ" },
  { from: 1, kind: "run", to: 0, team: false, access: "WRITE" },
  { from: 2, kind: "dataset", to: 0, team: true, access: "READ" },
];

/** Every operation that takes a resource id, read or write, with the id it is given. */
const OPERATIONS: Operation[] = [
  {
    name: "dataset",
    kind: "dataset",
    needs: "read",
    source: "query($id: ID!) { dataset(id: $id) { id name } }",
  },
  {
    name: "samples",
    kind: "dataset",
    needs: "read",
    source: "query($id: ID!) { dataset(id: $id) { samples(first: 500) { nodes { label } } } }",
  },
  {
    name: "statistics",
    kind: "dataset",
    needs: "read",
    source: "query($id: ID!) { dataset(id: $id) { statistics { column count } } }",
  },
  {
    name: "correlations",
    kind: "dataset",
    needs: "read",
    source: "query($id: ID!) { dataset(id: $id) { correlations { sampleCount } } }",
  },
  {
    name: "versions",
    kind: "dataset",
    needs: "read",
    source: "query($id: ID!) { dataset(id: $id) { version versions { number } } }",
  },
  {
    name: "exportDataset",
    kind: "dataset",
    needs: "read",
    source: "query($id: ID!) { exportDataset(id: $id) }",
  },
  {
    name: "run",
    kind: "run",
    needs: "read",
    source: "query($id: ID!) { run(id: $id) { id results { modelId } } }",
  },
  {
    name: "runDataset",
    kind: "run",
    needs: "read",
    source: "query($id: ID!) { run(id: $id) { dataset { id } } }",
  },
  {
    name: "runEvents",
    kind: "run",
    needs: "read",
    source: "query($id: ID!) { run(id: $id) { events { kind } finishedRepetitions } }",
  },
  {
    name: "model",
    kind: "model",
    needs: "read",
    source: "query($id: ID!) { model(id: $id) { id domain { rows } } }",
  },
  {
    name: "predict",
    kind: "model",
    needs: "read",
    source:
      "mutation($id: ID!) { predict(modelId: $id, compositions: [{ oxides: [" +
      '{ oxide: "SiO2", molPercent: 60 }, { oxide: "Al2O3", molPercent: 25 }, ' +
      '{ oxide: "CaO", molPercent: 5 }, { oxide: "Fe2O3", molPercent: 5 }, ' +
      '{ oxide: "MgO", molPercent: 3 }, { oxide: "TiO2", molPercent: 1.5 }, ' +
      '{ oxide: "P2O5", molPercent: 0.5 }] }]) { label } }',
  },
  { name: "tfjs", kind: "model", needs: "read", path: (id) => `/models/${id}/tfjs/0/model.json` },
  {
    name: "startRun",
    kind: "dataset",
    needs: "runOn",
    source: "mutation($id: ID!) { startRun(config: { datasetId: $id, repetitions: 2 }) { id } }",
  },
  {
    name: "cancelRun",
    kind: "run",
    needs: "write",
    source: "mutation($id: ID!) { cancelRun(id: $id) { id } }",
  },
  {
    name: "importVersion",
    kind: "dataset",
    needs: "own",
    source: "mutation($id: ID!) { importDataset(input: { datasetId: $id, " + 'csv: "" }) { id } }',
  },
  {
    name: "share",
    kind: "dataset",
    needs: "own",
    source:
      "mutation($id: ID!) { share(input: { resourceType: DATASET, resourceId: $id, " +
      'granteeOrganizationSlug: "default" }) { id } }',
  },
  {
    name: "revokeApiToken",
    kind: "dataset",
    needs: "own",
    source: "mutation($id: ID!) { revokeApiToken(id: $id) { id } }",
  },
  {
    name: "revokeShare",
    kind: "dataset",
    needs: "own",
    source: "mutation($id: ID!) { revokeShare(id: $id) { id } }",
  },
];

const PAGE = "(first: 500) { edges { node { id } } }";
const LISTS = `{ datasets${PAGE} runs${PAGE} models${PAGE} }`;

beforeAll(async () => {
  stack = await startTestStack();
  for (let lab = 0; lab < 3; lab++) {
    const slug = `lab-${lab}`;
    const organization = await stack.prisma.organization.create({
      data: { slug, name: `Lab ${lab}` },
    });
    const users = [];
    for (const role of ROLES) {
      users.push({ ...(await stack.createUser(organization.id, role)), role });
    }

    const owner = users[0] as TestUser;
    const viewer = users[2] as TestUser;
    const team = await stack.prisma.team.create({
      data: { organizationId: organization.id, name: "Viewers" },
    });
    await stack.prisma.membership.create({
      data: {
        userId: viewer.userId,
        organizationId: organization.id,
        teamId: team.id,
        role: "VIEWER",
      },
    });
    const datasetId = await importUsDemo(stack.apiUrl, `Lab ${lab} coal ashes`, owner.token);
    const runId = await startSmallRun(stack.apiUrl, datasetId, { models: ["LINEAR"] }, owner.token);
    const run = await waitForRun(stack.apiUrl, runId, undefined, owner.token);
    labs.push({
      organizationId: organization.id,
      slug,
      users,
      datasetId,
      runId,
      modelId: run.results[0]?.modelId ?? "",
      teamId: team.id,
    });
  }

  for (const grant of GRANTS) {
    await shareAs(grant);
  }
});

async function shareAs({ from, kind, to, team, access }: Grant): Promise<void> {
  const owner = labs[from] as Lab;
  const grantee = labs[to] as Lab;
  const grantees = team
    ? `granteeTeamId: "${grantee.teamId}"`
    : `granteeOrganizationSlug: "${grantee.slug}"`;
  await graphqlData(
    stack.apiUrl,
    typedDocument<unknown, { id: string }>(
      `mutation($id: ID!) { share(input: { resourceType: ${kind.toUpperCase()}, ` +
        `resourceId: $id, ${grantees}, access: ${access} }) { id } }`,
    ),
    { id: idOf(owner, kind) },
    owner.users[0]?.token,
  );
}

afterAll(async () => {
  await stack?.stop();
});

describe("tenant isolation", () => {
  it("lets no user read or write another lab's data, in random order", async () => {
    const attempts = labs.flatMap((lab) =>
      lab.users.flatMap((user) =>
        labs.flatMap((target) =>
          OPERATIONS.flatMap((operation) =>
            ownIds(target).map((id) => ({ lab, user, target, operation, id })),
          ),
        ),
      ),
    );
    shuffle(attempts);

    const leaks: string[] = [];
    const deniedShares: string[] = [];
    for (const { lab, user, target, operation, id } of attempts) {
      const { succeeded, code } = await attempt(operation, id, user);
      const permitted = isPermitted(operation.needs, lab, user, id);
      const attemptName = `${user.email} (${user.role}) ${operation.name} ${id}`;
      if (target !== lab && succeeded && !permitted) {
        leaks.push(attemptName);
      }

      // Every lab may read what is shared with it, whatever the user's role.
      const sharedRead = operation.needs === "read" && kindOf(id) === operation.kind;
      if (target !== lab && sharedRead && permitted && !succeeded) {
        deniedShares.push(attemptName);
      }

      if (target !== lab && code !== undefined) {
        const readable = isPermitted("read", lab, user, id);
        expect(code, attemptName).toMatch(expectedCodes(permitted || readable));
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
        const foreign = labs
          .filter((other) => other !== lab)
          .flatMap(ownIds)
          .filter((id) => !isPermitted("read", lab, user, id));
        leaks.push(
          ...ids.filter((id) => foreign.includes(id)).map((id) => `${user.email} lists ${id}`),
        );
      }
    }

    const writes = await stack.prisma.auditEvent.findMany();
    const crossWrites = writes.filter((event) =>
      labs.some(
        (lab) =>
          lab.organizationId !== event.organizationId &&
          ownIds(lab).includes(event.resourceId) &&
          !GRANTS.some(
            (grant) =>
              grant.access === "WRITE" &&
              labs[grant.to]?.organizationId === event.organizationId &&
              idOf(lab, grant.kind) === event.resourceId,
          ),
      ),
    );

    process.stdout.write(
      `isolation: ${attempts.length} attempts, ${GRANTS.length} shares, ${leaks.length} leaks, ` +
        `${deniedShares.length} shared reads denied\n`,
    );
    expect(attempts.length).toBe(3 * 3 * 3 * OPERATIONS.length * 3);
    expect(leaks).toEqual([]);
    expect(deniedShares).toEqual([]);
    expect(crossWrites).toEqual([]);
  });

  it("shows a shared data set until the share is revoked", async () => {
    // Lab 1 shares nothing with lab 2 before this test.
    const [, owner, grantee] = labs as [Lab, Lab, Lab];
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
    // Lab 1 shares nothing with lab 2.
    const [, other, mine] = labs as [Lab, Lab, Lab];
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

/** Sends one operation as `user`; a success is a response with data and no error. */
async function attempt(
  operation: Operation,
  id: string,
  user: TestUser,
): Promise<{ succeeded: boolean; code?: string }> {
  if (operation.path) {
    const response = await fetch(new URL(stack.apiUrl).origin + operation.path(id), {
      headers: { authorization: `Bearer ${user.token}` },
    });
    await response.arrayBuffer();

    return { succeeded: response.ok, ...(response.ok ? {} : { code: `HTTP ${response.status}` }) };
  }

  const response = await graphqlRequest(
    stack.apiUrl,
    typedDocument<Record<string, unknown>, { id: string }>(operation.source ?? ""),
    { id },
    user.token,
  );
  const code = response.errors?.[0]?.extensions?.code;

  return {
    succeeded: !response.errors?.length && hasData(response.data),
    ...(typeof code === "string" && { code }),
  };
}

/**
 * Codes of a failed attempt on another lab's id. Without access it reads as missing, or the
 * role check rejects it first. With access, or on a resource the caller reads, it may fail as an
 * own resource does: a finished run cannot be cancelled, and a data set shared with a team only
 * cannot seed a run.
 */
function expectedCodes(permitted: boolean): RegExp {
  return permitted
    ? /^(NOT_FOUND|FORBIDDEN|HTTP 404|CONFLICT|BAD_USER_INPUT)$/
    : /^(NOT_FOUND|FORBIDDEN|HTTP 404)$/;
}

/** Checks whether ownership or the grants give `user` of `lab` what an operation on `id` needs. */
function isPermitted(needs: Needs, lab: Lab, user: TestUser, id: string): boolean {
  const owner = labs.find((candidate) => ownIds(candidate).includes(id));
  if (owner === lab) {
    return true;
  }

  const reaching = GRANTS.filter(
    (grant) =>
      labs[grant.from] === owner &&
      labs[grant.to] === lab &&
      (!grant.team || user.userId === lab.users[2]?.userId),
  );
  const grants = (kind: ResourceKind) =>
    reaching.filter(
      (grant) => owner !== undefined && idOf(owner, grant.kind) === id && grant.kind === kind,
    );

  switch (needs) {
    case "read":
      // A shared run also shows the data set it trained on and the model it trained.
      return (
        grants(kindOf(id)).length > 0 ||
        (kindOf(id) !== "run" && reaching.some((grant) => grant.kind === "run"))
      );
    case "runOn":
      return grants("dataset").some((grant) => !grant.team);
    case "write":
      return grants(kindOf(id)).some((grant) => grant.access === "WRITE");
    case "own":
      return false;
  }
}

function kindOf(id: string): ResourceKind {
  const lab = labs.find((candidate) => ownIds(candidate).includes(id));
  if (lab?.datasetId === id) {
    return "dataset";
  }

  return lab?.runId === id ? "run" : "model";
}

function idOf(lab: Lab, kind: ResourceKind): string {
  return { dataset: lab.datasetId, run: lab.runId, model: lab.modelId }[kind];
}

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
