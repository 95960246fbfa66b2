import { ColumnStatistics, Dataset, ImportDatasetInput, SampleConnection } from "@ree/schema/types";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../context.js";
import { datasetStatistics } from "../services/datasetStatistics.js";
import { isUuid } from "../services/findOwned.js";
import { importDataset } from "../services/importDataset.js";
import { toDataset } from "../services/records.js";
import { samplePage } from "../services/samplePage.js";

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => [Dataset])
  async datasets(@Ctx() { prisma }: Context): Promise<Dataset[]> {
    // Row-level security keeps the organisation's own data sets and those shared with it.
    const rows = await prisma.dataset.findMany({
      orderBy: { createdAt: "asc" },
    });

    return rows.map(toDataset);
  }

  @Query(() => Dataset, { nullable: true })
  async dataset(
    @Arg("id", () => ID) id: string,
    @Ctx() { prisma }: Context,
  ): Promise<Dataset | null> {
    const row = isUuid(id) ? await prisma.dataset.findFirst({ where: { id } }) : null;

    return row ? toDataset(row) : null;
  }

  @FieldResolver(() => [ColumnStatistics])
  statistics(@Root() dataset: Dataset, @Ctx() { prisma }: Context): Promise<ColumnStatistics[]> {
    return datasetStatistics(prisma, dataset.id, dataset.columns);
  }

  @FieldResolver(() => SampleConnection)
  samples(
    @Root() dataset: Dataset,
    @Ctx() { prisma }: Context,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1 to 500; default 50." })
    first: number | null | undefined,
    @Arg("after", () => String, { nullable: true, description: "endCursor of the previous page." })
    after: string | null | undefined,
  ): Promise<SampleConnection> {
    return samplePage(prisma, dataset, first ?? 50, after ?? null);
  }

  @Mutation(() => Dataset, {
    description: "Validates a CSV table and stores it; nothing is stored when any cell is invalid.",
  })
  async importDataset(
    @Arg("input", () => ImportDatasetInput) input: ImportDatasetInput,
    @Ctx() { prisma, organizationId, logger }: Context,
  ): Promise<Dataset> {
    const row = await importDataset(prisma, organizationId, input);
    logger.info({ datasetId: row.id, samples: row.sampleCount }, "data set imported");

    return toDataset(row);
  }
}
