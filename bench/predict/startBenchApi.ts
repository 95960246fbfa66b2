/**
 * Starts the API for measurePredict.ts on a new database of a local
 * PostgreSQL server, with the study's models stored, and prints one JSON line
 * `{ apiUrl, modelId }`. On SIGTERM it stops the server and drops the database.
 * Run it with NODE_ENV=production, as a deployed server runs: graphql-js then
 * skips its development checks.
 */
import { randomBytes } from "node:crypto";

import {
  createLogger,
  createServer,
  ensureDefaultOrganization,
  migrateDatabase,
  seedStudyModels,
  STUDY_ENSEMBLE_NAME,
} from "@ree/api";
import { createPrismaClient, ensureDatabase } from "@ree/db";
import pg from "pg";

const base = new URL(
  process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
);
const databaseName = `ree_bench_predict_${randomBytes(4).toString("hex")}`;
const databaseUrl = new URL(base);
databaseUrl.pathname = `/${databaseName}`;

const logger = createLogger({ level: "warn", pretty: false });
await ensureDatabase(databaseUrl.href);
await migrateDatabase(databaseUrl.href, logger);
const prisma = createPrismaClient(databaseUrl.href);
const organizationId = await ensureDefaultOrganization(prisma);
await seedStudyModels(prisma, organizationId, logger);
const model = await prisma.model.findFirstOrThrow({ where: { name: STUDY_ENSEMBLE_NAME } });
const server = await createServer({ prisma, logger, organizationId });
const apiUrl = await server.listen(0);

process.once("SIGTERM", () => {
  // Exit explicitly: the database pools would keep the process alive for seconds.
  stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("stopping the bench API failed:", error);
      process.exit(1);
    },
  );
});
console.log(JSON.stringify({ apiUrl, modelId: model.id }));

async function stop(): Promise<void> {
  await server.stop();
  await prisma.$disconnect();
  const client = new pg.Client({ connectionString: base.href });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
