import { randomUUID } from "node:crypto";

import { resolveEvaluationConfig, type TableColumn } from "@ree/core-ml";
import type { Prisma, PrismaClient } from "@ree/db";
import type { RunStatus, RunTask } from "@ree/schema/documents";

/** A run row as a list shows it; no job is queued, so no worker touches it. */
export interface SeedRun {
  id?: string;
  datasetId: string;
  name: string;
  status: RunStatus;
  task?: RunTask;
  testR2Total?: number | null;
  createdAt: Date;
}

/** Team of the seeded runs, so that their RUNNING rows do not count against other runs' limit. */
const SEED_TEAM = "seeded runs";

/**
 * Inserts run rows directly, with the data set's default config, in batches of 500. Returns their
 * ids in input order.
 */
export async function seedRuns(prisma: PrismaClient, runs: readonly SeedRun[]): Promise<string[]> {
  const datasets = await prisma.dataset.findMany({
    where: { id: { in: [...new Set(runs.map((run) => run.datasetId))] } },
  });
  const byId = new Map(datasets.map((dataset) => [dataset.id, dataset]));
  const teams = new Map<string, string>();
  for (const organizationId of new Set(datasets.map((dataset) => dataset.organizationId))) {
    const team = await prisma.team.upsert({
      where: { organizationId_name: { organizationId, name: SEED_TEAM } },
      create: { organizationId, name: SEED_TEAM },
      update: {},
    });
    teams.set(organizationId, team.id);
  }

  const rows = runs.map((run): Prisma.RunCreateManyInput => {
    const dataset = byId.get(run.datasetId);
    if (!dataset) {
      throw new Error(`seedRuns: no data set has the id ${run.datasetId}`);
    }

    const config = resolveEvaluationConfig(
      { task: run.task ?? "EVALUATION" },
      dataset.columns as unknown as TableColumn[],
    );

    return {
      id: run.id ?? randomUUID(),
      organizationId: dataset.organizationId,
      teamId: teams.get(dataset.organizationId) ?? null,
      datasetId: dataset.id,
      name: run.name,
      status: run.status,
      config: config as unknown as Prisma.InputJsonValue,
      progress: { fraction: run.status === "SUCCEEDED" ? 1 : 0, message: run.status.toLowerCase() },
      testR2Total: run.testR2Total ?? null,
      createdAt: run.createdAt,
    };
  });

  for (let start = 0; start < rows.length; start += 500) {
    await prisma.run.createMany({ data: rows.slice(start, start + 500) });
  }

  return rows.map((row) => row.id!);
}
