import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";
import {
  lockfileContent,
  lockfileName,
  migrationFileName,
  readMigrationsList,
} from "./migrationsList.js";
import { migrationsDirectory as packageMigrationsDirectory } from "./paths.js";
import { type SchemaEngine, type SchemaFile, withSchemaEngine } from "./schemaEngine.js";

const noFilters = { externalTables: [], externalEnums: [] };

// DiffParams.exitCode: the engine returns 2 when the two schemas differ.
const diffExitCodeChanged = 2;

export interface MigrateDevOptions {
  logger?: (message: string) => void;
  /** Defaults to this package's migrations folder. */
  migrationsDirectory?: string;
}

export interface MigrateDevResult {
  /** Folder name of the migration written, or undefined when the schema had no changes. */
  createdMigration: string | undefined;
  appliedMigrations: string[];
}

/**
 * Turns a migration name into the folder suffix, close to the Prisma CLI's slugify with "_":
 * camelCase is split, letters are lowercased, other characters become "_". Unlike the CLI it drops
 * non-ASCII letters instead of transliterating them.
 */
export function migrationSlug(name: string): string {
  return name
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z\d]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

/** Formats a time as yyyymmddhhmmss in UTC, the migration folder prefix that Prisma uses. */
function migrationTimestamp(time: Date): string {
  return time.toISOString().replace(/[-:T]/g, "").slice(0, "yyyymmddhhmmss".length);
}

async function rejectBrokenHistory(
  engine: SchemaEngine,
  migrationsList: MigrationList,
): Promise<void> {
  const diagnosis = await engine.diagnoseMigrationHistory({
    migrationsList,
    optInToShadowDatabase: false,
    filters: noFilters,
  });
  if (diagnosis.failedMigrationNames.length > 0) {
    throw new Error(
      `The database records failed migrations: ${diagnosis.failedMigrationNames.join(", ")}. ` +
        `Drop the development database and run migrate dev again.`,
    );
  }

  if (diagnosis.editedMigrationNames.length > 0) {
    throw new Error(
      `These migrations were changed after they were applied: ` +
        `${diagnosis.editedMigrationNames.join(", ")}. Restore their migration.sql files, ` +
        `or drop the development database and run migrate dev again.`,
    );
  }
}

/**
 * Diffs the schema that the migrations produce (replayed on a shadow database) with schema.
 * Diffing from the migrations even when there are none, instead of from "empty", keeps the
 * engine from adding CREATE SCHEMA "public" to the first migration, because the shadow database
 * has that schema already.
 */
async function diffMigrationsToSchema(
  engine: SchemaEngine,
  migrationsList: MigrationList,
  schema: SchemaFile,
): Promise<string | undefined> {
  // The engine reads the provider from the lock file, which is missing before the first migration.
  const lockfile =
    migrationsList.migrationDirectories.length === 0
      ? { path: lockfileName, content: lockfileContent }
      : migrationsList.lockfile;
  const diff = await engine.diff({
    from: { tag: "migrations", ...migrationsList, lockfile },
    to: { tag: "schemaDatamodel", files: [schema] },
    script: true,
    exitCode: true,
    filters: noFilters,
  });
  return diff.exitCode === diffExitCodeChanged ? (diff.stdout ?? undefined) : undefined;
}

/**
 * Writes a migration for the difference between the migrations folder and schema.prisma, if any,
 * then applies every migration that the database has not recorded, like `prisma migrate dev`
 * without the prompts, the reset and the client generation.
 */
export async function migrateDev(
  databaseUrl: string,
  migrationName: string,
  options: MigrateDevOptions = {},
): Promise<MigrateDevResult> {
  const slug = migrationSlug(migrationName);
  if (slug === "") {
    throw new Error(
      `Invalid migration name "${migrationName}": it needs at least one letter or digit.`,
    );
  }

  const baseDir = options.migrationsDirectory ?? packageMigrationsDirectory;
  const { logger } = options;

  return withSchemaEngine(databaseUrl, logger, async (engine, schema) => {
    let migrationsList = await readMigrationsList(baseDir);
    await rejectBrokenHistory(engine, migrationsList);

    const script = await diffMigrationsToSchema(engine, migrationsList, schema);
    let createdMigration: string | undefined;
    if (script !== undefined) {
      createdMigration = `${migrationTimestamp(new Date())}_${slug}`;
      await mkdir(join(baseDir, createdMigration), { recursive: true });
      await writeFile(join(baseDir, createdMigration, migrationFileName), script);
      await writeFile(join(baseDir, lockfileName), lockfileContent);
      logger?.(`Created migration ${createdMigration}`);
      migrationsList = await readMigrationsList(baseDir);
    }

    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList,
      filters: noFilters,
    });
    for (const name of appliedMigrationNames) {
      logger?.(`Applied migration ${name}`);
    }

    return { createdMigration, appliedMigrations: appliedMigrationNames };
  });
}
