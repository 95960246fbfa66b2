import { randomBytes } from "node:crypto";

import {
  type JobSettings,
  createLogger,
  createServer,
  ensureDefaultOrganization,
  migrateDatabase,
  startWorker,
} from "@ree/api";
import { createNetworkEngine } from "@ree/core-ml";
import { createPrismaClient, ensureDatabase, type PrismaClient } from "@ree/db";
import pg from "pg";

export interface TestStack {
  apiUrl: string;
  databaseUrl: string;
  prisma: PrismaClient;
  stop(): Promise<void>;
}

export interface TestStackOptions {
  /** Start a worker in the test process. @default true */
  worker?: boolean;
  /** Settings of that worker; the rest come from readJobSettings. */
  settings?: JobSettings;
  /** Jobs that worker executes at once. @default 1 */
  concurrency?: number;
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
  await migrateDatabase(databaseUrl.href, logger);
  const prisma = createPrismaClient(databaseUrl.href);
  const organizationId = await ensureDefaultOrganization(prisma);
  const engine = await createNetworkEngine(process.env.REE_TRAINING_ENGINE);
  const server = await createServer({ prisma, logger, organizationId });
  const apiUrl = await server.listen(0);
  const { worker: withWorker = true, settings, concurrency } = options;
  const worker = withWorker
    ? await startWorker({
        databaseUrl: databaseUrl.href,
        prisma,
        engine,
        logger,
        settings,
        concurrency,
      })
    : undefined;

  return {
    apiUrl,
    databaseUrl: databaseUrl.href,
    prisma,
    async stop() {
      await worker?.stop();
      await server.stop();
      await prisma.$disconnect();
      await dropDatabase(base, databaseName);
    },
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
