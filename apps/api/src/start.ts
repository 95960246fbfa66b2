import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

import { createNetworkEngine, type EvaluationProgress } from "@ree/core-ml";
import {
  createTenantPrismaClient,
  ensureDatabase,
  runAsTenant,
  startEmbeddedPostgres,
} from "@ree/db";

import { migrateDatabase } from "./database.js";
import { startWorker } from "./jobs/startWorker.js";
import { createLogger } from "./logger.js";
import { BUNDLED_DATASETS, seedBundledDatasets } from "./seed/seedBundledDatasets.js";
import { seedFirstOwner } from "./seed/seedFirstOwner.js";
import { seedStudyModels } from "./seed/seedStudyModels.js";
import { createServer } from "./server.js";
import { ensureDefaultOrganization } from "./services/defaultOrganization.js";
import { startRun } from "./services/startRun.js";

/**
 * Runs the whole workbench in one command: the database (an embedded
 * PostgreSQL under .data/ unless DATABASE_URL is set), migrations, the bundled
 * data, the API with a worker, the dashboard, and a first multi-task run.
 */
const logger = createLogger();
const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const apiPort = Number(process.env.API_PORT ?? 4000);
const webPort = Number(process.env.WEB_PORT ?? 3000);
const host = "127.0.0.1";
/** Percentage last printed by printProgress, so non-terminal logs get a line per 10 %. */
let lastPrinted = -1;
/** Set once shutdown starts, so the dashboard's exit is not reported as a failure. */
let stopping = false;

const embedded = process.env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ dataDir: `${repositoryRoot}.data/postgres` });
const databaseUrl = process.env.DATABASE_URL ?? embedded?.databaseUrl ?? "";
logger.info(
  { database: embedded ? "embedded PostgreSQL in .data/postgres" : "DATABASE_URL" },
  "database selected",
);
await ensureDatabase(databaseUrl);
const appDatabaseUrl = await migrateDatabase(databaseUrl, logger);

// Seeding connects as the tables' owner; serving and training as the application role, which
// row-level security confines to each request's organisation.
const ownerPrisma = createTenantPrismaClient(databaseUrl);
const prisma = createTenantPrismaClient(appDatabaseUrl);
const organizationId = await ensureDefaultOrganization(ownerPrisma);
const firstOwner = await runAsTenant({ organizationId }, async () => {
  await seedBundledDatasets(ownerPrisma, organizationId, logger);
  await seedStudyModels(ownerPrisma, organizationId, logger);

  return seedFirstOwner(ownerPrisma, organizationId, logger);
});
await ownerPrisma.$disconnect();

const engine = await createNetworkEngine(process.env.REE_TRAINING_ENGINE);
logger.info({ engine: engine.name }, `training with the ${engine.name} engine`);
const server = await createServer({ prisma, logger });
const apiUrl = await server.listen(apiPort, host).catch(async (error: NodeJS.ErrnoException) => {
  if (error.code === "EADDRINUSE") {
    logger.error(`port ${apiPort} on ${host} is in use; set API_PORT to a free port`);
  }

  await prisma.$disconnect();
  await embedded?.stop();
  throw error;
});
const worker = await startWorker({
  databaseUrl,
  prisma,
  engine,
  logger,
  onProgress: printProgress,
});
const web = startDashboard(apiUrl);
const dashboardUrl = `http://${host}:${webPort}`;

const firstRunId = await runAsTenant({ organizationId }, startFirstRun);
console.log(`\nAPI:       ${apiUrl}\nDashboard: ${dashboardUrl}`);
if (firstOwner) {
  console.log(
    `Sign in:   ${dashboardUrl}/sign-in as ${firstOwner.email} with password ` +
      `${firstOwner.password} (shown once; set REE_OWNER_PASSWORD to choose it)`,
  );
}

if (firstRunId) {
  console.log(`First run: ${dashboardUrl}/runs/${firstRunId} (training now; progress below)\n`);
}

process.once("SIGINT", () => void shutdown());
process.once("SIGTERM", () => void shutdown());

/** Starts a multi-task run on the US data set when the database has no run yet. */
async function startFirstRun(): Promise<string | undefined> {
  if ((await prisma.run.count({ where: { organizationId } })) > 0) {
    return undefined;
  }

  const dataset = await prisma.dataset.findFirstOrThrow({
    where: { organizationId, name: BUNDLED_DATASETS[0].name },
  });
  const run = await startRun(prisma, organizationId, {
    datasetId: dataset.id,
    name: "First run: linear and multi-task on the US coal ashes",
    analyses: ["SHAP", "FEATURE_EFFECTS", "NOISE", "SCREENING"],
  });

  return run.id;
}

function startDashboard(graphqlUrl: string): ChildProcess {
  const require = createRequire(import.meta.url);
  const nextBin = require.resolve("next/dist/bin/next", {
    paths: [`${repositoryRoot}apps/web`],
  });
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(webPort), "-H", host], {
    cwd: `${repositoryRoot}apps/web`,
    env: { ...process.env, REE_API_URL: graphqlUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    // A process group of its own, so that stopping it also stops the server process it forks.
    detached: true,
  });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      logger.error({ code, signal }, "dashboard exited; run `npm run build` and start again");
    }
  });

  return child;
}

/** Prints a progress bar on a terminal, and a line every 10 % otherwise. */
function printProgress(runId: string, progress: EvaluationProgress): void {
  const percent = Math.floor(progress.fraction * 100);
  const width = 30;
  const filled = Math.round(progress.fraction * width);
  const line = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${percent}% ${progress.message}`;
  if (process.stdout.isTTY) {
    process.stdout.write(`\r${line.padEnd(100)}${progress.fraction >= 1 ? "\n" : ""}`);
  } else if (Math.floor(percent / 10) !== Math.floor(lastPrinted / 10)) {
    console.log(`run ${runId}: ${line}`);
  }

  lastPrinted = percent;
}

async function shutdown(): Promise<void> {
  stopping = true;
  logger.info("shutting down");
  if (web.pid !== undefined) {
    process.kill(-web.pid, "SIGTERM");
  }

  await worker.stop();
  await server.stop();
  await prisma.$disconnect();
  await embedded?.stop();
  process.exit(0);
}
