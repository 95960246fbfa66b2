import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlResultSet,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { withDatabase } from "./databaseUrl.js";

// PostgreSQL type OIDs, from the pg_type catalog.
const charTypeOid = 18;
const textTypeOid = 25;

/**
 * Driver adapter factory for the schema engine. It builds on PrismaPg (@prisma/adapter-pg 7.10.1)
 * and changes three things:
 *
 * - Result fields of PostgreSQL's internal one-byte "char" type (OID 18) are reported as text.
 *   adapter-pg rejects OID 18 ("could not be deserialized"), but the engine's schema describer
 *   reads such catalog columns whenever it diffs against a live or shadow database.
 * - executeScript sends the whole script as one simple query, as the native engine does. PrismaPg
 *   splits the script at every ";", which breaks dollar-quoted function bodies and string literals.
 * - The shadow database is reached through the URL with its database replaced and is dropped after
 *   its pool has ended. PrismaPg adds the shadow name as `database` next to the connection string,
 *   but pg overrides it with the string's database, so PrismaPg reaches the main database. PrismaPg
 *   also drops the shadow database while its own connections are still open, which fails.
 *
 * Only migration code uses this factory, so the "char" mapping never reaches application queries.
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly openAdapters = new Set<SqlDriverAdapter>();

  constructor(private readonly databaseUrl: string) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.open(this.databaseUrl, async () => {});
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadowName = `prisma_migrate_shadow_db_${randomUUID()}`;
    await runStatement(this.databaseUrl, `CREATE DATABASE ${pg.escapeIdentifier(shadowName)}`);
    // WITH (FORCE) needs PostgreSQL 13 or later. It ends sessions the pool may have left behind.
    const dropShadow = `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(shadowName)} WITH (FORCE)`;
    return this.open(withDatabase(this.databaseUrl, shadowName), () =>
      runStatement(this.databaseUrl, dropShadow),
    );
  }

  /** Disposes the adapters that the engine has not disposed itself, ending their pools. */
  async disposeAll(): Promise<void> {
    await Promise.all([...this.openAdapters].map((adapter) => adapter.dispose()));
  }

  private async open(url: string, afterEnd: () => Promise<void>): Promise<SqlDriverAdapter> {
    const pool = new pg.Pool({ connectionString: url });
    pool.on("connect", reportCharColumnsAsText);
    const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();

    let disposal: Promise<void> | undefined;
    const dispose = async (): Promise<void> => {
      this.openAdapters.delete(wrapped);
      await adapter.dispose();
      await afterEnd();
    };

    const wrapped: SqlDriverAdapter = {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      queryRaw: async (query) => retypeConstraintTypes(await adapter.queryRaw(query)),
      executeRaw: (query) => adapter.executeRaw(query),
      startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
      getConnectionInfo: () => adapter.getConnectionInfo(),
      executeScript: (script) => executeScript(pool, script),
      // Both the engine and disposeAll may call this, but the pool must end only once.
      dispose: () => (disposal ??= dispose()),
    };
    this.openAdapters.add(wrapped);
    return wrapped;
  }
}

async function runStatement(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Runs a script as one simple-protocol query. PostgreSQL then runs it as one implicit transaction
 * unless the script contains its own BEGIN/COMMIT.
 */
async function executeScript(pool: pg.Pool, script: string): Promise<void> {
  try {
    await pool.query(script);
  } catch (error) {
    if (error instanceof pg.DatabaseError) {
      // adapter-pg's fallback shape for PostgreSQL errors, so the engine reports SQLSTATE and message.
      throw new DriverAdapterError({
        kind: "postgres",
        code: error.code ?? "",
        severity: error.severity ?? "ERROR",
        message: error.message,
        detail: error.detail,
        column: error.column,
        hint: error.hint,
        originalCode: error.code,
        originalMessage: error.message,
      });
    }

    throw error;
  }
}

/**
 * Reports the describer's `constraint_type` column (pg_constraint.contype) as a character. The
 * describer panics when that column arrives as text, and every CHECK constraint makes it read the
 * column. Its other "char" catalog columns are read as text.
 */
function retypeConstraintTypes(result: SqlResultSet): SqlResultSet {
  const column = result.columnNames.indexOf("constraint_type");
  if (column >= 0 && result.columnTypes[column] === ColumnTypeEnum.Text) {
    result.columnTypes[column] = ColumnTypeEnum.Character;
  }

  return result;
}

function retypeCharFields(result: unknown): void {
  const results = Array.isArray(result) ? result : [result];
  for (const single of results as Partial<pg.QueryResult>[]) {
    for (const field of single.fields ?? []) {
      if (field.dataTypeID === charTypeOid) {
        field.dataTypeID = textTypeOid;
      }
    }
  }
}

/**
 * Wraps one pooled client's query method so that "char" fields arrive as text. pg.Pool calls it
 * with a callback and adapter-pg transactions call it without one, so both forms are handled.
 */
function reportCharColumnsAsText(client: pg.PoolClient): void {
  // pg.Client#query has many overloads; the wrapper forwards its arguments unchanged.
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const wrappedQuery = (...args: unknown[]): unknown => {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      return query(...args.slice(0, -1), (error: Error | null, result: unknown) => {
        if (result !== undefined) {
          retypeCharFields(result);
        }

        (callback as (error: Error | null, result: unknown) => void)(error, result);
      });
    }

    const returned = query(...args);
    if (returned instanceof Promise) {
      return returned.then((result: unknown) => {
        retypeCharFields(result);
        return result;
      });
    }

    return returned;
  };

  Object.assign(client, { query: wrappedQuery });
}
