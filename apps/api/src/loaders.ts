import { countSelectionUnits, type EvaluationConfig } from "@ree/core-ml";
import type { Dataset as DatasetRow, PrismaClient, RunEvent } from "@ree/db";
import type { RunCompletion } from "@ree/schema/types";
import DataLoader from "dataloader";

import type { Context } from "./context.js";

/**
 * Loaders of nested fields, one set per request: the fields of every item of a
 * list that ask for the same kind of row are read in one query, and rows are
 * cached for the rest of the request only.
 */
export interface Loaders {
  /** Data sets by id. */
  datasets: DataLoader<string, DatasetRow | null>;
  /** The results JSON of runs, by run id. */
  runResults: DataLoader<string, unknown>;
  /** Log entries of runs, oldest first, by run id. */
  runEvents: DataLoader<string, RunEvent[]>;
  /** Count of repetitions with stored outcomes, by run id. */
  finishedRepetitions: DataLoader<string, number>;
  /** Finished and total units of runs, by run id: selection units or repetitions. */
  completions: DataLoader<string, RunCompletion | null>;
}

const perRequest = new WeakMap<Context, Loaders>();

/** Returns the loaders of the request that `context` belongs to. */
export function loadersOf(context: Context): Loaders {
  let loaders = perRequest.get(context);
  if (!loaders) {
    loaders = createLoaders(context.prisma);
    perRequest.set(context, loaders);
  }

  return loaders;
}

function createLoaders(prisma: PrismaClient): Loaders {
  return {
    datasets: new DataLoader(async (ids) => {
      const rows = await prisma.dataset.findMany({ where: { id: { in: [...ids] } } });

      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    }),
    runResults: new DataLoader(async (ids) => {
      const rows = await prisma.run.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, results: true },
      });

      return ids.map((id) => rows.find((row) => row.id === id)?.results ?? null);
    }),
    runEvents: new DataLoader(async (ids) => {
      const rows = await prisma.runEvent.findMany({
        where: { runId: { in: [...ids] } },
        orderBy: { id: "asc" },
      });

      return ids.map((id) => rows.filter((row) => row.runId === id));
    }),
    finishedRepetitions: new DataLoader(async (ids) => {
      const parts = await prisma.runPart.findMany({
        where: { runId: { in: [...ids] }, status: "DONE" },
        select: { runId: true, repetitions: true },
      });

      return ids.map((id) =>
        parts
          .filter((part) => part.runId === id)
          .reduce((sum, part) => sum + part.repetitions.length, 0),
      );
    }),
    completions: new DataLoader(async (ids) => {
      const [runs, parts] = await Promise.all([
        prisma.run.findMany({
          where: { id: { in: [...ids] } },
          select: { id: true, config: true },
        }),
        prisma.runPart.findMany({
          where: { runId: { in: [...ids] }, status: "DONE" },
          select: { runId: true, repetitions: true, units: true },
        }),
      ]);

      return ids.map((id) => {
        const run = runs.find((row) => row.id === id);

        return run
          ? completionOf(
              run.config as unknown as EvaluationConfig,
              parts.filter((part) => part.runId === id),
            )
          : null;
      });
    }),
  };
}

/**
 * Counts the finished units of a run from its DONE parts: the selection units of a feature
 * elimination (its repetitions) or grid search (its grid cells), the repetitions otherwise.
 */
function completionOf(
  config: EvaluationConfig,
  doneParts: { repetitions: number[]; units: number[] }[],
): RunCompletion {
  if (config.task === "FEATURE_ELIMINATION" || config.task === "GRID_SEARCH") {
    return {
      finished: doneParts.reduce((sum, part) => sum + part.units.length, 0),
      total: countSelectionUnits(config),
      unit: config.task === "GRID_SEARCH" ? "grid cells" : "repetitions",
    };
  }

  return {
    finished: doneParts.reduce((sum, part) => sum + part.repetitions.length, 0),
    total: config.repetitions,
    unit: "repetitions",
  };
}
