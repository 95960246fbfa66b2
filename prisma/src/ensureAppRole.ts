import pg from "pg";

import { redactDatabaseUrl } from "./databaseUrl.js";

/** The role the API and the worker connect as: it owns no table and is not a superuser. */
export const APP_ROLE = "ree_app";

// SQLSTATE duplicate_object and unique_violation: another process created the role first.
const roleExists = new Set(["42710", "23505"]);

export interface AppRoleOptions {
  /**
   * Password given to the role when it is created. The default is fixed in source: it suits a
   * server that listens on loopback only, as the embedded one does.
   * @default process.env.REE_APP_DATABASE_PASSWORD ?? "ree-app-local"
   */
  password?: string;
}

/**
 * Creates the application role unless it exists and grants it what queries need, in the
 * database of databaseUrl: rows of every table in the current schema (row-level security
 * decides which) and the job queue. Run it as the owner of the tables, after the migrations.
 * Returns databaseUrl with the application role as its user.
 */
export async function ensureAppRole(
  databaseUrl: string,
  options: AppRoleOptions = {},
): Promise<string> {
  const password = options.password ?? process.env.REE_APP_DATABASE_PASSWORD ?? "ree-app-local";
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await createRole(client, password);
    await grantAccess(client);
  } catch (error) {
    throw new Error(
      `Failed to set up the role ${APP_ROLE} in ${redactDatabaseUrl(databaseUrl)}: ` +
        `${(error as Error).message}. The migration user needs the CREATEROLE privilege.`,
      { cause: error },
    );
  } finally {
    await client.end();
  }

  const url = new URL(databaseUrl);
  url.username = APP_ROLE;
  url.password = password;

  return url.toString();
}

async function createRole(client: pg.Client, password: string): Promise<void> {
  const existing = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
  if (existing.rowCount !== 0) {
    return;
  }

  await client
    .query(
      `CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE ` +
        `PASSWORD ${client.escapeLiteral(password)}`,
    )
    .catch((error: unknown) => {
      if (!(error instanceof pg.DatabaseError && roleExists.has(error.code ?? ""))) {
        throw error;
      }
    });
}

async function grantAccess(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ database: string; schema: string }>(
    "SELECT current_database() AS database, current_schema() AS schema",
  );
  const database = client.escapeIdentifier(rows[0]?.database ?? "");
  const schema = client.escapeIdentifier(rows[0]?.schema ?? "public");
  await client.query(`
    GRANT CONNECT ON DATABASE ${database} TO ${APP_ROLE};
    GRANT USAGE ON SCHEMA ${schema} TO ${APP_ROLE};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${APP_ROLE};
    REVOKE ALL ON TABLE ${schema}."_prisma_migrations" FROM ${APP_ROLE};
    GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${APP_ROLE};
    DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'graphile_worker') THEN
        GRANT USAGE ON SCHEMA graphile_worker TO ${APP_ROLE};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${APP_ROLE};
        GRANT USAGE ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${APP_ROLE};
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${APP_ROLE};
      END IF;
    END $$;
  `);
  // The job queue guards its tables with row-level security; queueing a job from a
  // transaction (add_job) needs every row of them.
  const { rows: queueTables } = await client.query<{ name: string }>(`
    SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
    WHERE schemaname = 'graphile_worker' AND rowsecurity
      AND NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = pg_tables.schemaname
                      AND p.tablename = pg_tables.tablename AND p.policyname = '${APP_ROLE}_queue')
  `);
  for (const { name } of queueTables) {
    await client.query(
      `CREATE POLICY ${APP_ROLE}_queue ON ${name} TO ${APP_ROLE} USING (true) WITH CHECK (true)`,
    );
  }
}
