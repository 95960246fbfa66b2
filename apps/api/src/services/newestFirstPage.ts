import type { PageInfo } from "@ree/schema/types";

import { ApiError } from "../errors/ApiError.js";
import { checkPageSize, decodeCursor, encodeCursor, type KeysetCursor } from "./keysetCursor.js";

/** Page size when a query gives no `first`. */
export const DEFAULT_LIST_PAGE = 50;

interface Row {
  id: string;
  createdAt: Date;
}

/** Prisma arguments of one page of a list ordered newest first, by keyset over (createdAt, id). */
export interface NewestFirstQuery {
  where: { OR?: ({ createdAt: { lt: Date } } | { createdAt: Date; id: { lt: string } })[] };
  orderBy: [{ createdAt: "desc" }, { id: "desc" }];
  /** One row more than the page, so that the extra row shows whether a next page exists. */
  take: number;
}

function decodeCreatedAt(list: string, text: string): { createdAt: Date; id: string } {
  const cursor = decodeCursor(
    text,
    [list],
    ([found]) =>
      `the cursor belongs to the list ${String(found)}, not ${list}; request the first page of ${list}`,
  );
  const createdAt = new Date(cursor.key);
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== cursor.key) {
    throw ApiError.badInput(`after: "${text}" is not a cursor returned by this API for this list`);
  }

  return { createdAt, id: cursor.id };
}

/** Checks `first` and `after` of the list named `list` and returns the query of the page. */
export function newestFirstQuery(
  list: string,
  first: number,
  after: string | null,
): NewestFirstQuery {
  checkPageSize(first);
  const query: NewestFirstQuery = {
    where: {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: first + 1,
  };
  if (after === null) {
    return query;
  }

  const { createdAt, id } = decodeCreatedAt(list, after);
  // Timestamps are stored to the millisecond, the precision of a Date, so the comparison is exact.
  query.where = { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };

  return query;
}

function cursorOf(row: Row): KeysetCursor {
  return { key: row.createdAt.toISOString(), id: row.id };
}

/** Builds the connection from the rows that `newestFirstQuery` selected. */
export function newestFirstConnection<R extends Row, Node>(
  list: string,
  first: number,
  rows: R[],
  totalCount: number,
  toNode: (row: R) => Node,
): { edges: { cursor: string; node: Node }[]; pageInfo: PageInfo; totalCount: number } {
  const page = rows.slice(0, first);
  const last = page.at(-1);

  return {
    edges: page.map((row) => ({ cursor: encodeCursor([list], cursorOf(row)), node: toNode(row) })),
    pageInfo: {
      endCursor: last ? encodeCursor([list], cursorOf(last)) : null,
      hasNextPage: rows.length > first,
    },
    totalCount,
  };
}
