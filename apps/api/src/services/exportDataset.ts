import { type ExportUnits, type TableColumn, writeDatasetCsv } from "@ree/core-ml";
import type { PrismaClient } from "@ree/db";

import { ApiError } from "../errors/ApiError.js";

/** Samples read per query while the file is written. */
const READ_BATCH = 1000;

/**
 * Writes one version of a data set (default the latest) as CSV in molar or mass units. The
 * file imports back to the stored numbers; see writeDatasetCsv. Row-level security finds the
 * versions of the organisation's own data sets and of those shared with it.
 */
export async function exportDataset(
  prisma: PrismaClient,
  request: { datasetId: string; version?: number | null; units: ExportUnits },
): Promise<string> {
  const { datasetId, version, units } = request;
  const found = await prisma.datasetVersion.findFirst({
    where: {
      datasetId,
      ...(version === null || version === undefined
        ? { latestOf: { isNot: null } }
        : { number: version }),
    },
  });
  if (!found) {
    throw ApiError.notFound("data set version", `${datasetId} ${version ?? "latest"}`);
  }

  const keys = await prisma.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT jsonb_object_keys(s."metadata") AS key
    FROM "Sample" s WHERE s."versionId" = ${found.id}::uuid ORDER BY key`;
  const columns = found.columns as unknown as TableColumn[];
  const samples = await readAllSamples(prisma, found.id);
  const lines = writeDatasetCsv(columns, samples, {
    units,
    metadataColumns: keys.map(({ key }) => key),
  });

  return [...lines].join("");
}

async function readAllSamples(prisma: PrismaClient, versionId: string) {
  const samples = [];
  let after = -1;
  for (;;) {
    const batch = await prisma.sample.findMany({
      where: { versionId, position: { gt: after } },
      orderBy: { position: "asc" },
      take: READ_BATCH,
      select: { label: true, values: true, metadata: true, position: true },
    });
    samples.push(
      ...batch.map(({ label, values, metadata }) => ({
        label,
        values,
        metadata: metadata as Record<string, unknown>,
      })),
    );
    if (batch.length < READ_BATCH) {
      return samples;
    }

    after = batch.at(-1)?.position ?? after;
  }
}
