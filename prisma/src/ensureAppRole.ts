import pg from "pg";

import { redactDatabaseUrl } from "./databaseUrl.js";

/** The role the API and the worker connect as: it owns no table and is not a superuser. */
export const APP_ROLE = "ree_app";

/**
 * Role of the worker's heartbeat: like APP_ROLE, plus policies that let it read and renew the
 * run parts of every organisation. The migrations create it without login.
 */
export const WORKER_ROLE = "ree_worker";

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
export function ensureAppRole(databaseUrl: string, options: AppRoleOptions = {}): Promise<string> {
  const password = options.password ?? process.env.REE_APP_DATABASE_PASSWORD ?? "ree-app-local";

  return ensureRole(databaseUrl, APP_ROLE, password);
}

/**
 * Lets the worker role log in with a password and grants it what ensureAppRole grants the
 * application role. Run it as the owner of the tables, after the migrations, which create the
 * role. Returns databaseUrl with the worker role as its user.
 */
export function ensureWorkerRole(
  databaseUrl: string,
  options: AppRoleOptions = {},
): Promise<string> {
  const password =
    options.password ?? process.env.REE_WORKER_DATABASE_PASSWORD ?? "ree-worker-local";

  return ensureRole(databaseUrl, WORKER_ROLE, password);
}

async function ensureRole(databaseUrl: string, role: string, password: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Processes that start together (an API and its workers) would otherwise GRANT at once,
    // which PostgreSQL rejects with "tuple concurrently updated". The lock ends with the session.
    await client.query("SELECT pg_advisory_lock(hashtext('ree_ensure_role'))");
    await createRole(client, role, password);
    await grantAccess(client, role);
  } catch (error) {
    throw new Error(
      `Failed to set up the role ${role} in ${redactDatabaseUrl(databaseUrl)}: ` +
        `${(error as Error).message}. The migration user needs the CREATEROLE privilege.`,
      { cause: error },
    );
  } finally {
    await client.end();
  }

  const url = new URL(databaseUrl);
  url.username = role;
  url.password = password;

  return url.toString();
}

async function createRole(client: pg.Client, role: string, password: string): Promise<void> {
  const existing = await client.query<{ rolcanlogin: boolean }>(
    "SELECT rolcanlogin FROM pg_roles WHERE rolname = $1",
    [role],
  );
  if (existing.rows[0]?.rolcanlogin === false) {
    await client.query(`ALTER ROLE ${role} LOGIN PASSWORD ${client.escapeLiteral(password)}`);
  }

  if (existing.rowCount !== 0) {
    return;
  }

  await client
    .query(
      `CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE ` +
        `PASSWORD ${client.escapeLiteral(password)}`,
    )
    .catch((error: unknown) => {
      if (!(error instanceof pg.DatabaseError && roleExists.has(error.code ?? ""))) {
        throw error;
      }
    });
}

async function grantAccess(client: pg.Client, role: string): Promise<void> {
  const { rows } = await client.query<{ database: string; schema: string }>(
    "SELECT current_database() AS database, current_schema() AS schema",
  );
  const database = client.escapeIdentifier(rows[0]?.database ?? "");
  const schema = client.escapeIdentifier(rows[0]?.schema ?? "public");
  await client.query(`
    GRANT CONNECT ON DATABASE ${database} TO ${role};
    GRANT USAGE ON SCHEMA ${schema} TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role};
    REVOKE ALL ON TABLE ${schema}."_prisma_migrations" FROM ${role};
    GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role};
    DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'graphile_worker') THEN
        GRANT USAGE ON SCHEMA graphile_worker TO ${role};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${role};
        GRANT USAGE ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${role};
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${role};
      END IF;
    END $$;
  `);
  // The job queue guards its tables with row-level security; queueing a job from a
  // transaction (add_job) needs every row of them.
  const { rows: queueTables } = await client.query<{ name: string }>(`
    SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
    WHERE schemaname = 'graphile_worker' AND rowsecurity
      AND NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = pg_tables.schemaname
                      AND p.tablename = pg_tables.tablename AND p.policyname = '${role}_queue')
  `);
  for (const { name } of queueTables) {
    await client.query(
      `CREATE POLICY ${role}_queue ON ${name} TO ${role} USING (true) WITH CHECK (true)`,
    );
  }
}
