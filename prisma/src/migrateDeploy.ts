import { migrationsDirectory as packageMigrationsDirectory } from "./paths.js";
import { readMigrationsList } from "./migrationsList.js";
import { withSchemaEngine } from "./schemaEngine.js";

export interface MigrateDeployOptions {
  /** Receives one line per applied migration and the engine's warnings and errors. */
  logger?: (message: string) => void;
  /** Folder of <timestamp>_<name>/migration.sql folders; defaults to this package's migrations. */
  migrationsDirectory?: string;
}

/**
 * Applies the migrations that the database has not recorded yet, in name order, like
 * `prisma migrate deploy`: the schema engine runs each migration.sql and records it in
 * _prisma_migrations with its SHA-256 checksum. Returns the names of the migrations it applied,
 * which is empty when the database is up to date. Fails without applying anything when a
 * recorded migration has failed and has not been rolled back.
 */
export async function migrateDeploy(
  databaseUrl: string,
  options: MigrateDeployOptions = {},
): Promise<string[]> {
  const { logger } = options;
  const migrationsList = await readMigrationsList(
    options.migrationsDirectory ?? packageMigrationsDirectory,
  );
  const { appliedMigrationNames } = await withSchemaEngine(databaseUrl, logger, (engine) =>
    engine.applyMigrations({
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    }),
  );
  for (const name of appliedMigrationNames) {
    logger?.(`Applied migration ${name}`);
  }

  return appliedMigrationNames;
}
