import type { PrismaClient } from "@ree/db";
import type { Dataset, SampleConnection } from "@ree/schema/types";

import { ApiError } from "../errors/ApiError.js";

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

/**
 * Returns up to `first` samples after the cursor, in table order, by keyset pagination on the
 * unique index ("versionId", "position"): a page costs the same at any depth.
 */
export async function samplePage(
  prisma: PrismaClient,
  dataset: Dataset,
  first: number,
  after: string | null,
): Promise<SampleConnection> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw ApiError.badInput(`first must be an integer from 1 to ${MAX_PAGE}, got ${first}`);
  }

  const rows = await prisma.sample.findMany({
    where: {
      datasetId: dataset.id,
      versionId: dataset.latestVersionId ?? undefined,
      ...(after !== null && { position: { gt: decodeCursor(after) } }),
    },
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
