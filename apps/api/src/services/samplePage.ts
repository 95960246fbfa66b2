import type { PrismaClient } from "@ree/db";
import type { Dataset, SampleConnection } from "@ree/schema/types";

import { ApiError } from "../errors/ApiError.js";
import { ApiErrorCode } from "../errors/ApiErrorCode.js";

const MAX_PAGE = 500;

/** Cursors are opaque to clients; inside, they carry the position of the last sample. */
function encodeCursor(position: number): string {
  return Buffer.from(`position:${position}`).toString("base64url");
}

function decodeCursor(cursor: string): number {
  const match = /^position:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match?.[1]) {
    throw ApiError.badInput(`after: "${cursor}" is not a cursor returned by this API`);
  }

  return Number(match[1]);
}

/** Start of a page: after a cursor, at a row number counted from 1, or at a sample's label. */
export interface PageStart {
  after: string | null;
  row: number | null;
  label: string | null;
}

/**
 * Returns up to `first` samples from the page start, in table order, by keyset pagination on
 * the unique index ("versionId", "position"): a page costs the same at any depth.
 */
export async function samplePage(
  prisma: PrismaClient,
  dataset: Dataset,
  first: number,
  start: PageStart,
): Promise<SampleConnection> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw ApiError.badInput(`first must be an integer from 1 to ${MAX_PAGE}, got ${first}`);
  }

  const where = { datasetId: dataset.id, versionId: dataset.latestVersionId ?? undefined };
  const fromPosition = await startPosition(prisma, dataset, where, start);
  const rows = await prisma.sample.findMany({
    where: { ...where, ...(fromPosition !== null && { position: { gte: fromPosition } }) },
    // The fields of the GraphQL type only: the ids of the tenant, data set and version are
    // known already, and a page reads up to 501 rows.
    select: { id: true, label: true, position: true, values: true, metadata: true },
    orderBy: { position: "asc" },
    take: first + 1,
  });
  const nodes = rows.slice(0, first).map((row) => ({
    ...row,
    metadata: row.metadata as Record<string, unknown>,
  }));
  const last = nodes.at(-1);

  return {
    edges: nodes.map((node) => ({ node, cursor: encodeCursor(node.position) })),
    nodes,
    totalCount: dataset.sampleCount,
    pageInfo: {
      endCursor: last ? encodeCursor(last.position) : null,
      hasNextPage: rows.length > first,
    },
  };
}

/** Finds the position of the page's first sample, or null for the first page of the table. */
async function startPosition(
  prisma: PrismaClient,
  dataset: Dataset,
  where: { datasetId: string; versionId: string | undefined },
  start: PageStart,
): Promise<number | null> {
  const starts = [start.after, start.row, start.label].filter((value) => value !== null);
  if (starts.length > 1) {
    throw ApiError.badInput("invalid page start: give only one of after, row and label");
  }

  if (start.after !== null) {
    return decodeCursor(start.after) + 1;
  }

  if (start.row !== null) {
    return rowPosition(dataset, start.row);
  }

  if (start.label !== null) {
    // The unique index ("versionId", "label") finds the sample without a scan.
    const sample = await prisma.sample.findFirst({
      where: { ...where, label: start.label },
      select: { position: true },
    });
    if (!sample) {
      throw new ApiError(
        ApiErrorCode.NOT_FOUND,
        `sample label "${start.label}" not found in ${dataset.name}. Labels match exactly, ` +
          "including case and spaces.",
      );
    }

    return sample.position;
  }

  return null;
}

/** Positions count from 0 in table order, so row number N is position N - 1. */
function rowPosition(dataset: Dataset, row: number): number {
  if (!Number.isInteger(row) || row < 1 || row > dataset.sampleCount) {
    throw ApiError.badInput(
      `row ${row} is out of range: ${dataset.name} has rows 1 to ${dataset.sampleCount}, ` +
        "so give a row number in that range",
    );
  }

  return row - 1;
}
