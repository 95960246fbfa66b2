import { Prisma, type PrismaClient } from "@ree/db";
import type { RunConnection, RunFilter, RunOrder, RunSortField } from "@ree/schema/types";

import { ApiError } from "../errors/ApiError.js";
import { isUuid } from "./findOwned.js";
import {
  checkPageSize,
  decodeCursor,
  encodeCursor,
  type CursorScope,
  type KeysetCursor,
} from "./keysetCursor.js";
import { toRun } from "./records.js";

export const DEFAULT_RUN_PAGE = 50;
/** Newest first. */
const DEFAULT_ORDER: Order = { field: "CREATED_AT", descending: true };

interface Order {
  field: RunSortField;
  descending: boolean;
}

/**
 * SQL of each sort key, and the type that its text form is cast back to when it comes from a
 * cursor. Runs without a test R2 sort last in both directions: the key replaces null by the end
 * of the order.
 */
function sortKey(field: RunSortField, descending: boolean): { sql: Prisma.Sql; type: Prisma.Sql } {
  switch (field) {
    case "CREATED_AT":
      return { sql: Prisma.sql`r."createdAt"`, type: Prisma.sql`timestamp(3)` };
    case "NAME":
      return { sql: Prisma.sql`r."name"`, type: Prisma.sql`text` };
    case "STATUS":
      return { sql: Prisma.sql`r."status"`, type: Prisma.sql`"RunStatus"` };
    case "DATASET":
      // A run keeps its place after its data set's share is revoked: an empty name sorts first.
      return { sql: Prisma.sql`COALESCE(d."name", '')`, type: Prisma.sql`text` };
    case "TEST_R2_TOTAL":
      return {
        sql: descending
          ? Prisma.sql`COALESCE(r."testR2Total", '-Infinity'::float8)`
          : Prisma.sql`COALESCE(r."testR2Total", 'Infinity'::float8)`,
        type: Prisma.sql`float8`,
      };
  }
}

/** Returns the scope of run cursors: their order, so that a cursor of another order is rejected. */
function orderScope(order: Order): CursorScope {
  return [order.field, order.descending];
}

function decodeRunCursor(text: string, order: Order): KeysetCursor {
  return decodeCursor(
    text,
    orderScope(order),
    ([field, descending]) =>
      `the cursor belongs to the order ${String(field)} ${descending ? "descending" : "ascending"}; ` +
      "request the first page again after changing the order",
  );
}

function checkIds(name: string, ids: readonly string[]): void {
  const bad = ids.find((id) => !isUuid(id));
  if (bad !== undefined) {
    throw ApiError.badInput(`filter.${name}: "${bad}" is not a valid id; ids are UUIDs`);
  }
}

/**
 * Returns the filter as SQL conditions joined by AND, over "Run" r left joined with "Dataset" d:
 * row-level security hides the data set of a run whose share was revoked, not the run.
 */
function filterSql(organizationId: string, filter: RunFilter): Prisma.Sql {
  const conditions = [Prisma.sql`r."organizationId" = ${organizationId}::uuid`];
  if (filter.statuses?.length) {
    conditions.push(Prisma.sql`r."status"::text IN (${Prisma.join(filter.statuses)})`);
  }

  if (filter.tasks?.length) {
    // Runs stored before tasks existed are evaluations.
    conditions.push(
      Prisma.sql`COALESCE(r."config" ->> 'task', 'EVALUATION') IN (${Prisma.join(filter.tasks)})`,
    );
  }

  if (filter.datasetIds?.length) {
    checkIds("datasetIds", filter.datasetIds);
    conditions.push(Prisma.sql`r."datasetId"::text IN (${Prisma.join(filter.datasetIds)})`);
  }

  if (filter.ids?.length) {
    checkIds("ids", filter.ids);
    conditions.push(Prisma.sql`r."id"::text IN (${Prisma.join(filter.ids)})`);
  }

  const search = filter.nameContains?.trim();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(Prisma.sql`r."name" ILIKE ${pattern}`);
  }

  return Prisma.join(conditions, " AND ");
}

/**
 * Returns up to `first` runs after the cursor in the given order, by keyset pagination over
 * (sort key, id), with the number of runs that match the filter. Results are not loaded.
 */
export async function runPage(
  prisma: PrismaClient,
  organizationId: string,
  options: {
    first: number;
    after: string | null;
    orderBy: RunOrder | null;
    filter: RunFilter | null;
  },
): Promise<RunConnection> {
  const { first, after } = options;
  checkPageSize(first);

  const order: Order = options.orderBy
    ? { field: options.orderBy.field, descending: options.orderBy.descending ?? false }
    : DEFAULT_ORDER;

  const cursor = after === null ? null : decodeRunCursor(after, order);
  const key = sortKey(order.field, order.descending);
  const where = filterSql(organizationId, options.filter ?? {});
  const direction = order.descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const keyset =
    cursor === null
      ? Prisma.empty
      : order.descending
        ? Prisma.sql`AND (${key.sql}, r."id") < (${cursor.key}::${key.type}, ${cursor.id}::uuid)`
        : Prisma.sql`AND (${key.sql}, r."id") > (${cursor.key}::${key.type}, ${cursor.id}::uuid)`;

  const [page, counts] = await Promise.all([
    prisma.$queryRaw<{ id: string; key: string }[]>`
      SELECT r."id", (${key.sql})::text AS key
      FROM "Run" r LEFT JOIN "Dataset" d ON d."id" = r."datasetId"
      WHERE ${where} ${keyset}
      ORDER BY ${key.sql} ${direction}, r."id" ${direction}
      LIMIT ${first + 1}`,
    prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count
      FROM "Run" r LEFT JOIN "Dataset" d ON d."id" = r."datasetId"
      WHERE ${where}`,
  ]);

  const pageRows = page.slice(0, first);
  const rows = await prisma.run.findMany({
    where: { id: { in: pageRows.map((row) => row.id) } },
    omit: { results: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  // A run deleted between the two queries is left out of the page. The cursors stay valid.
  const edges = pageRows.flatMap(({ id, key: text }) => {
    const row = byId.get(id);

    return row
      ? [
          {
            cursor: encodeCursor(orderScope(order), { key: text, id }),
            node: toRun({ ...row, results: null }),
          },
        ]
      : [];
  });
  const last = pageRows.at(-1);

  return {
    edges,
    totalCount: counts[0]?.count ?? 0,
    pageInfo: {
      endCursor: last ? encodeCursor(orderScope(order), last) : null,
      hasNextPage: page.length > first,
    },
  };
}
