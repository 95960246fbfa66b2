import {
  type ImportedSample,
  type ImportProblem,
  type ImportReport,
  type ImportSource,
  openTableImport,
} from "@ree/core-ml";
import { Prisma, type PrismaClient } from "@ree/db";
import type { ImportColumnInput, ImportFileInput, ImportOptionsInput } from "@ree/schema/types";

import { ApiError } from "../errors/ApiError.js";
import { ApiErrorCode } from "../errors/ApiErrorCode.js";
import { rejectTableErrors, toReport } from "./previewImport.js";
import { readImportFile, readImportOptions } from "./readImportRequest.js";

export interface ImportDatasetRequest {
  /** Name of a new data set; unused when datasetId is given. */
  name?: string | null;
  csv?: string | null;
  file?: ImportFileInput | null;
  /** A table read by the caller, e.g. a file streamed from disk; replaces csv and file. */
  table?: ImportSource;
  /** The data set that the file becomes the next version of. */
  datasetId?: string | null;
  description?: string | null;
  /** Origin of the data, with a citation. */
  source?: string | null;
  license?: string | null;
  decimalSeparator?: string | null;
  options?: ImportOptionsInput | null;
  columns?: ImportColumnInput[] | null;
}

/** Samples per INSERT statement. */
const INSERT_BATCH = 500;

/** Maximum duration of an import's transaction, in ms; see bench/import for real timings. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;

/** Problems quoted in an error's extensions; the preview lists them all. */
const QUOTED_PROBLEMS = 100;

/**
 * Reads, checks and stores a table as a new data set, or as the next version of an existing
 * one, in one transaction. Rows are inserted in batches as the file streams in, and the
 * transaction is rolled back when the report has an error, so a failed import leaves no rows.
 */
export async function importDataset(
  prisma: PrismaClient,
  organizationId: string,
  request: ImportDatasetRequest,
) {
  const source = readSource(request);
  const options = readImportOptions(request.options, request.columns, request.decimalSeparator);
  const name = request.datasetId ? null : readName(request.name);
  const existing = request.datasetId
    ? await prisma.dataset.findFirst({ where: { id: request.datasetId, organizationId } })
    : null;
  if (request.datasetId && !existing) {
    throw ApiError.notFound("data set", request.datasetId);
  }

  try {
    return await prisma.$transaction(
      async (tx) => {
        const table = await rejectTableErrors(() => openTableImport(source, options));
        const dataset =
          existing ??
          (await tx.dataset.create({
            data: {
              organizationId,
              name: name ?? "",
              description: request.description ?? "",
              source: request.source ?? "",
              license: request.license ?? "",
              columns: [],
              sampleCount: 0,
            },
          }));
        const latest = await tx.datasetVersion.aggregate({
          where: { datasetId: dataset.id },
          _max: { number: true },
        });
        const columns = table.outputColumns.map((column) => ({ ...column }));
        const version = await tx.datasetVersion.create({
          data: {
            organizationId,
            datasetId: dataset.id,
            number: (latest._max.number ?? 0) + 1,
            columns,
            sampleCount: 0,
            importSettings: { ...options } as unknown as Prisma.InputJsonValue,
          },
        });
        const sampleCount = await rejectTableErrors(() =>
          insertSamples(tx, table.samples(), {
            organizationId,
            datasetId: dataset.id,
            versionId: version.id,
          }),
        );
        rejectReport(table.report(), source.format);

        await tx.datasetVersion.update({ where: { id: version.id }, data: { sampleCount } });

        return tx.dataset.update({
          where: { id: dataset.id },
          data: { columns, sampleCount, latestVersionId: version.id },
        });
      },
      { timeout: IMPORT_TIMEOUT_MS, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ApiError(
        ApiErrorCode.CONFLICT,
        `a data set named "${name}" already exists; choose another name`,
      );
    }

    throw error;
  }
}

function readSource(request: ImportDatasetRequest): ImportSource {
  if (request.table !== undefined) {
    return request.table;
  }

  if (request.file) {
    return readImportFile(request.file);
  }

  if (request.csv !== null && request.csv !== undefined) {
    return { format: "csv", text: request.csv };
  }

  throw ApiError.badInput("the request has no table; give csv or file");
}

function readName(name: string | null | undefined): string {
  const trimmed = (name ?? "").trim();
  if (trimmed === "") {
    throw ApiError.badInput("name must not be empty; give the data set a name");
  }

  return trimmed;
}

interface SampleOwner {
  organizationId: string;
  datasetId: string;
  versionId: string;
}

async function insertSamples(
  tx: Prisma.TransactionClient,
  samples: AsyncIterable<ImportedSample>,
  owner: SampleOwner,
): Promise<number> {
  let batch: ImportedSample[] = [];
  let position = 0;
  for await (const sample of samples) {
    batch.push(sample);
    if (batch.length === INSERT_BATCH) {
      await insertBatch(tx, batch, owner, position);
      position += batch.length;
      batch = [];
    }
  }

  if (batch.length > 0) {
    await insertBatch(tx, batch, owner, position);
    position += batch.length;
  }

  return position;
}

/**
 * Inserts samples with one statement of five array parameters, which PostgreSQL unnests
 * into rows; far faster than a createMany of as many rows. Values travel as array literals
 * in the shortest form that reads back to the same float8.
 */
async function insertBatch(
  tx: Prisma.TransactionClient,
  batch: readonly ImportedSample[],
  owner: SampleOwner,
  firstPosition: number,
): Promise<void> {
  const positions = batch.map((_, i) => firstPosition + i);
  const labels = batch.map(({ label }) => label);
  const values = batch.map(({ values: row }) => `{${row.join(",")}}`);
  const metadata = batch.map(({ metadata: fields }) => JSON.stringify(fields));
  await tx.$executeRaw`
    INSERT INTO "Sample" ("id", "organizationId", "datasetId", "versionId", "position", "label", "values", "metadata")
    SELECT gen_random_uuid(), ${owner.organizationId}::uuid, ${owner.datasetId}::uuid, ${owner.versionId}::uuid,
           r.position, r.label, r.values::float8[], r.metadata::jsonb
    FROM unnest(${positions}::int[], ${labels}::text[], ${values}::text[], ${metadata}::text[])
      AS r(position, label, values, metadata)`;
}

/** Raises a bad-input error naming the first problem, with the report in its extensions. */
function rejectReport(report: ImportReport, format: ImportSource["format"]): void {
  if (report.errorCount === 0) {
    return;
  }

  const errors = report.problems.filter(({ severity }) => severity === "error");
  const [first] = errors as [ImportProblem, ...ImportProblem[]];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more errors)` : "";
  throw ApiError.badInput(`${describeProblem(first, format)}${more}`, {
    line: first.row,
    column: first.column,
    value: first.value,
    report: { ...toReport(report), problems: toReport(report).problems.slice(0, QUOTED_PROBLEMS) },
  });
}

function describeProblem(problem: ImportProblem, format: ImportSource["format"]): string {
  const sample = problem.sample === undefined ? "" : ` (sample "${problem.sample}")`;
  const place = [
    problem.row === undefined
      ? undefined
      : `${format === "csv" ? "line" : "row"} ${problem.row}${sample}`,
    problem.column === undefined ? undefined : `column "${problem.column}"`,
  ].filter((part) => part !== undefined);

  return `${place.length > 0 ? `${place.join(", ")}: ` : ""}${problem.reason}; ${problem.fix}`;
}
