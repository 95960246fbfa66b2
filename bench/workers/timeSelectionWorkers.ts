/**
 * Times a feature elimination run on 1 and on 2 worker processes. The run is the study's RFE
 * x100 from the 10 oxides of the ten US samples, with a single-task network of `--epochs` epochs
 * on the total REE. It splits into parts of REE_REPETITIONS_PER_JOB repetitions (default 5, so
 * 20 parts).
 *
 * The script creates its own database on the local PostgreSQL server, imports the US data
 * set, and for each trial starts the workers (node apps/api/dist/cli/worker.js, so build the
 * API first), runs a two-repetition warm-up run on them, then queues the timed run and waits
 * for it. A run's time is its finishedAt minus its createdAt, both stamped by the database.
 * Trials alternate 1 and 2 workers, `--repeats` of each; the script prints each trial with the
 * 1-minute load average, the medians, the speed-up of 2 workers over 1 and whether every trial
 * stored the same result. The database is dropped at the end.
 *
 * Usage: npx tsx bench/workers/timeSelectionWorkers.ts [--repeats 3] [--epochs 500]
 *   [--server postgresql://postgres@127.0.0.1:5432/postgres]
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { createLogger, importDataset, startRun } from "@ree/api";
import { type PrismaClient, runAsTenant } from "@ree/db";

import { openBenchDatabase, scratchDatabase } from "../support/benchDatabase.js";

const { values: options } = parseArgs({
  options: {
    repeats: { type: "string", default: "3" },
    epochs: { type: "string", default: "500" },
    server: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
  },
});
const repeats = Number(options.repeats);
const epochs = Number(options.epochs);
const database = scratchDatabase(options.server, "ree_bench_workers");
const workerScript = fileURLToPath(new URL("../../apps/api/dist/cli/worker.js", import.meta.url));

const logger = createLogger({ level: "warn", pretty: false });
const { ownerPrisma, organizationId } = await openBenchDatabase(database.url, logger);

try {
  const csv = await readFile(
    new URL("../../data/song2024_doe_demo10pct_molar.csv", import.meta.url),
    "utf8",
  );
  const dataset = await runAsTenant({ organizationId }, () =>
    importDataset(ownerPrisma, organizationId, { name: "US demo", csv }),
  );
  const trials: { workers: number; seconds: number; finishers: number; result: string }[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const workers of [1, 2]) {
      const trial = await timeTrial(ownerPrisma, dataset.id, workers);
      trials.push({ workers, ...trial });
      console.log(
        `repeat ${repeat + 1}, ${workers} worker(s): ${trial.seconds.toFixed(2)} s, ` +
          `parts finished on ${trial.finishers} worker(s), load average ${loadavg()[0]?.toFixed(1)}`,
      );
    }
  }

  const median = (workers: number) => {
    const sorted = trials
      .filter((trial) => trial.workers === workers)
      .map((trial) => trial.seconds)
      .sort((a, b) => a - b);

    return sorted[Math.floor(sorted.length / 2)] ?? NaN;
  };

  const [one, two] = [median(1), median(2)];
  console.log(`median, 1 worker: ${one.toFixed(2)} s, 2 workers: ${two.toFixed(2)} s`);
  console.log(`speed-up of 2 workers over 1: ${(one / two).toFixed(2)}`);
  console.log(
    `same result in every trial: ${trials.every((trial) => trial.result === trials[0]?.result)}`,
  );
} finally {
  await ownerPrisma.$disconnect();
  await database.drop();
}

/** Starts `count` workers, warms them up on a small run, and times the full run on them. */
async function timeTrial(prisma: PrismaClient, datasetId: string, count: number) {
  const workers = Array.from({ length: count }, () =>
    spawn(process.execPath, [workerScript], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "warn" },
      stdio: ["ignore", "inherit", "inherit"],
    }),
  );
  try {
    await runToEnd(prisma, datasetId, 2, 10);
    const id = await runToEnd(prisma, datasetId, 100, epochs);
    const run = await prisma.run.findUniqueOrThrow({ where: { id } });
    const events = await prisma.runEvent.findMany({ where: { runId: id, kind: "PART_FINISHED" } });
    const finishers = new Set(events.map((event) => event.message.replace(/^.* finished on /, "")));

    return {
      seconds: ((run.finishedAt?.getTime() ?? NaN) - run.createdAt.getTime()) / 1000,
      finishers: finishers.size,
      result: JSON.stringify((run.results as { featureElimination?: unknown }).featureElimination),
    };
  } finally {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise((resolve) => {
            worker.once("exit", resolve);
            worker.kill("SIGTERM");
          }),
      ),
    );
  }
}

/** Queues a feature elimination, polls every 100 ms until it succeeds, and returns its id. */
async function runToEnd(
  prisma: PrismaClient,
  datasetId: string,
  repetitions: number,
  runEpochs: number,
): Promise<string> {
  const run = await runAsTenant({ organizationId }, () =>
    startRun(prisma, organizationId, {
      datasetId,
      task: "FEATURE_ELIMINATION",
      seed: 3,
      selection: { repetitions },
      network: { epochs: runEpochs },
    }),
  );
  for (;;) {
    const { status, error } = await prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    if (status === "SUCCEEDED") {
      return run.id;
    }

    if (status !== "QUEUED" && status !== "RUNNING") {
      throw new Error(`run ${run.id} ended ${status}: ${error ?? "no error stored"}`);
    }

    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
