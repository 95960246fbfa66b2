import { ApiError } from "../errors/ApiError.js";

/** Maximum length of a name filter, which keeps each pattern that PostgreSQL matches short. */
const MAX_NAME_FILTER = 200;

/**
 * Returns the Prisma condition of a list's name filter, a case-insensitive substring. An absent
 * or blank filter keeps every row. The list's keyset order and `take` stop the scan after one
 * page of matches; the total count still reads every visible row.
 */
export function nameFilter(name: string | null | undefined): {
  name?: { contains: string; mode: "insensitive" };
} {
  const text = name?.trim() ?? "";
  if (text.length > MAX_NAME_FILTER) {
    throw ApiError.badInput(
      `name must have at most ${MAX_NAME_FILTER} characters, got ${text.length}; shorten the filter`,
    );
  }

  return text === "" ? {} : { name: { contains: text, mode: "insensitive" } };
}
