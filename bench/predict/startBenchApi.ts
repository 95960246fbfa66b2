/**
 * Starts the API for measurePredict.ts on a new database of a local
 * PostgreSQL server, with the study's models stored, and prints one JSON line
 * `{ apiUrl, modelId, token }`: the token is an API token of the default
 * organisation's owner. On SIGTERM it stops the server and drops the database.
 * Run it with NODE_ENV=production, as a deployed server runs: graphql-js then
 * skips its development checks.
 */

import { createLogger, createServer, seedStudyModels, STUDY_ENSEMBLE_NAME } from "@ree/api";
import { runAsTenant } from "@ree/db";

import { createOwnerToken, openBenchDatabase, scratchDatabase } from "../support/benchDatabase.js";

const database = scratchDatabase(
  process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  "ree_bench_predict",
);

const logger = createLogger({ level: "warn", pretty: false });
const { ownerPrisma, appPrisma, organizationId } = await openBenchDatabase(database.url, logger);
const model = await runAsTenant({ organizationId }, async () => {
  await seedStudyModels(ownerPrisma, organizationId, logger);

  return ownerPrisma.model.findFirstOrThrow({ where: { name: STUDY_ENSEMBLE_NAME } });
});
const token = await createOwnerToken(ownerPrisma, organizationId);
await ownerPrisma.$disconnect();
const server = await createServer({ prisma: appPrisma, logger });
const apiUrl = await server.listen(0);

process.once("SIGTERM", () => {
  // Exit explicitly: the database pools would keep the process alive for seconds.
  stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("stopping the bench API failed:", error);
      process.exit(1);
    },
  );
});
console.log(JSON.stringify({ apiUrl, modelId: model.id, token }));

async function stop(): Promise<void> {
  await server.stop();
  await appPrisma.$disconnect();
  await database.drop();
}
