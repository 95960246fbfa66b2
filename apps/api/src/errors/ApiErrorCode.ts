/** Codes sent to clients as `extensions.code` of a GraphQL error. */
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
}
