import { correlationMatrix } from "@ree/core-ml";
import { CorrelationMatrix, CorrelationMethod, Dataset } from "@ree/schema/types";
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { Context } from "../context.js";

@Resolver(() => Dataset)
export class DatasetCorrelationsResolver {
  @FieldResolver(() => CorrelationMatrix, {
    description: "Correlation matrix of the features and targets.",
  })
  async correlations(
    @Root() dataset: Dataset,
    @Arg("method", () => CorrelationMethod, { defaultValue: CorrelationMethod.PEARSON })
    method: CorrelationMethod,
    @Ctx() { prisma }: Context,
  ): Promise<CorrelationMatrix> {
    const samples = await prisma.sample.findMany({
      where: { datasetId: dataset.id },
      select: { values: true },
      orderBy: { position: "asc" },
    });
    const picked = dataset.columns.flatMap((column, index) =>
      column.role === "METADATA" ? [] : [{ ...column, index }],
    );
    // Features first, then targets, each in data set order.
    picked.sort((a, b) => Number(a.role !== "FEATURE") - Number(b.role !== "FEATURE"));
    const columns = picked.map(({ index }) =>
      samples.map((sample) => sample.values[index] ?? Number.NaN),
    );

    return {
      method,
      columns: picked.map((column) => column.name),
      values: correlationMatrix(columns, { method }).flat(),
      featureCount: picked.filter((column) => column.role === "FEATURE").length,
      sampleCount: samples.length,
    };
  }
}
