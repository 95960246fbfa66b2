import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The caller the database acts for. Every transaction of a tenant client names it to
 * PostgreSQL, whose row-level security policies then show and accept only the rows it may
 * use. A field left undefined matches no row.
 */
export interface Tenant {
  /** The active organisation. */
  organizationId?: string;
  userId?: string;
  /** Teams of the user in the active organisation; shares to them apply. */
  teamIds?: readonly string[];
  /** SHA-256 hash of the API token being authenticated. */
  tokenHash?: string;
}

const storage = new AsyncLocalStorage<Tenant>();

/**
 * Calls fn with `tenant` as the tenant of every query that fn starts, however deep. Prisma's
 * queries start when awaited, so fn's result is awaited inside the scope.
 */
export function runAsTenant<T>(tenant: Tenant, fn: () => Promise<T>): Promise<T> {
  return storage.run(tenant, async () => await fn());
}

/** Returns the tenant of the running code, or an empty one (no rows) outside runAsTenant. */
export function currentTenant(): Tenant {
  return storage.getStore() ?? {};
}
