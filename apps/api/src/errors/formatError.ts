import type { GraphQLFormattedError } from "graphql";

import type { Logger } from "../logger.js";
import { ApiError } from "./ApiError.js";
import { ApiErrorCode } from "./ApiErrorCode.js";

const KNOWN_CODES = new Set<string>(Object.values(ApiErrorCode));

/**
 * Gives every error a code of ApiErrorCode. An ApiError keeps its own code even
 * where Apollo wraps it, as for a limit reported during validation. Any other
 * error is logged and becomes INTERNAL_SERVER_ERROR, with its message hidden unless `debug`.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  debug: boolean,
  logger: Logger,
): GraphQLFormattedError {
  // Read as a property, not by instanceof: a bundler may load a second copy of graphql.
  const original = (error as { originalError?: unknown } | null)?.originalError;
  const code = original instanceof ApiError ? original.extensions.code : formatted.extensions?.code;
  if (typeof code === "string" && KNOWN_CODES.has(code) && code !== "INTERNAL_SERVER_ERROR") {
    return { ...formatted, extensions: { ...formatted.extensions, code } };
  }

  logger.error({ err: original ?? error, path: formatted.path }, "request failed");

  return {
    ...formatted,
    message: debug ? formatted.message : "internal server error",
    extensions: { ...formatted.extensions, code: ApiErrorCode.INTERNAL_SERVER_ERROR },
  };
}
