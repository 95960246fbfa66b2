/**
 * Serves the API for the load benchmark, in a process of its own: a fresh
 * database with the study ensemble and a 100,000-sample data set, then the
 * GraphQL server on a free loopback port. Prints one JSON line with the URL,
 * the model id and the data set id, then serves until SIGTERM.
 *
 * Usage (started by loadApi.ts, after `npx turbo run build`): npx tsx bench/api-load/serveApi.ts
 * BENCH_DATABASE_URL sets the database (default ree_bench_api on the local server).
 */
import {
  createLogger,
  createServer,
  ensureDefaultOrganization,
  migrateDatabase,
  seedBundledDatasets,
  seedStudyModels,
  STUDY_ENSEMBLE_NAME,
} from "@ree/api";
import { createPrismaClient, ensureDatabase, type Prisma, type PrismaClient } from "@ree/db";

/** Samples of the large data set. */
const LARGE_SAMPLES = 100_000;
const LARGE_NAME = "Load test: 100,000 samples";

const databaseUrl =
  process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ree_bench_api";
const logger = createLogger({ level: "warn", pretty: false });

await ensureDatabase(databaseUrl);
await migrateDatabase(databaseUrl, logger);
const prisma = createPrismaClient(databaseUrl);
const organizationId = await ensureDefaultOrganization(prisma);
await seedBundledDatasets(prisma, organizationId, logger);
await seedStudyModels(prisma, organizationId, logger);
const datasetId = await ensureLargeDataset(prisma, organizationId);
const model = await prisma.model.findFirstOrThrow({
  where: { organizationId, name: STUDY_ENSEMBLE_NAME },
});

const server = await createServer({ prisma, logger, organizationId, debug: false });
const url = await server.listen(0);
console.log(JSON.stringify({ url, modelId: model.id, datasetId, pid: process.pid }));

process.once("SIGTERM", () => {
  void server
    .stop()
    .then(() => prisma.$disconnect())
    .then(() => process.exit(0));
});

/**
 * Creates the large data set once, in SQL: the 10 bundled US samples repeated
 * to LARGE_SAMPLES rows, each with its own label and position.
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
  const dataset = await db.dataset.create({
    data: {
      organizationId: organization,
      name: LARGE_NAME,
      columns: source.columns as Prisma.InputJsonValue,
      sampleCount: LARGE_SAMPLES,
    },
  });
  await db.$executeRaw`
    INSERT INTO "Sample" (id, "organizationId", "datasetId", position, label, values, metadata)
    SELECT gen_random_uuid(), ${organization}::uuid, ${dataset.id}::uuid, n, 'S' || n, s.values, '{}'
    FROM generate_series(0, ${LARGE_SAMPLES - 1}) AS n
    JOIN "Sample" AS s ON s."datasetId" = ${source.id}::uuid AND s.position = n % ${source.sampleCount}`;

  return dataset.id;
}
