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
  pools.set(client, pool);

  return client;
}

/** The connection pool under each tenant client, shared with runTenantTransaction. */
const pools = new WeakMap<PrismaClient, pg.Pool>();

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
  const pool = pools.get(prisma);
  if (!pool) {
    throw new TypeError(
      "runTenantTransaction needs a client made by createTenantPrismaClient, whose pool it uses",
    );
  }

  return inTransaction(await pool.connect(), work);
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
  const checkout = pool.connect.bind(pool);

  const connect = async (): Promise<pg.PoolClient> => scopeTransactions(await checkout());
  const query = async (
    config: string | pg.QueryConfig,
    values?: unknown[],
  ): Promise<pg.QueryResult> =>
    inTransaction(await connect(), (connection) => connection.query(config, values));

  pool.connect = connect as pg.Pool["connect"];
  pool.query = query as pg.Pool["query"];

  return pool;
}

const scoped = new WeakSet<pg.PoolClient>();

/** Makes a pooled connection name the current tenant in every transaction it begins. */
function scopeTransactions(connection: pg.PoolClient): pg.PoolClient {
  if (scoped.has(connection)) {
    return connection;
  }

  const send = connection.query.bind(connection) as (...args: unknown[]) => unknown;
  // Not async: for a submittable such as a COPY stream, pg returns the stream itself.
  const query = (config: string | pg.QueryConfig, ...rest: unknown[]) => {
    const text = (typeof config === "string" ? config : config.text) ?? "";
    if (text.trim().toUpperCase() !== "BEGIN") {
      return send(config, ...rest);
    }

    // A simple query of two statements answers with one result each; BEGIN's comes first.
    const results = send(beginAsTenant(connection, currentTenant())) as Promise<
      pg.QueryResult | pg.QueryResult[]
    >;

    return results.then((result) => (Array.isArray(result) ? result[0] : result));
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
  const settings: [string, string][] = [
    ["ree.organization_id", tenant.organizationId ?? ""],
    ["ree.user_id", tenant.userId ?? ""],
    ["ree.team_ids", (tenant.teamIds ?? []).join(",")],
    ["ree.token_hash", tenant.tokenHash ?? ""],
  ];
  const calls = settings.map(
    ([name, value]) => `set_config('${name}', ${connection.escapeLiteral(value)}, true)`,
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
