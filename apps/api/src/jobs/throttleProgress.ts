import type { EvaluationProgress } from "@ree/core-ml";
import type { PrismaClient } from "@ree/db";

import type { Logger } from "../logger.js";

/** Shortest interval between two progress writes of one run, in ms. */
const PROGRESS_INTERVAL_MS = 500;

/**
 * Writes progress at most every PROGRESS_INTERVAL_MS and never two writes at
 * once, so a fast training does not flood the database.
 */
export function throttleProgress(
  prisma: PrismaClient,
  runId: string,
  log: Logger,
  listener: (progress: EvaluationProgress) => void,
) {
  let latest: EvaluationProgress | undefined;
  let lastWrite = 0;
  let writing: Promise<void> = Promise.resolve();

  const write = (progress: EvaluationProgress) => {
    lastWrite = Date.now();
    writing = writing
      .then(async () => {
        await prisma.run.update({ where: { id: runId }, data: { progress: { ...progress } } });
      })
      .catch((error: unknown) => log.warn({ err: error }, "progress update failed"));
  };

  return {
    report(progress: EvaluationProgress) {
      latest = progress;
      listener(progress);
      if (Date.now() - lastWrite >= PROGRESS_INTERVAL_MS) {
        write(progress);
      }
    },
    async flush() {
      if (latest) {
        write(latest);
      }

      await writing;
    },
  };
}
