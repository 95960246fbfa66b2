/**
 * A pretrained-model JSON document that does not have the expected shape. The
 * message starts with the field path, e.g. `members[3].layers[1].running_var`.
 */
export class PretrainedModelError extends Error {
  override name = "PretrainedModelError";

  constructor(
    /** Path of the offending field from the document root, or "" for the root itself. */
    readonly field: string,
    problem: string,
  ) {
    super(`${field === "" ? "document root" : field}: ${problem}`);
  }
}
