import type { PrismaClient } from "@ree/db";

interface StatisticsRow {
  ordinal: bigint;
  count: bigint;
  percentiles: number[];
  mean: number;
  sd: number | null;
}

/**
 * Computes count, percentiles 0/20/50/80/100, mean and sample sd of every
 * column of the latest version inside PostgreSQL, so the samples never load into memory.
 * percentile_cont interpolates linearly, as numpy's default does.
 */
export async function datasetStatistics(
  prisma: PrismaClient,
  datasetId: string,
  columns: readonly { name: string; unit: string }[],
) {
  const rows = await prisma.$queryRaw<StatisticsRow[]>`
    SELECT u.ordinal,
           count(*) AS count,
           percentile_cont(ARRAY[0, 0.2, 0.5, 0.8, 1]::float8[]) WITHIN GROUP (ORDER BY u.value) AS percentiles,
           avg(u.value) AS mean,
           stddev_samp(u.value) AS sd
    FROM "Sample" s, unnest(s."values") WITH ORDINALITY AS u(value, ordinal)
    WHERE s."versionId" = (SELECT d."latestVersionId" FROM "Dataset" d WHERE d.id = ${datasetId}::uuid)
    GROUP BY u.ordinal
    ORDER BY u.ordinal`;

  return rows.map((row) => {
    const column = columns[Number(row.ordinal) - 1];
    const [p0 = NaN, p20 = NaN, p50 = NaN, p80 = NaN, p100 = NaN] = row.percentiles;

    return {
      column: column?.name ?? `column ${row.ordinal}`,
      unit: column?.unit ?? "",
      count: Number(row.count),
      p0,
      p20,
      p50,
      p80,
      p100,
      mean: row.mean,
      sd: row.sd,
    };
  });
}
