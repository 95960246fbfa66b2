import { randomUUID } from "node:crypto";
import { once } from "node:events";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "../../generated/prisma/client.js";
import {
  createTenantPrismaClient,
  queryAsTenant,
  runTenantTransaction,
} from "../createTenantPrismaClient.js";
import { runAsTenant } from "../tenantScope.js";
import { createTestDatabase, dropTestDatabase } from "./testDatabase.js";

let databaseUrl: string;
let prisma: PrismaClient;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  prisma = createTenantPrismaClient(databaseUrl);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await dropTestDatabase(databaseUrl);
});

interface Settings {
  organization: string;
  user: string;
  teams: string;
  token: string;
}

function readSettings(db: Pick<PrismaClient, "$queryRaw">): Promise<Settings[]> {
  return db.$queryRaw<Settings[]>`
    SELECT current_setting('ree.organization_id', true) AS organization,
      current_setting('ree.user_id', true) AS "user",
      current_setting('ree.team_ids', true) AS teams,
      current_setting('ree.token_hash', true) AS token`;
}

describe("createTenantPrismaClient", () => {
  it("names each statement's tenant on shared connections", async () => {
    // More callers than the pool's 10 connections, so connections pass between tenants.
    const tenants = Array.from({ length: 60 }, (_, i) =>
      i % 3 === 0
        ? {}
        : { organizationId: randomUUID(), userId: randomUUID(), teamIds: [randomUUID()] },
    );
    const seen = await Promise.all(
      tenants.map((tenant, i) =>
        runAsTenant(tenant, () =>
          i % 2 === 0 ? readSettings(prisma) : prisma.$transaction((tx) => readSettings(tx)),
        ),
      ),
    );

    expect(seen.map((rows) => rows[0])).toEqual(
      tenants.map((tenant) => ({
        organization: tenant.organizationId ?? "",
        user: tenant.userId ?? "",
        teams: tenant.teamIds?.join(",") ?? "",
        token: "",
      })),
    );
  });

  it("keeps the tenant after a rollback", async () => {
    const organizationId = randomUUID();
    const failed = runAsTenant({ organizationId }, () =>
      prisma.$transaction(async (tx) => {
        await readSettings(tx);
        throw new Error("roll back");
      }),
    );
    await expect(failed).rejects.toThrow("roll back");

    const after = await Promise.all(
      Array.from({ length: 20 }, () => runAsTenant({ organizationId }, () => readSettings(prisma))),
    );

    expect(after.map((rows) => rows[0]?.organization)).toEqual(Array(20).fill(organizationId));
  });

  it("keeps the tenant after a failed statement", async () => {
    const failed = runAsTenant(
      { organizationId: randomUUID() },
      () => prisma.$queryRaw`SELECT 1 / ${0}::int AS quotient`,
    );
    await expect(failed).rejects.toThrow(/division by zero/);

    const organizationId = randomUUID();
    const after = await Promise.all(
      Array.from({ length: 20 }, () => runAsTenant({ organizationId }, () => readSettings(prisma))),
    );

    expect(after.map((rows) => rows[0]?.organization)).toEqual(Array(20).fill(organizationId));
  });

  it("names no tenant outside runAsTenant", async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        runAsTenant({ tokenHash: "a".repeat(64) }, () => readSettings(prisma)),
      ),
    );
    const outside = await Promise.all(Array.from({ length: 20 }, () => readSettings(prisma)));

    expect(outside.flat()).toEqual(
      Array(20).fill({ organization: "", user: "", teams: "", token: "" }),
    );
  });

  it("passes values in runTenantTransaction", async () => {
    const organizationId = randomUUID();
    const rows = await runAsTenant({ organizationId }, () =>
      runTenantTransaction(prisma, async (connection) => {
        const result = await connection.query<{ organization: string; doubled: number }>(
          "SELECT current_setting('ree.organization_id', true) AS organization, $1::int * 2 AS doubled",
          [21],
        );

        return result.rows;
      }),
    );

    expect(rows).toEqual([{ organization: organizationId, doubled: 42 }]);
  });

  it("returns streamed queries unwrapped", async () => {
    // pg returns a submitted query object, such as pg-copy-streams' COPY stream, as it is.
    const returned = await runAsTenant({}, () =>
      runTenantTransaction(prisma, async (connection) => {
        const query = new pg.Query("SELECT 1 AS one");
        const result = connection.query(query) as unknown;
        await once(query, "end");

        return result === query;
      }),
    );

    expect(returned).toBe(true);
  });

  it("reads as the tenant with queryAsTenant", async () => {
    const organizationId = randomUUID();
    const rows = await runAsTenant({ organizationId }, () =>
      queryAsTenant<{ organization: string; label: string }>(
        prisma,
        "SELECT current_setting('ree.organization_id', true) AS organization, $1::text AS label",
        ["a"],
      ),
    );

    expect(rows).toEqual([{ organization: organizationId, label: "a" }]);
  });

  it("leaves no tenant on a connection once its transaction ends", async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        runAsTenant({ organizationId: randomUUID() }, () => readSettings(prisma)),
      ),
    );

    // Ends the scoped transaction early to read what the connection itself keeps, then begins
    // another so that runTenantTransaction's COMMIT has one to end.
    const kept = await runAsTenant({ organizationId: randomUUID() }, () =>
      runTenantTransaction(prisma, async (connection) => {
        await connection.query("COMMIT");
        const { rows } = await connection.query<{ organization: string }>(
          "SELECT current_setting('ree.organization_id', true) AS organization",
        );
        await connection.query("BEGIN");

        return rows[0]?.organization;
      }),
    );

    expect(kept).toBe("");
  });

  it("passes query parameters through a scoped connection", async () => {
    const organizationId = randomUUID();
    const row = await runAsTenant({ organizationId }, () =>
      runTenantTransaction(prisma, async (connection) => {
        const { rows } = await connection.query<{ given: string; organization: string }>(
          "SELECT $1::text AS given, current_setting('ree.organization_id', true) AS organization",
          ["a value"],
        );

        return rows[0];
      }),
    );

    expect(row).toEqual({ given: "a value", organization: organizationId });
  });

  it("survives the server ending a checked-out connection", async () => {
    const owner = new pg.Client({ connectionString: databaseUrl });
    await owner.connect();

    const failed = runTenantTransaction(prisma, async (connection) => {
      const { rows } = await connection.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await owner.query("SELECT pg_terminate_backend($1)", [rows[0]?.pid]);
      // Lets the termination arrive while no query runs, when pg emits it as an event.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await connection.query("SELECT 1");
    });
    await expect(failed).rejects.toThrow();
    await owner.end();

    const organizationId = randomUUID();
    const rows = await runAsTenant({ organizationId }, () => readSettings(prisma));

    expect(rows[0]?.organization).toBe(organizationId);
  });

  it("survives the server ending an idle connection before any Prisma query", async () => {
    const fresh = createTenantPrismaClient(databaseUrl);
    const pid = await runTenantTransaction(fresh, async (connection) => {
      const { rows } = await connection.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");

      return rows[0]?.pid;
    });

    const owner = new pg.Client({ connectionString: databaseUrl });
    await owner.connect();
    await owner.query("SELECT pg_terminate_backend($1)", [pid]);
    await owner.end();
    // Lets the termination reach the idle connection, whose error the pool then emits.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const organizationId = randomUUID();
    const seen = await runAsTenant({ organizationId }, () =>
      runTenantTransaction(fresh, async (connection) => {
        const { rows } = await connection.query<{ organization: string }>(
          "SELECT current_setting('ree.organization_id', true) AS organization",
        );

        return rows[0]?.organization;
      }),
    );
    await fresh.$disconnect();

    expect(seen).toBe(organizationId);
  });
});
