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

export const BENCH_OWNER_EMAIL = "bench-owner@localhost";

export interface BenchDatabase {
  /** Connected as the tables' owner: for seeding, inside runAsTenant. */
  ownerPrisma: PrismaClient;
  /** Connected as the application role, for createServer and importDataset. */
  appPrisma: PrismaClient;
  /** The default organisation, which the seeded rows and the token belong to. */
  organizationId: string;
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
