const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks whether `id` has the shape of a row id, since no other string can match a row. */
export function isUuid(id: string): boolean {
  return UUID_PATTERN.test(id);
}
