import { ensureAppRole, migrateDeploy } from "@ree/db";
import { runMigrations } from "graphile-worker";

import type { Logger } from "./logger.js";

/**
 * Applies the Prisma migrations, installs the job queue's schema and sets up the application
 * role; all are idempotent. Returns the URL that the API and the worker's queries use: the
 * application role's, so that row-level security applies to them.
 */
export async function migrateDatabase(databaseUrl: string, logger: Logger): Promise<string> {
  const applied = await migrateDeploy(databaseUrl, { logger: (message) => logger.debug(message) });
  if (applied.length > 0) {
    logger.info({ migrations: applied }, "migrations applied");
  }

  await runMigrations({ connectionString: databaseUrl });

  return ensureAppRole(databaseUrl);
}
