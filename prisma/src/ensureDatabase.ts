import pg from "pg";
import { databaseNameOf, redactDatabaseUrl, withDatabase } from "./databaseUrl.js";

// SQLSTATE duplicate_database: another process created the database between check and create.
const duplicateDatabase = "42P04";

/**
 * Creates the database named in databaseUrl unless it exists, connecting to the `postgres`
 * database of the same server with the same credentials.
 */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const name = databaseNameOf(databaseUrl);
  const adminUrl = withDatabase(databaseUrl, "postgres");
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Failed to connect to ${redactDatabaseUrl(adminUrl)} to create database "${name}": ` +
        `${(error as Error).message}. Check that PostgreSQL runs there and accepts this user.`,
      { cause: error },
    );
  }

  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`).catch((error: unknown) => {
        if (!(error instanceof pg.DatabaseError && error.code === duplicateDatabase)) {
          throw error;
        }
      });
    }
  } finally {
    await client.end();
  }
}
