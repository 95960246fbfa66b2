import {
  type ImportOptions,
  type ImportProblem,
  type ImportReport,
  type ImportSource,
  openTableImport,
} from "@ree/core-ml";
import {
  type Dataset,
  type PrismaClient,
  runTenantTransaction,
  type TenantConnection,
} from "@ree/db";
import type { ImportColumnInput, ImportFileInput, ImportOptionsInput } from "@ree/schema/types";

import { ApiError } from "../errors/ApiError.js";
import { ApiErrorCode } from "../errors/ApiErrorCode.js";
import { copySamples } from "./copySamples.js";
import { isUuid } from "./findOwned.js";
import { rejectTableErrors, toReport } from "./previewImport.js";
import { readImportFile, readImportOptions } from "./readImportRequest.js";
import { type Caller, mayWrite } from "./writeAccess.js";

export interface ImportDatasetRequest {
  /** Name of a new data set; unused when datasetId is given. */
  name?: string | null;
  csv?: string | null;
  file?: ImportFileInput | null;
  /** A table read by the caller, e.g. a file streamed from disk; replaces csv and file. */
  table?: ImportSource | undefined;
  /** The data set that the file becomes the next version of. */
  datasetId?: string | null;
  /** The caller's teams in its organisation; a WRITE share of datasetId to one of them counts. */
  teamIds?: readonly string[];
  description?: string | null;
  /** Origin of the data, with a citation. */
  source?: string | null;
  license?: string | null;
  decimalSeparator?: string | null;
  options?: ImportOptionsInput | null;
  columns?: ImportColumnInput[] | null;
}

/** Maximum duration of each statement of an import, in ms; see bench/import for real timings. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;

/** Problems quoted in an error's extensions; the preview lists them all. */
const QUOTED_PROBLEMS = 100;

/** Unique index of data set names within an organisation. */
const NAME_INDEX = "Dataset_organizationId_name_key";

/**
 * Reads, checks and stores a table as a new data set, or as the next version of an existing
 * one, in one transaction as the current tenant. Samples stream into the table with COPY as
 * the file is read, and the transaction is rolled back when the report has an error, so a
 * failed import leaves no rows. A new version of a data set shared with a WRITE share belongs,
 * with its samples, to the data set's owner.
 */
export async function importDataset(
  prisma: PrismaClient,
  callerOrganizationId: string,
  request: ImportDatasetRequest,
): Promise<Dataset> {
  const source = readSource(request);
  const options = readImportOptions(request.options, request.columns, request.decimalSeparator);
  const name = request.datasetId ? null : readName(request.name);
  const existing = request.datasetId
    ? await findWritableDataset(
        prisma,
        { organizationId: callerOrganizationId, teamIds: request.teamIds ?? [] },
        request.datasetId,
      )
    : null;
  const organizationId = existing?.organizationId ?? callerOrganizationId;

  try {
    const datasetId = await runTenantTransaction(prisma, async (connection) => {
      await connection.query(`SET LOCAL statement_timeout = ${IMPORT_TIMEOUT_MS}`);
      const table = await rejectTableErrors(() => openTableImport(source, options));
      const id = existing?.id ?? (await createDataset(connection, organizationId, name, request));
      const columns = JSON.stringify(table.outputColumns);
      const versionId = await createVersion(connection, organizationId, id, columns, options);
      const sampleCount = await rejectTableErrors(() =>
        copySamples(connection, table.samples(), { organizationId, datasetId: id, versionId }),
      );
      rejectReport(table.report(), source.format);

      await connection.query(
        'UPDATE "DatasetVersion" SET "sampleCount" = $2 WHERE "id" = $1::uuid',
        [versionId, sampleCount],
      );
      await connection.query(
        'UPDATE "Dataset" SET "columns" = $2::jsonb, "sampleCount" = $3, "latestVersionId" = $4::uuid ' +
          'WHERE "id" = $1::uuid',
        [id, columns, sampleCount, versionId],
      );

      return id;
    });

    return await prisma.dataset.findUniqueOrThrow({ where: { id: datasetId } });
  } catch (error) {
    if ((error as { constraint?: unknown }).constraint === NAME_INDEX) {
      throw new ApiError(
        ApiErrorCode.CONFLICT,
        `a data set named "${name}" already exists; choose another name`,
      );
    }

    throw error;
  }
}

/**
 * Finds a data set the caller may add a version to: its organisation's own, or one it has a
 * WRITE share of. Anything else, a READ share included, is "not found", as for other writes.
 */
async function findWritableDataset(prisma: PrismaClient, caller: Caller, id: string) {
  // Row-level security finds the organisation's own data sets and those shared with the caller.
  const dataset = isUuid(id) ? await prisma.dataset.findFirst({ where: { id } }) : null;
  if (!dataset || !(await mayWrite(prisma, caller, dataset.organizationId, { datasetId: id }))) {
    throw ApiError.notFound("data set", id);
  }

  return dataset;
}

async function createDataset(
  connection: TenantConnection,
  organizationId: string,
  name: string | null,
  request: ImportDatasetRequest,
): Promise<string> {
  const { rows } = await connection.query<{ id: string }>(
    'INSERT INTO "Dataset" ("id", "organizationId", "name", "description", "source", "license", ' +
      '"columns", "sampleCount") VALUES (gen_random_uuid(), $1::uuid, $2, $3, $4, $5, \'[]\', 0) ' +
      'RETURNING "id"',
    [
      organizationId,
      name ?? "",
      request.description ?? "",
      request.source ?? "",
      request.license ?? "",
    ],
  );

  return (rows[0] as { id: string }).id;
}

/** Adds the next version of a data set, numbered one past its latest. */
async function createVersion(
  connection: TenantConnection,
  organizationId: string,
  datasetId: string,
  columns: string,
  options: ImportOptions,
): Promise<string> {
  const { rows } = await connection.query<{ id: string }>(
    'INSERT INTO "DatasetVersion" ("id", "organizationId", "datasetId", "number", "columns", ' +
      '"sampleCount", "importSettings") ' +
      'SELECT gen_random_uuid(), $1::uuid, $2::uuid, COALESCE(MAX(v."number"), 0) + 1, $3::jsonb, 0, $4::jsonb ' +
      'FROM "DatasetVersion" v WHERE v."datasetId" = $2::uuid RETURNING "id"',
    [organizationId, datasetId, columns, JSON.stringify(options)],
  );

  return (rows[0] as { id: string }).id;
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

  throw ApiError.badInput("the request has no table; give csv, file or uploadId");
}

function readName(name: string | null | undefined): string {
  const trimmed = (name ?? "").trim();
  if (trimmed === "") {
    throw ApiError.badInput("name must not be empty; give the data set a name");
  }

  return trimmed;
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
