import { afterEach, describe, expect, it } from "vitest";
import { databaseNameOf, redactDatabaseUrl, withDatabase } from "../databaseUrl.js";
import { ensureDatabase } from "../ensureDatabase.js";
import {
  dropTestDatabase,
  runOnServer,
  testServerUrl,
  uniqueDatabaseName,
} from "./testDatabase.js";

describe("databaseUrl", () => {
  it("reads the database name", () => {
    expect(databaseNameOf("postgresql://u@127.0.0.1:5432/ree")).toBe("ree");
    expect(databaseNameOf("postgres://u@127.0.0.1/my%20db?sslmode=disable")).toBe("my db");
  });

  it("rejects a URL without database", () => {
    expect(() => databaseNameOf("postgresql://u@127.0.0.1:5432")).toThrow(/name exactly one/);
    expect(() => databaseNameOf("mysql://u@127.0.0.1/ree")).toThrow(/scheme/);
    expect(() => databaseNameOf("not a url")).toThrow(/Invalid database URL/);
  });

  it("replaces the database only", () => {
    expect(withDatabase("postgresql://u:p@127.0.0.1:5433/ree?sslmode=disable", "postgres")).toBe(
      "postgresql://u:p@127.0.0.1:5433/postgres?sslmode=disable",
    );
  });

  it("hides the password", () => {
    expect(redactDatabaseUrl("postgresql://u:secret@127.0.0.1/ree")).toBe(
      "postgresql://u:***@127.0.0.1/ree",
    );
    expect(redactDatabaseUrl("postgresql://u:sec ret@127.0.0.1:x/ree")).not.toContain("sec ret");
  });
});

describe("ensureDatabase", () => {
  const created: string[] = [];
  afterEach(async () => {
    for (const databaseUrl of created.splice(0)) {
      await dropTestDatabase(databaseUrl);
    }
  });

  async function exists(name: string): Promise<boolean> {
    const rows = await runOnServer("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return rows.length === 1;
  }

  it("creates a missing database", async () => {
    const name = uniqueDatabaseName();
    const databaseUrl = withDatabase(testServerUrl, name);
    created.push(databaseUrl);

    await ensureDatabase(databaseUrl);

    expect(await exists(name)).toBe(true);
  });

  it("keeps an existing database", async () => {
    const name = uniqueDatabaseName();
    const databaseUrl = withDatabase(testServerUrl, name);
    created.push(databaseUrl);
    await ensureDatabase(databaseUrl);
    await runOnServer(`COMMENT ON DATABASE "${name}" IS 'marker'`);

    await ensureDatabase(databaseUrl);

    const rows = await runOnServer<{ comment: string | null }>(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
      [name],
    );
    expect(rows[0]?.comment).toBe("marker");
  });

  it("names the server it cannot reach", async () => {
    await expect(ensureDatabase("postgresql://postgres@127.0.0.1:1/ree")).rejects.toThrow(
      "Failed to connect to postgresql://postgres@127.0.0.1:1/postgres",
    );
  });
});
