import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDeploy } from "../migrateDeploy.js";
import { lockfileContent } from "../migrationsList.js";
import { migrationsDirectory } from "../paths.js";
import { createTestDatabase, dropTestDatabase, queryDatabase } from "./testDatabase.js";

const modelTables = [
  "Dataset",
  "Membership",
  "Model",
  "Organization",
  "Run",
  "Sample",
  "Team",
  "User",
];

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

const selectMigrationRows =
  "SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs " +
  "FROM _prisma_migrations ORDER BY migration_name";

async function committedMigrationNames(): Promise<string[]> {
  const entries = await readdir(migrationsDirectory, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Writes a migrations folder with one migration per entry, named in order. */
async function writeMigrations(scripts: string[]): Promise<string> {
  const baseDir = await mkdtemp(join(tmpdir(), "ree-migrations-"));
  await writeFile(join(baseDir, "migration_lock.toml"), lockfileContent);
  for (const [index, script] of scripts.entries()) {
    const directory = join(baseDir, `2026010100000${index}_step${index}`);
    await mkdir(directory);
    await writeFile(join(directory, "migration.sql"), script);
  }

  return baseDir;
}

describe("migrateDeploy", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup();
    }
  });

  async function freshDatabase(): Promise<string> {
    const databaseUrl = await createTestDatabase();
    cleanups.push(() => dropTestDatabase(databaseUrl));
    return databaseUrl;
  }

  it("applies committed migrations", async () => {
    const databaseUrl = await freshDatabase();
    const names = await committedMigrationNames();
    expect(names.length).toBeGreaterThan(0);

    expect(await migrateDeploy(databaseUrl)).toEqual(names);

    const tables = await queryDatabase<{ table_name: string }>(
      databaseUrl,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const tableNames = tables.map((row) => row.table_name);
    for (const table of [...modelTables, "_prisma_migrations"]) {
      expect(tableNames).toContain(table);
    }

    const rows = await queryDatabase<MigrationRow>(databaseUrl, selectMigrationRows);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const script = await readFile(join(migrationsDirectory, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(script).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("applies nothing on second run", async () => {
    const databaseUrl = await freshDatabase();
    await migrateDeploy(databaseUrl);

    expect(await migrateDeploy(databaseUrl)).toEqual([]);

    const rows = await queryDatabase<MigrationRow>(databaseUrl, selectMigrationRows);
    expect(rows.map((row) => row.migration_name)).toEqual(await committedMigrationNames());
  });

  it("runs semicolons inside quotes", async () => {
    const databaseUrl = await freshDatabase();
    const baseDir = await writeMigrations([
      `CREATE TABLE "Note" ("body" TEXT NOT NULL DEFAULT 'a;b');
CREATE FUNCTION note_count() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  total integer;
BEGIN
  SELECT count(*) INTO total FROM "Note";
  RETURN total;
END;
$$;
INSERT INTO "Note" DEFAULT VALUES;
`,
    ]);
    cleanups.push(() => rm(baseDir, { recursive: true, force: true }));

    expect(await migrateDeploy(databaseUrl, { migrationsDirectory: baseDir })).toEqual([
      "20260101000000_step0",
    ]);

    const [row] = await queryDatabase<{ total: number; body: string }>(
      databaseUrl,
      `SELECT note_count() AS total, (SELECT body FROM "Note") AS body`,
    );
    expect(row?.total).toBe(1);
    expect(row?.body).toBe("a;b");
  });

  it("records a failed migration", async () => {
    const databaseUrl = await freshDatabase();
    const baseDir = await writeMigrations([
      `CREATE TABLE "Kept" ("id" INTEGER);`,
      `CREATE TABLE "Broken" ("id" INTEGER);\nSELECT * FROM "Missing";`,
    ]);
    cleanups.push(() => rm(baseDir, { recursive: true, force: true }));

    await expect(migrateDeploy(databaseUrl, { migrationsDirectory: baseDir })).rejects.toThrow(
      /Missing/,
    );

    const rows = await queryDatabase<MigrationRow>(databaseUrl, selectMigrationRows);
    expect(rows.map((row) => row.migration_name)).toEqual([
      "20260101000000_step0",
      "20260101000001_step1",
    ]);
    expect(rows[0]?.finished_at).toBeInstanceOf(Date);
    expect(rows[1]?.finished_at).toBeNull();
    expect(rows[1]?.logs).toContain("Missing");
    // The failed script ran as one transaction, so its first statement left no table behind.
    const broken = await queryDatabase(databaseUrl, `SELECT to_regclass('"Broken"') AS oid`);
    expect(broken[0]?.oid).toBeNull();

    await expect(migrateDeploy(databaseUrl, { migrationsDirectory: baseDir })).rejects.toThrow(
      /failed/i,
    );
  });
});
