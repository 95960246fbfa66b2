/** Codes sent to clients as `extensions.code` of a GraphQL error. */
export enum ApiErrorCode {
  /** The request names a value that is invalid; the message says which and how to fix it. */
  BAD_USER_INPUT = "BAD_USER_INPUT",
  /** The resource does not exist, or the caller may not see it. */
  NOT_FOUND = "NOT_FOUND",
  /** The request is valid but conflicts with stored data, such as a duplicate name. */
  CONFLICT = "CONFLICT",
}
