import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { PrismaClient } from "../generated/prisma/client.js";
import { currentTenant, type Tenant } from "./tenantScope.js";

/**
 * Creates a Prisma client whose every query runs in a transaction that first names the current
 * tenant (see runAsTenant) with set_config(..., true). The settings end with the transaction,
 * so a pooled connection never carries one request's tenant into another's, and a pooler in
 * transaction mode (PgBouncer) keeps each tenant with its statements.
 */
export function createTenantPrismaClient(databaseUrl: string): PrismaClient {
  const pool = createTenantPool(databaseUrl);
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  Object.defineProperty(client, TENANT_POOL, { value: pool });

  return client;
}

/**
 * Key of the connection pool under each tenant client, shared with runTenantTransaction and
 * queryAsTenant. A property rather than a WeakMap entry, because a client made by $extends is
 * a new object that still reads the properties of the client it extends.
 */
const TENANT_POOL = Symbol("tenant pool");

/**
 * Runs work on one connection of a tenant client's pool, inside a transaction that first names
 * the current tenant as every query of the client does, so row-level security applies. It is
 * for statements Prisma cannot send, such as COPY. Commits when work resolves and rolls back
 * when it throws, so a failed step leaves nothing behind.
 */
export async function runTenantTransaction<T>(
  prisma: PrismaClient,
  work: (connection: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return inTransaction(await poolOf(prisma).connect(), work);
}

function poolOf(prisma: PrismaClient): pg.Pool {
  const pool = (prisma as unknown as { [TENANT_POOL]?: pg.Pool })[TENANT_POOL];
  if (!pool) {
    throw new TypeError(
      "runTenantTransaction and queryAsTenant need a client made by createTenantPrismaClient, whose pool they use",
    );
  }

  return pool;
}

/**
 * Sends one parameterised statement as the current tenant on a tenant client's pool, in one
 * round trip (see TenantQuery), and returns its rows. It skips Prisma's query building, which
 * costs more than the statement itself on the API's per-request reads.
 */
export async function queryAsTenant<Row extends pg.QueryResultRow>(
  prisma: PrismaClient,
  text: string,
  values: readonly unknown[],
): Promise<Row[]> {
  const result = await sendAsTenant(await poolOf(prisma).connect(), { text, values: [...values] });

  return result.rows as Row[];
}

/** A connection inside runTenantTransaction. */
export type TenantConnection = pg.PoolClient;

/**
 * Builds a pool whose connections turn every BEGIN into BEGIN plus the tenant's settings, in
 * one round trip, and which runs each statement sent outside a transaction in a transaction of
 * its own. adapter-pg sends BEGIN on a connection from connect() for Prisma's transactions and
 * calls query() on the pool for any other statement, so no statement escapes the tenant.
 * JIT compilation is off because the row-level security policies make the planner overestimate
 * small keyset reads: compiling a page of 500 samples took 1.2 s, running it 0.4 ms.
 */
function createTenantPool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, options: "-c jit=off" });
  // adapter-pg listens for errors of idle connections only once Prisma sends its first query,
  // and runTenantTransaction or queryAsTenant may use the pool before that. Unheard, the
  // termination of an idle connection would end the process. The pool drops the connection.
  pool.on("error", ignoreConnectionError);
  const checkout = pool.connect.bind(pool);

  const connect = async (): Promise<pg.PoolClient> => scopeTransactions(await checkout());
  const query = async (config: string | pg.QueryConfig): Promise<pg.QueryResult> => {
    const connection = await connect();

    // A string may hold several statements, which the extended protocol refuses.
    return typeof config === "string"
      ? inTransaction(connection, (scopedConnection) => scopedConnection.query(config))
      : sendAsTenant(connection, config);
  };

  pool.connect = connect as pg.Pool["connect"];
  pool.query = query as pg.Pool["query"];

  return pool;
}

/** Names of the tenant's transaction-local settings, read by the row-level security policies. */
const SETTING_NAMES = [
  "ree.organization_id",
  "ree.user_id",
  "ree.team_ids",
  "ree.token_hash",
] as const;

function settingValues(tenant: Tenant): string[] {
  return [
    tenant.organizationId ?? "",
    tenant.userId ?? "",
    (tenant.teamIds ?? []).join(","),
    tenant.tokenHash ?? "",
  ];
}

const SETTINGS_STATEMENT = `SELECT ${SETTING_NAMES.map(
  (name, i) => `set_config('${name}', $${i + 1}, true)`,
).join(", ")}`;

/** The protocol methods of pg's Query, which its published types leave out. */
interface WireQuery extends pg.Query {
  prepare(connection: pg.Connection): void;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, connection: pg.Connection): void;
}

type QueryCallback = (error: Error | null, result: pg.QueryResult) => void;

const WireQuery = pg.Query as unknown as new (
  config: pg.QueryConfig & { queryMode: "extended"; callback: QueryCallback },
) => WireQuery;

/**
 * One statement sent with the tenant's settings ahead of it in a single pipeline of the
 * extended protocol: Parse, Bind and Execute of set_config, then the statement's own, then one
 * Sync. PostgreSQL runs everything before a Sync as one implicit transaction. So the settings
 * apply to the statement alone and a failure rolls both back. The pipeline costs one write and
 * one round trip, where BEGIN, the statement and COMMIT cost three.
 * NOTE: it overrides undocumented methods of pg 8's Query, checked with pg 8.23.1, which the
 * packages pin. The tests of this file fail if a pg upgrade changes them.
 */
class TenantQuery extends WireQuery {
  /** Whether the set_config row and completion, which the caller never receives, are still due. */
  private settingsPending = true;

  constructor(
    config: pg.QueryConfig,
    private readonly tenant: Tenant,
    callback: QueryCallback,
  ) {
    super({ ...config, queryMode: "extended", callback });
  }

  override prepare(connection: pg.Connection): void {
    connection.parse({ name: "", text: SETTINGS_STATEMENT, types: [] }, true);
    connection.bind({ values: settingValues(this.tenant) }, true);
    connection.execute({}, true);
    super.prepare(connection);
  }

  override handleDataRow(message: unknown): void {
    if (!this.settingsPending) {
      super.handleDataRow(message);
    }
  }

  override handleCommandComplete(message: unknown, connection: pg.Connection): void {
    if (this.settingsPending) {
      this.settingsPending = false;

      return;
    }

    super.handleCommandComplete(message, connection);
  }
}

/**
 * Runs one statement as the current tenant (see TenantQuery) and releases the connection. An
 * error from the server arrives after its Sync has ended the implicit transaction, so the
 * connection is clean. After any other error the pool closes the connection.
 */
async function sendAsTenant(
  connection: pg.PoolClient,
  config: pg.QueryConfig,
): Promise<pg.QueryResult> {
  let broken: Error | undefined;
  try {
    return await new Promise<pg.QueryResult>((resolve, reject) => {
      const query = new TenantQuery(config, currentTenant(), (error, result) =>
        error ? reject(error) : resolve(result),
      );
      void connection.query(query);
    });
  } catch (error) {
    broken = error instanceof pg.DatabaseError ? undefined : (error as Error);
    throw error;
  } finally {
    connection.release(broken);
  }
}

const scoped = new WeakSet<pg.PoolClient>();

/** Makes a pooled connection name the current tenant in every transaction it begins. */
function scopeTransactions(connection: pg.PoolClient): pg.PoolClient {
  if (scoped.has(connection)) {
    return connection;
  }

  // A connection that the server ends while checked out (a restart, pg_terminate_backend, a
  // dropped database) emits the error as an event, which would end the process unheard. Its
  // next query fails with the error instead, and the pool replaces it.
  connection.on("error", ignoreConnectionError);

  const send = connection.query.bind(connection) as (
    config: string | pg.QueryConfig | pg.Submittable,
    values?: unknown[],
  ) => Promise<pg.QueryResult | pg.QueryResult[]>;
  const begin = async () => {
    // A simple query of two statements returns one result each, and BEGIN's comes first.
    const results = await send(beginAsTenant(connection, currentTenant()));

    return Array.isArray(results) ? results[0] : results;
  };

  // Not async: for a stream such as pg-copy-streams' COPY, pg returns the stream itself, which
  // the caller pipes into and must receive as it is, not wrapped in a promise.
  const query = (config: string | pg.QueryConfig | pg.Submittable, values?: unknown[]) => {
    const text = typeof config === "string" ? config : (config as { text?: string }).text;

    return text?.trim().toUpperCase() === "BEGIN" ? begin() : send(config, values);
  };

  connection.query = query as pg.PoolClient["query"];
  scoped.add(connection);

  return connection;
}

/**
 * Returns BEGIN followed by the tenant's transaction-local settings, as one simple query. The
 * values are quoted by the driver, because a simple query with several statements takes no
 * parameters.
 */
function beginAsTenant(connection: pg.PoolClient, tenant: Tenant): string {
  const values = settingValues(tenant);
  const calls = SETTING_NAMES.map(
    (name, i) => `set_config('${name}', ${connection.escapeLiteral(values[i] ?? "")}, true)`,
  );

  return `BEGIN; SELECT ${calls.join(", ")}`;
}

/**
 * Runs work between BEGIN and COMMIT on a scoped connection and releases it. A ROLLBACK that
 * fails leaves the connection in an unknown state, so the pool closes it instead of reusing it.
 */
async function inTransaction<T>(
  connection: pg.PoolClient,
  work: (connection: pg.PoolClient) => Promise<T>,
): Promise<T> {
  let broken: Error | undefined;
  try {
    await connection.query("BEGIN");
    const result = await work(connection);
    await connection.query("COMMIT");

    return result;
  } catch (error) {
    await connection.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError as Error;
    });
    throw error;
  } finally {
    connection.release(broken);
  }
}

function ignoreConnectionError(): void {}
