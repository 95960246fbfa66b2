import { ApiError } from "../errors/ApiError.js";
import { isUuid } from "./findOwned.js";

export const MAX_PAGE = 500;

/** Rejects a page size outside 1 to MAX_PAGE before any query runs. */
export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw ApiError.badInput(`first must be an integer from 1 to ${MAX_PAGE}, got ${first}`);
  }
}

/** Scope of a cursor: the list and its order, e.g. ["datasets"] or ["NAME", false]. */
export type CursorScope = readonly (string | boolean)[];

export interface KeysetCursor {
  /** Sort key of the last row of the page, in a text form that casts back exactly. */
  key: string;
  id: string;
}

/**
 * Cursors carry the sort key and id of the last row rather than an offset, so a cursor stays
 * valid, and skips no row, when rows before it are deleted, including its own row.
 */
export function encodeCursor(scope: CursorScope, cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([...scope, cursor.key, cursor.id])).toString("base64url");
}

/**
 * Reads a cursor of `scope`. `mismatch` words the error for a well-formed cursor of another scope
 * of the same length, such as another order of the same list.
 */
export function decodeCursor(
  text: string,
  scope: CursorScope,
  mismatch: (found: unknown[]) => string,
): KeysetCursor {
  const invalid = () =>
    ApiError.badInput(`after: "${text}" is not a cursor returned by this API for this list`);
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, "base64url").toString());
  } catch {
    throw invalid();
  }

  if (!Array.isArray(parts) || parts.length !== scope.length + 2) {
    throw invalid();
  }

  const found = parts.slice(0, scope.length) as unknown[];
  const [key, id] = parts.slice(scope.length) as unknown[];
  if (typeof key !== "string" || typeof id !== "string" || !isUuid(id)) {
    throw invalid();
  }

  if (found.some((part, i) => part !== scope[i])) {
    throw ApiError.badInput(`after: ${mismatch(found)}`);
  }

  return { key, id };
}
