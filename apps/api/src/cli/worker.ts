import { createNetworkEngine } from "@ree/core-ml";
import { createTenantPrismaClient, ensureAppRole } from "@ree/db";

import { startWorker } from "../jobs/startWorker.js";
import { createLogger } from "../logger.js";

/**
 * Runs a worker on its own, against the migrated database at DATABASE_URL (as the tables' owner),
 * until SIGINT or SIGTERM. Start any number of them, on any machine that
 * reaches the database; the REE_* variables of JobSettings tune them.
 */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set; point it at the workbench's PostgreSQL database");
  process.exit(2);
}

const logger = createLogger();
// Runs execute as the application role, under row-level security, like the API's queries.
const prisma = createTenantPrismaClient(await ensureAppRole(databaseUrl));
const engine = await createNetworkEngine(process.env.REE_TRAINING_ENGINE);
const worker = await startWorker({ databaseUrl, prisma, engine, logger });

const shutdown = async () => {
  await worker.stop();
  await prisma.$disconnect();
  process.exit(0);
};

process.once("SIGINT", () => void shutdown());
process.once("SIGTERM", () => void shutdown());
