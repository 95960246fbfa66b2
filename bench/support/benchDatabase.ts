/**
 * Database wiring shared by the benchmarks that go through the API, as start.ts wires a
 * deployed server. The tables' owner seeds inside the organisation's tenant scope. The API
 * connects as the application role, which row-level security confines to each request's
 * organisation, so requests need an API token, which createOwnerToken creates.
 */
import { randomBytes } from "node:crypto";

import {
  createAccount,
  ensureDefaultOrganization,
  type Logger,
  migrateDatabase,
  newSecret,
} from "@ree/api";
import { createTenantPrismaClient, ensureDatabase, type PrismaClient, runAsTenant } from "@ree/db";
import pg from "pg";

export const BENCH_OWNER_EMAIL = "bench-owner@localhost";

/** A database of one benchmark run on a local PostgreSQL server. */
export interface ScratchDatabase {
  /** Connection URL of the database, which openBenchDatabase creates. */
  url: string;
  /** Drops the database, closing the connections that are still open to it. */
  drop(): Promise<void>;
}

export interface BenchDatabase {
  /** Connected as the tables' owner: for seeding, inside runAsTenant. */
  ownerPrisma: PrismaClient;
  /** Connected as the application role, for createServer and importDataset. */
  appPrisma: PrismaClient;
  /** The default organisation, which the seeded rows and the token belong to. */
  organizationId: string;
}

/**
 * Names a new database, `prefix` and 8 random hex digits, on the PostgreSQL server at `serverUrl`.
 * The server must be on loopback, because a benchmark creates and drops databases on it.
 */
export function scratchDatabase(serverUrl: string, prefix: string): ScratchDatabase {
  const server = new URL(serverUrl);
  if (server.hostname !== "127.0.0.1" && server.hostname !== "localhost") {
    throw new Error(
      `the benchmark's PostgreSQL server must be on loopback (127.0.0.1 or localhost), ` +
        `got ${server.hostname}`,
    );
  }

  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const url = new URL(server);
  url.pathname = `/${name}`;

  const drop = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: server.href });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };

  return { url: url.href, drop };
}

/**
 * Creates the database when it is missing, applies the migrations and returns both clients
 * with the default organisation.
 */
export async function openBenchDatabase(
  databaseUrl: string,
  logger: Logger,
): Promise<BenchDatabase> {
  await ensureDatabase(databaseUrl);
  const appDatabaseUrl = await migrateDatabase(databaseUrl, logger);
  const ownerPrisma = createTenantPrismaClient(databaseUrl);
  const appPrisma = createTenantPrismaClient(appDatabaseUrl);
  const organizationId = await ensureDefaultOrganization(ownerPrisma);

  return { ownerPrisma, appPrisma, organizationId };
}

/**
 * Makes BENCH_OWNER_EMAIL an owner of the organisation (with a random password, since the
 * benchmarks never sign in) and returns the secret of a new API token of that user, to send
 * as `Authorization: Bearer <secret>`.
 */
export async function createOwnerToken(
  ownerPrisma: PrismaClient,
  organizationId: string,
): Promise<string> {
  const token = newSecret("reet_");
  await runAsTenant({ organizationId }, async () => {
    const userId = await createAccount(ownerPrisma, {
      email: BENCH_OWNER_EMAIL,
      name: "Benchmark",
      password: randomBytes(18).toString("base64url"),
      organizationId,
      role: "OWNER",
    });
    await ownerPrisma.apiToken.create({
      data: { organizationId, userId, name: "benchmark", tokenHash: token.hash },
    });
  });

  return token.secret;
}
