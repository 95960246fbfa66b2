import { migrateDeploy } from "@ree/db";
import { runMigrations } from "graphile-worker";

import type { Logger } from "./logger.js";

/** Applies the Prisma migrations and installs the job queue's schema; both are idempotent. */
export async function migrateDatabase(databaseUrl: string, logger: Logger): Promise<void> {
  const applied = await migrateDeploy(databaseUrl, { logger: (message) => logger.debug(message) });
  if (applied.length > 0) {
    logger.info({ migrations: applied }, "migrations applied");
  }

  await runMigrations({ connectionString: databaseUrl });
}
