import type { EvaluationConfig, EvaluationData, TableColumn } from "@ree/core-ml";
import { createMatrix } from "@ree/core-ml";
import type { PrismaClient } from "@ree/db";

/**
 * Loads the samples of a data set version, in table order, as the numeric table core-ml
 * evaluates; without versionId, those of the latest version.
 */
export async function loadEvaluationData(
  prisma: PrismaClient,
  datasetId: string,
  columnsJson: unknown,
  versionId?: string | null,
): Promise<EvaluationData> {
  const columns = columnsJson as TableColumn[];
  const dataset = versionId
    ? null
    : await prisma.dataset.findUnique({
        where: { id: datasetId },
        select: { latestVersionId: true },
      });
  const samples = await prisma.sample.findMany({
    where: { datasetId, versionId: versionId ?? dataset?.latestVersionId ?? undefined },
    orderBy: { position: "asc" },
    select: { label: true, values: true },
  });
  const values = createMatrix(samples.length, columns.length);
  samples.forEach((sample, i) => values.data.set(sample.values, i * columns.length));

  return { labels: samples.map((sample) => sample.label), columns, values };
}

/**
 * Finds the data set of a run as the run's organisation reads it: its own, or one shared with
 * it. A part that starts after the share is revoked fails the run with the error below. Parts
 * that loaded their samples before finish training, but the run then fails when it stores its
 * results, because that step loads the samples again.
 */
export async function findRunDataset(prisma: PrismaClient, run: { datasetId: string }) {
  const dataset = await prisma.dataset.findUnique({
    where: { id: run.datasetId },
    include: { latestVersion: true },
  });
  if (!dataset) {
    throw new Error(
      `data set "${run.datasetId}" is no longer readable by the run's organisation: its share ` +
        "was revoked or it was deleted; ask its owner to share it again and start a new run",
    );
  }

  return dataset;
}

/** Loads the samples of the data set version a run was started on. */
export async function loadRunData(
  prisma: PrismaClient,
  run: { datasetId: string; datasetVersionId: string | null },
): Promise<EvaluationData> {
  const dataset = await findRunDataset(prisma, run);
  const version = run.datasetVersionId
    ? await prisma.datasetVersion.findUnique({ where: { id: run.datasetVersionId } })
    : dataset.latestVersion;

  return loadEvaluationData(
    prisma,
    run.datasetId,
    version?.columns ?? dataset.columns,
    version?.id ?? null,
  );
}

/** Measured targets of every sample, in the config's target order. */
export function measuredTargets(data: EvaluationData, config: EvaluationConfig): number[][] {
  const indices = config.targets.map((name) => data.columns.findIndex((c) => c.name === name));

  return data.labels.map((_, i) =>
    indices.map((j) => data.values.data[i * data.columns.length + j] ?? NaN),
  );
}
