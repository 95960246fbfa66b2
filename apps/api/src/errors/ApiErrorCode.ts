/**
 * Codes sent to clients as `extensions.code` of a GraphQL error. Every error
 * the API returns carries one of these; formatError turns any other into
 * INTERNAL_SERVER_ERROR.
 */
export enum ApiErrorCode {
  /** The request contains an invalid value. The message names it and the fix. */
  BAD_USER_INPUT = "BAD_USER_INPUT",
  /** The resource does not exist, or the caller may not see it. */
  NOT_FOUND = "NOT_FOUND",
  /** The request is valid but conflicts with stored data, such as a duplicate name. */
  CONFLICT = "CONFLICT",
  /** The request needs a signed-in user or an API token. */
  UNAUTHENTICATED = "UNAUTHENTICATED",
  /** The caller's role in the organisation does not allow the operation. */
  FORBIDDEN = "FORBIDDEN",
  /** The operation exceeds a limit on depth, cost, aliases, directives or batch size; nothing ran. */
  QUERY_LIMIT_EXCEEDED = "QUERY_LIMIT_EXCEEDED",
  /** The operation is not valid GraphQL, or has more tokens than the limit. */
  GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED",
  /** The operation does not match the schema, or requests introspection in production. */
  GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED",
  /** The request names an operation the document lacks, or several without a name. */
  OPERATION_RESOLUTION_FAILURE = "OPERATION_RESOLUTION_FAILURE",
  /** The HTTP request is malformed: no query, a wrong method or content type. */
  BAD_REQUEST = "BAD_REQUEST",
  /** The server failed; in production the message is hidden and the error is logged. */
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}
