import { GraphQLError } from "graphql";

import { ApiErrorCode } from "./ApiErrorCode.js";

/** A GraphQL error with a stable code and optional details for clients. */
export class ApiError extends GraphQLError {
  constructor(code: ApiErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }

  static notFound(type: string, id: string): ApiError {
    return new ApiError(ApiErrorCode.NOT_FOUND, `${type} "${id}" not found`);
  }

  static badInput(message: string, details: Record<string, unknown> = {}): ApiError {
    return new ApiError(ApiErrorCode.BAD_USER_INPUT, message, details);
  }

  static unauthenticated(message = "sign in or send an API token first"): ApiError {
    return new ApiError(ApiErrorCode.UNAUTHENTICATED, message);
  }

  static forbidden(message: string): ApiError {
    return new ApiError(ApiErrorCode.FORBIDDEN, message);
  }
}
