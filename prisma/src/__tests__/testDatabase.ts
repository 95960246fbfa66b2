import { randomUUID } from "node:crypto";
import pg from "pg";
import { databaseNameOf, withDatabase } from "../databaseUrl.js";

/** Server for database tests. Test databases are created and dropped through its `postgres` database. */
export const testServerUrl =
  process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function uniqueDatabaseName(): string {
  return `ree_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
}

export async function runOnServer<T extends pg.QueryResultRow>(
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: withDatabase(testServerUrl, "postgres") });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export async function queryDatabase<T extends pg.QueryResultRow>(
  databaseUrl: string,
  sql: string,
): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Creates an empty, uniquely named database and returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = uniqueDatabaseName();
  await runOnServer(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  return withDatabase(testServerUrl, name);
}

export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const name = databaseNameOf(databaseUrl);
  await runOnServer(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
}
