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
  type Membership,
  type Model,
  type Organization,
  type Run,
  type RunEvent,
  type RunPart,
  type Sample,
  type Team,
  type User,
} from "../generated/prisma/client.js";
