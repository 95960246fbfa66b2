import type { Prisma, PrismaClient } from "@ree/db";

/** Number, name prefix and oldest creation time of seeded rows, named `${prefix} 000` upwards a minute apart. */
export interface CopyOptions {
  count: number;
  prefix: string;
  /** Creation time of copy 000; the newest-first lists show it last. */
  oldest: Date;
}

function copyName(prefix: string, index: number): string {
  return `${prefix} ${String(index).padStart(3, "0")}`;
}

function copyTime(oldest: Date, index: number): Date {
  return new Date(oldest.getTime() + index * 60_000);
}

/**
 * Inserts data set rows with the columns of `datasetId` and no samples, as many as a list needs
 * to span several pages. Returns their names, oldest first.
 */
export async function seedDatasetCopies(
  prisma: PrismaClient,
  datasetId: string,
  { count, prefix, oldest }: CopyOptions,
): Promise<string[]> {
  const dataset = await prisma.dataset.findUniqueOrThrow({ where: { id: datasetId } });
  const rows = Array.from({ length: count }, (_, index): Prisma.DatasetCreateManyInput => ({
    organizationId: dataset.organizationId,
    name: copyName(prefix, index),
    source: dataset.source,
    columns: dataset.columns as Prisma.InputJsonValue,
    sampleCount: 0,
    createdAt: copyTime(oldest, index),
  }));
  await prisma.dataset.createMany({ data: rows });

  return rows.map((row) => row.name);
}

/** Inserts copies of the model `modelId`, artifact included. Returns their names, oldest first. */
export async function seedModelCopies(
  prisma: PrismaClient,
  modelId: string,
  { count, prefix, oldest }: CopyOptions,
): Promise<string[]> {
  const model = await prisma.model.findUniqueOrThrow({ where: { id: modelId } });
  const rows = Array.from({ length: count }, (_, index): Prisma.ModelCreateManyInput => ({
    organizationId: model.organizationId,
    datasetId: model.datasetId,
    name: copyName(prefix, index),
    kind: model.kind,
    artifact: model.artifact as Prisma.InputJsonValue,
    createdAt: copyTime(oldest, index),
  }));
  await prisma.model.createMany({ data: rows });

  return rows.map((row) => row.name);
}
