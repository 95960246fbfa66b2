import { appendFile, cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDev, migrationSlug } from "../migrateDev.js";
import { lockfileContent } from "../migrationsList.js";
import { migrationsDirectory } from "../paths.js";
import { createTestDatabase, dropTestDatabase, queryDatabase } from "./testDatabase.js";

describe("migrationSlug", () => {
  it.each([
    ["init", "init"],
    ["addRunIndex", "add_run_index"],
    ["  Add run-index!  ", "add_run_index"],
    ["ümlaut", "mlaut"],
    ["!!!", ""],
  ])("turns %j into %j", (name, slug) => {
    expect(migrationSlug(name)).toBe(slug);
  });
});

describe("migrateDev", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup();
    }
  });

  async function fixture(
    copyCommitted: boolean,
  ): Promise<{ databaseUrl: string; baseDir: string }> {
    const databaseUrl = await createTestDatabase();
    cleanups.push(() => dropTestDatabase(databaseUrl));
    const baseDir = await mkdtemp(join(tmpdir(), "ree-migrations-"));
    cleanups.push(() => rm(baseDir, { recursive: true, force: true }));
    if (copyCommitted) {
      await cp(migrationsDirectory, baseDir, { recursive: true });
    }

    return { databaseUrl, baseDir };
  }

  it("finds committed migrations current", async () => {
    const { databaseUrl, baseDir } = await fixture(true);
    const committed = (await readdir(baseDir)).filter((name) => name !== "migration_lock.toml");

    const result = await migrateDev(databaseUrl, "drift", { migrationsDirectory: baseDir });

    expect(result.createdMigration).toBeUndefined();
    expect(result.appliedMigrations).toEqual(committed.sort());
  });

  it("writes first migration", async () => {
    const { databaseUrl, baseDir } = await fixture(false);

    const first = await migrateDev(databaseUrl, "init", { migrationsDirectory: baseDir });

    expect(first.createdMigration).toMatch(/^\d{14}_init$/);
    expect(first.appliedMigrations).toEqual([first.createdMigration]);
    const script = await readFile(join(baseDir, `${first.createdMigration}/migration.sql`), "utf8");
    expect(script).toContain('CREATE TABLE "Organization"');
    expect(script).not.toContain("CREATE SCHEMA");
    expect(await readFile(join(baseDir, "migration_lock.toml"), "utf8")).toBe(lockfileContent);
    const tables = await queryDatabase(databaseUrl, `SELECT to_regclass('"Run"') AS oid`);
    expect(tables[0]?.oid).not.toBeNull();

    const second = await migrateDev(databaseUrl, "again", { migrationsDirectory: baseDir });

    expect(second.createdMigration).toBeUndefined();
    expect(second.appliedMigrations).toEqual([]);
  });

  it("rejects an edited migration", async () => {
    const { databaseUrl, baseDir } = await fixture(true);
    await migrateDev(databaseUrl, "unused", { migrationsDirectory: baseDir });
    const [first] = (await readdir(baseDir)).filter((name) => name !== "migration_lock.toml");
    await appendFile(join(baseDir, `${first}/migration.sql`), "\n-- edited\n");

    await expect(
      migrateDev(databaseUrl, "unused", { migrationsDirectory: baseDir }),
    ).rejects.toThrow(`changed after they were applied: ${first}`);
  });

  it("rejects an empty name", async () => {
    await expect(migrateDev("postgresql://127.0.0.1/unused", "--")).rejects.toThrow(
      'Invalid migration name "--"',
    );
  });
});
