/**
 * Serves the API for the load benchmark, in a process of its own. The database
 * contains the study ensemble and a 100,000-sample data set, created on the
 * first run and kept for the next. The GraphQL server listens on a free
 * loopback port and connects as the application role.
 * Prints one JSON line with the URL, the model id, the data set id and an API
 * token of the default organisation's owner, then serves until SIGTERM.
 *
 * Usage (started by loadApi.ts, after `npx turbo run build`): npx tsx bench/api-load/serveApi.ts
 * BENCH_DATABASE_URL sets the database (default ree_bench_api on the local server).
 */
import {
  createLogger,
  createServer,
  seedBundledDatasets,
  seedStudyModels,
  STUDY_ENSEMBLE_NAME,
} from "@ree/api";
import { type Prisma, type PrismaClient, runAsTenant } from "@ree/db";

import { createOwnerToken, openBenchDatabase } from "../support/benchDatabase.js";

/** Samples of the large data set. */
const LARGE_SAMPLES = 100_000;
const LARGE_NAME = "Load test: 100,000 samples";
/** Time allowed for the transaction that stores the large data set, in ms. */
const SEED_TIMEOUT_MS = 300_000;

const databaseUrl =
  process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ree_bench_api";
const logger = createLogger({ level: "warn", pretty: false });

const { ownerPrisma, appPrisma, organizationId } = await openBenchDatabase(databaseUrl, logger);
const { datasetId, modelId } = await runAsTenant({ organizationId }, async () => {
  await seedBundledDatasets(ownerPrisma, organizationId, logger);
  await seedStudyModels(ownerPrisma, organizationId, logger);
  const model = await ownerPrisma.model.findFirstOrThrow({
    where: { organizationId, name: STUDY_ENSEMBLE_NAME },
  });

  return { datasetId: await ensureLargeDataset(ownerPrisma, organizationId), modelId: model.id };
});
const token = await createOwnerToken(ownerPrisma, organizationId);
await ownerPrisma.$disconnect();

const server = await createServer({ prisma: appPrisma, logger, debug: false });
const url = await server.listen(0);
console.log(JSON.stringify({ url, modelId, datasetId, token, pid: process.pid }));

process.once("SIGTERM", () => {
  void server
    .stop()
    .then(() => appPrisma.$disconnect())
    .then(() => process.exit(0));
});

/**
 * Creates the large data set once, in SQL and in one transaction: the 10
 * bundled US samples of their latest version repeated to LARGE_SAMPLES rows,
 * each with its own label and position, as the data set's first version.
 */
async function ensureLargeDataset(db: PrismaClient, organization: string): Promise<string> {
  const existing = await db.dataset.findFirst({
    where: { organizationId: organization, name: LARGE_NAME },
  });
  if (existing) {
    return existing.id;
  }

  const source = await db.dataset.findFirstOrThrow({
    where: { organizationId: organization, name: { startsWith: "US coal ashes" } },
  });
  const columns = source.columns as Prisma.InputJsonValue;

  return db.$transaction(
    async (tx) => {
      const dataset = await tx.dataset.create({
        data: { organizationId: organization, name: LARGE_NAME, columns, sampleCount: 0 },
      });
      const version = await tx.datasetVersion.create({
        data: {
          organizationId: organization,
          datasetId: dataset.id,
          number: 1,
          columns,
          sampleCount: LARGE_SAMPLES,
        },
      });
      await tx.$executeRaw`
        INSERT INTO "Sample" (id, "organizationId", "datasetId", "versionId", position, label, values, metadata)
        SELECT gen_random_uuid(), ${organization}::uuid, ${dataset.id}::uuid, ${version.id}::uuid,
          n, 'S' || n, s.values, '{}'
        FROM generate_series(0, ${LARGE_SAMPLES - 1}) AS n
        JOIN "Sample" AS s ON s."versionId" = ${source.latestVersionId}::uuid
          AND s.position = n % ${source.sampleCount}`;
      await tx.dataset.update({
        where: { id: dataset.id },
        data: { sampleCount: LARGE_SAMPLES, latestVersionId: version.id },
      });

      return dataset.id;
    },
    { timeout: SEED_TIMEOUT_MS },
  );
}
