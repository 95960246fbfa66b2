import { ensureDatabase } from "../ensureDatabase.js";
import { migrateDeploy } from "../migrateDeploy.js";
import { migrateDev } from "../migrateDev.js";

const defaultDatabaseUrl = "postgresql://postgres@127.0.0.1:5432/ree";

const usage = `Usage:
  migrate dev <name>   write a migration for the changes in schema.prisma, if any, and apply it
  migrate deploy       apply the migrations in migrations/ that the database has not recorded

Environment:
  DATABASE_URL         target database (default ${defaultDatabaseUrl}); created if missing`;

async function main(args: string[]): Promise<void> {
  const [command, name, ...extra] = args;
  const databaseUrl = process.env.DATABASE_URL ?? defaultDatabaseUrl;
  const logger = (message: string) => console.log(message);

  if (command === "dev" && name !== undefined && extra.length === 0) {
    await ensureDatabase(databaseUrl);
    const { createdMigration, appliedMigrations } = await migrateDev(databaseUrl, name, { logger });
    if (createdMigration === undefined) {
      console.log("No changes: schema.prisma matches the migrations, so no migration was written.");
    }

    if (appliedMigrations.length === 0) {
      console.log("No pending migrations to apply.");
    }

    return;
  }

  if (command === "deploy" && name === undefined) {
    await ensureDatabase(databaseUrl);
    const applied = await migrateDeploy(databaseUrl, { logger });
    if (applied.length === 0) {
      console.log("No pending migrations to apply.");
    }

    return;
  }

  throw new Error(`Invalid arguments: ${args.join(" ") || "(none)"}.\n${usage}`);
}

// The explicit exit ends the process even if a driver left a timer or socket open.
main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
