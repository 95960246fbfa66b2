import { parseTable, TableError } from "@ree/core-ml";
import { Prisma, type PrismaClient } from "@ree/db";

import { ApiError } from "../errors/ApiError.js";
import { ApiErrorCode } from "../errors/ApiErrorCode.js";

export interface ImportDatasetRequest {
  name: string;
  csv: string;
  description?: string | null;
  source?: string | null;
  license?: string | null;
  decimalSeparator?: string | null;
}

/** Rows per INSERT; keeps each statement well under PostgreSQL's 65535 parameters. */
const INSERT_BATCH = 1000;

/**
 * Validates a CSV table and stores it as a data set with its samples in one
 * transaction, so that a failed import leaves no rows behind.
 */
export async function importDataset(
  prisma: PrismaClient,
  organizationId: string,
  request: ImportDatasetRequest,
) {
  const name = request.name.trim();
  if (name === "") {
    throw ApiError.badInput("name must not be empty; give the data set a name");
  }

  const decimalSeparator = request.decimalSeparator ?? ".";
  if (decimalSeparator !== "." && decimalSeparator !== ",") {
    throw ApiError.badInput(`decimalSeparator must be "." or ",", got "${decimalSeparator}"`);
  }

  const table = parseOrReject(request.csv, decimalSeparator);

  try {
    return await prisma.$transaction(async (tx) => {
      const dataset = await tx.dataset.create({
        data: {
          organizationId,
          name,
          description: request.description ?? "",
          source: request.source ?? "",
          license: request.license ?? "",
          columns: table.columns.map((column) => ({ ...column })),
          sampleCount: table.labels.length,
        },
      });
      const samples = table.labels.map((label, position) => ({
        organizationId,
        datasetId: dataset.id,
        position,
        label,
        values: Array.from(
          table.values.data.subarray(
            position * table.values.columns,
            (position + 1) * table.values.columns,
          ),
        ),
        metadata: table.metadata[position] ?? {},
      }));
      for (let start = 0; start < samples.length; start += INSERT_BATCH) {
        await tx.sample.createMany({ data: samples.slice(start, start + INSERT_BATCH) });
      }

      return dataset;
    });
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

function parseOrReject(csv: string, decimalSeparator: "." | ",") {
  try {
    return parseTable(csv, { decimalSeparator });
  } catch (error) {
    if (error instanceof TableError) {
      throw ApiError.badInput(error.message, {
        line: error.line,
        column: error.column,
        value: error.value,
      });
    }

    throw error;
  }
}
