export { createPrismaClient } from "./createPrismaClient.js";
export {
  defaultEmbeddedPort,
  startEmbeddedPostgres,
  type EmbeddedPostgresOptions,
  type EmbeddedPostgresServer,
} from "./embeddedPostgres.js";
export { ensureDatabase } from "./ensureDatabase.js";
export { migrateDeploy, type MigrateDeployOptions } from "./migrateDeploy.js";
export {
  Prisma,
  PrismaClient,
  Role,
  RunStatus,
  type Dataset,
  ShareAccess,
  type ApiToken,
  type AuditEvent,
  type Membership,
  type Model,
  type Organization,
  type Run,
  type RunEvent,
  type RunPart,
  type Sample,
  type Session,
  type Share,
  type Team,
  type User,
} from "../generated/prisma/client.js";
export {
  createTenantPrismaClient,
  queryAsTenant,
  runTenantTransaction,
  type TenantConnection,
} from "./createTenantPrismaClient.js";
export { currentTenant, runAsTenant, type Tenant } from "./tenantScope.js";
export {
  APP_ROLE,
  ensureAppRole,
  ensureWorkerRole,
  WORKER_ROLE,
  type AppRoleOptions,
} from "./ensureAppRole.js";
