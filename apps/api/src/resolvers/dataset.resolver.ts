import {
  ColumnStatistics,
  Dataset,
  DatasetConnection,
  DatasetVersion,
  ImportColumnInput,
  ImportDatasetInput,
  ImportFileInput,
  ImportOptionsInput,
  ImportPreview,
  SampleConnection,
} from "@ree/schema/types";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../context.js";
import { datasetStatistics } from "../services/datasetStatistics.js";
import { exportDataset } from "../services/exportDataset.js";
import { ApiError } from "../errors/ApiError.js";
import { isUuid } from "../services/findOwned.js";
import { importDataset } from "../services/importDataset.js";
import {
  DEFAULT_LIST_PAGE,
  newestFirstConnection,
  newestFirstQuery,
} from "../services/newestFirstPage.js";
import { nameFilter } from "../services/nameFilter.js";
import { previewImport } from "../services/previewImport.js";
import { readImportOptions } from "../services/readImportRequest.js";
import { toDataset, toDatasetColumns } from "../services/records.js";
import { samplePage } from "../services/samplePage.js";
import { openImportFile } from "../services/uploadSource.js";

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => DatasetConnection, { description: "Data sets, one page at a time, newest first." })
  async datasets(
    @Ctx() { prisma }: Context,
    @Arg("first", () => Int, { defaultValue: DEFAULT_LIST_PAGE, description: "1 to 500." })
    first: number,
    @Arg("after", () => String, { nullable: true, description: "endCursor of the previous page." })
    after: string | null | undefined,
    @Arg("name", () => String, {
      nullable: true,
      description: "Keeps the data sets whose name contains this text, ignoring case.",
    })
    name: string | null | undefined,
  ): Promise<DatasetConnection> {
    // Row-level security keeps the organisation's own data sets and those shared with it.
    const query = newestFirstQuery("datasets", first, after ?? null);
    const filter = nameFilter(name);
    const [rows, totalCount] = await Promise.all([
      prisma.dataset.findMany({ ...query, where: { ...query.where, ...filter } }),
      prisma.dataset.count({ where: filter }),
    ]);

    return newestFirstConnection("datasets", first, rows, totalCount, toDataset);
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
    @Arg("row", () => Int, {
      nullable: true,
      description: "Starts the page at this row number, from 1; instead of after.",
    })
    row: number | null | undefined,
    @Arg("label", () => String, {
      nullable: true,
      description: "Starts the page at the sample with exactly this label; instead of after.",
    })
    label: string | null | undefined,
  ): Promise<SampleConnection> {
    return samplePage(prisma, dataset, first ?? 50, {
      after: after ?? null,
      row: row ?? null,
      label: label ?? null,
    });
  }

  @FieldResolver(() => Int, {
    description: "Number of the latest version, whose samples and statistics are served.",
  })
  async version(@Root() dataset: Dataset, @Ctx() { prisma }: Context): Promise<number> {
    const latest = dataset.latestVersionId
      ? await prisma.datasetVersion.findUnique({ where: { id: dataset.latestVersionId } })
      : null;

    return latest?.number ?? 0;
  }

  @FieldResolver(() => [DatasetVersion], { description: "Every version, the latest first." })
  async versions(@Root() dataset: Dataset, @Ctx() { prisma }: Context): Promise<DatasetVersion[]> {
    const rows = await prisma.datasetVersion.findMany({
      where: { datasetId: dataset.id },
      orderBy: { number: "desc" },
    });

    return rows.map((row) => ({ ...row, columns: toDatasetColumns(row.columns) }));
  }

  @Query(() => String, {
    description:
      "One version of a data set (default the latest) as CSV. units MOLAR writes mol % and " +
      "molar ppm as stored; MASS writes oxides in wt% and REE in ppm. Both import back to " +
      "the stored numbers.",
  })
  exportDataset(
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int, { nullable: true }) version: number | null,
    @Arg("units", () => String, { defaultValue: "MOLAR", description: "MOLAR or MASS." })
    units: string,
    @Ctx() { prisma }: Context,
  ): Promise<string> {
    if (!isUuid(id)) {
      throw ApiError.notFound("data set", id);
    }

    if (units !== "MOLAR" && units !== "MASS") {
      throw ApiError.badInput(`units must be "MOLAR" or "MASS", got "${units}"`);
    }

    return exportDataset(prisma, {
      datasetId: id,
      version,
      units: units === "MASS" ? "mass" : "molar",
    });
  }

  @Mutation(() => ImportPreview, {
    description:
      "Reads a file as importDataset would and returns the proposed column mapping and the " +
      "report of every problem; stores nothing.",
  })
  async previewImport(
    @Arg("file", () => ImportFileInput, { nullable: true }) file: ImportFileInput | null,
    @Arg("uploadId", () => ID, {
      nullable: true,
      description: "A file sent to POST /uploads, in place of file.",
    })
    uploadId: string | null,
    @Arg("sheet", () => String, {
      nullable: true,
      description: "Sheet of an uploaded XLSX file; default the first.",
    })
    sheet: string | null,
    @Arg("options", () => ImportOptionsInput, { nullable: true })
    options: ImportOptionsInput | null,
    @Arg("columns", () => [ImportColumnInput], { nullable: true })
    columns: ImportColumnInput[] | null,
    @Ctx() context: Context,
  ): Promise<ImportPreview> {
    const source = await openImportFile(context, { file, uploadId, sheet });
    if (!source) {
      throw ApiError.badInput("the request has no file; give file or uploadId");
    }

    return previewImport(source, readImportOptions(options, columns));
  }

  @Mutation(() => Dataset, {
    description:
      "Reads, checks and stores a table as a new data set, or as the next version of " +
      "datasetId; nothing is stored when the report has an error.",
  })
  async importDataset(
    @Arg("input", () => ImportDatasetInput) input: ImportDatasetInput,
    @Ctx() context: Context,
  ): Promise<Dataset> {
    const { prisma, organizationId, teamIds, logger, uploads } = context;
    const table = await openImportFile(context, input);
    const row = await importDataset(prisma, organizationId, { ...input, table, teamIds });
    logger.info({ datasetId: row.id, samples: row.sampleCount }, "data set imported");
    if (input.uploadId) {
      await uploads.delete(input.uploadId);
    }

    return toDataset(row);
  }
}
