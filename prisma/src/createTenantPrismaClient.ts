import { PrismaPg } from "@prisma/adapter-pg";
import type {
  ConnectionInfo,
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

import { PrismaClient } from "../generated/prisma/client.js";
import { currentTenant, type Tenant } from "./tenantScope.js";

/**
 * Creates a Prisma client whose every query runs in a transaction that first names the current
 * tenant (see runAsTenant) with set_config(..., true). The settings end with the transaction,
 * so a pooled connection never carries one request's tenant into another's.
 */
export function createTenantPrismaClient(databaseUrl: string): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  const inner = new PrismaPg(pool, { disposeExternalPool: true });
  const factory: SqlDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => new TenantAdapter(await inner.connect()),
  };
  const client = new PrismaClient({ adapter: factory });
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

  const connection = await pool.connect();
  // A connection whose ROLLBACK failed is in an unknown state; the pool closes it on release.
  let broken: Error | undefined;
  try {
    await connection.query("BEGIN");
    const { sql, args } = setTenantQuery(currentTenant());
    await connection.query(sql, args);
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

/** A connection inside runTenantTransaction. */
export type TenantConnection = pg.PoolClient;

const text = { scalarType: "string", arity: "scalar" } as const;

function setTenantQuery(tenant: Tenant): SqlQuery {
  return {
    sql:
      "SELECT set_config('ree.organization_id', $1, true), set_config('ree.user_id', $2, true), " +
      "set_config('ree.team_ids', $3, true), set_config('ree.token_hash', $4, true)",
    args: [
      tenant.organizationId ?? "",
      tenant.userId ?? "",
      (tenant.teamIds ?? []).join(","),
      tenant.tokenHash ?? "",
    ],
    argTypes: [text, text, text, text],
  };
}

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/** Wraps node-postgres' adapter so that no query runs outside a tenant-scoped transaction. */
class TenantAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;

  constructor(private readonly inner: SqlDriverAdapter) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const transaction = await this.inner.startTransaction(isolationLevel);
    try {
      await transaction.executeRaw(setTenantQuery(currentTenant()));
    } catch (error) {
      await transaction.executeRaw(statement("ROLLBACK")).catch(() => undefined);
      await transaction.rollback();
      throw error;
    }

    return transaction;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.inTransaction((transaction) => transaction.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inTransaction((transaction) => transaction.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.inner.executeScript(script);
  }

  getConnectionInfo(): ConnectionInfo {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }

  /** Runs one statement in a transaction of its own, as PostgreSQL would without BEGIN. */
  private async inTransaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    const transaction = await this.startTransaction();
    let result: T;
    try {
      result = await work(transaction);
      await transaction.executeRaw(statement("COMMIT"));
    } catch (error) {
      await transaction.executeRaw(statement("ROLLBACK")).catch(() => undefined);
      await transaction.rollback();
      throw error;
    }

    await transaction.commit();

    return result;
  }
}
