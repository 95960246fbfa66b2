import {
  createMatrix,
  type EvaluationConfig,
  type EvaluationData,
  type TableColumn,
} from "@ree/core-ml";
import type { PrismaClient } from "@ree/db";

/** Reads a run's resolved config and its data set's samples, as a worker loads them. */
export async function readRunData(
  prisma: PrismaClient,
  id: string,
): Promise<{ config: EvaluationConfig; data: EvaluationData }> {
  const run = await prisma.run.findUniqueOrThrow({ where: { id }, include: { dataset: true } });
  const columns = run.dataset.columns as unknown as TableColumn[];
  const samples = await prisma.sample.findMany({
    where: { datasetId: run.datasetId },
    orderBy: { position: "asc" },
  });
  const values = createMatrix(samples.length, columns.length);
  samples.forEach((sample, i) => values.data.set(sample.values, i * columns.length));

  return {
    config: run.config as unknown as EvaluationConfig,
    data: { labels: samples.map((s) => s.label), columns, values },
  };
}
