/** A problem with one cell, column or the layout of an imported table. */
export class TableError extends Error {
  override name = "TableError";

  constructor(
    message: string,
    /** Line in the file, from 1 for the header; undefined for layout problems. */
    readonly line?: number,
    readonly column?: string,
    readonly value?: string,
  ) {
    super(message);
  }
}
