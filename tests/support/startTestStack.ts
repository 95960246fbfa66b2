import { randomBytes } from "node:crypto";

import {
  createAccount,
  createLogger,
  createServer,
  ensureDefaultOrganization,
  migrateDatabase,
  type JobSettings,
  newSecret,
  startWorker,
  type UploadSettings,
} from "@ree/api";
import { createNetworkEngine } from "@ree/core-ml";
import {
  createPrismaClient,
  createTenantPrismaClient,
  ensureDatabase,
  type PrismaClient,
  type Role,
  runAsTenant,
} from "@ree/db";
import pg from "pg";

import { setDefaultToken } from "./graphqlRequest.js";

export const TEST_PASSWORD = "correct horse battery";

export interface TestUser {
  userId: string;
  email: string;
  /** An API token of the user in the organisation it was created for. */
  token: string;
  /** Value of a Cookie header that signs the user in. */
  sessionCookie: string;
  /** The session cookie's token, for a browser's cookie store. */
  sessionToken: string;
}

export interface TestStack {
  apiUrl: string;
  /** The database's URL as the tables' owner, for worker processes a test starts. */
  databaseUrl: string;
  /** Connected as the tables' owner, past row-level security: for setting up and checking. */
  prisma: PrismaClient;
  /** Connected as the application role, as the API is. */
  appDatabaseUrl: string;
  /** The default organisation, whose owner's token every request sends unless it names another. */
  organizationId: string;
  owner: TestUser;
  /** Creates a user with a password, a role in organizationId, a token and a session. */
  createUser(organizationId: string, role: Role, email?: string): Promise<TestUser>;
  stop(): Promise<void>;
}

export interface TestStackOptions {
  /** Start a worker in the test process. @default true */
  worker?: boolean;
  /** Settings of that worker; the rest come from readJobSettings. */
  settings?: JobSettings;
  /** Jobs that worker executes at once. @default 1 */
  concurrency?: number;
  /** Where the API keeps uploads and the largest it takes; default from the environment. */
  uploads?: UploadSettings;
}

/**
 * Starts the API and a worker on a new, uniquely named database of the
 * PostgreSQL server at TEST_DATABASE_URL (default: the local server), and
 * drops that database on stop.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const base = new URL(
    process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  );
  const databaseName = `ree_test_${randomBytes(6).toString("hex")}`;
  const databaseUrl = new URL(base);
  databaseUrl.pathname = `/${databaseName}`;
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? "warn", pretty: false });

  await ensureDatabase(databaseUrl.href);
  const appDatabaseUrl = await migrateDatabase(databaseUrl.href, logger);
  const prisma = createPrismaClient(databaseUrl.href);
  const appPrisma = createTenantPrismaClient(appDatabaseUrl);
  const organizationId = await ensureDefaultOrganization(prisma);
  const engine = await createNetworkEngine(process.env.REE_TRAINING_ENGINE);
  const server = await createServer({ prisma: appPrisma, logger, uploads: options.uploads });
  const apiUrl = await server.listen(0);
  const { worker: withWorker = true, settings, concurrency } = options;
  const worker = withWorker
    ? await startWorker({
        databaseUrl: databaseUrl.href,
        prisma: appPrisma,
        engine,
        logger,
        settings,
        concurrency,
      })
    : undefined;
  let users = 0;
  const createUser = async (organization: string, role: Role, email?: string) => {
    users += 1;

    return createTestUser(prisma, organization, role, email ?? `user${users}@example.org`);
  };

  const owner = await createUser(organizationId, "OWNER", "owner@example.org");
  setDefaultToken(apiUrl, owner.token);

  return {
    apiUrl,
    databaseUrl: databaseUrl.href,
    prisma,
    appDatabaseUrl,
    organizationId,
    owner,
    createUser,
    async stop() {
      await worker?.stop();
      await server.stop();
      await appPrisma.$disconnect();
      await prisma.$disconnect();
      await dropDatabase(base, databaseName);
    },
  };
}

async function createTestUser(
  prisma: PrismaClient,
  organizationId: string,
  role: Role,
  email: string,
): Promise<TestUser> {
  const userId = await runAsTenant({ organizationId }, () =>
    createAccount(prisma, { email, name: email, password: TEST_PASSWORD, organizationId, role }),
  );
  const token = newSecret("reet_");
  await prisma.apiToken.create({
    data: { organizationId, userId, name: "tests", tokenHash: token.hash },
  });
  const session = newSecret("rees_");
  await prisma.session.create({
    data: {
      userId,
      tokenHash: session.hash,
      activeOrganizationId: organizationId,
      expiresAt: new Date(Date.now() + 3600_000),
    },
  });

  return {
    userId,
    email,
    token: token.secret,
    sessionCookie: `ree_session=${session.secret}`,
    sessionToken: session.secret,
  };
}

async function dropDatabase(base: URL, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: base.href });
  await client.connect();
  try {
    await waitForConnectionsToClose(client, name);
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Waits up to 5 s for the database's other connections to close. graphile-worker
 * ends its pool without waiting for it, and a connection that a forced drop
 * terminates raises an error with no handler left in the test process.
 */
async function waitForConnectionsToClose(client: pg.Client, name: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ count: string }>(
      "SELECT count(*) FROM pg_stat_activity WHERE datname = $1",
      [name],
    );
    if (Number(rows[0]?.count) === 0) {
      return;
    }

    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
