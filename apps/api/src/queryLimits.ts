import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { GraphQLError, ValidationContext, ValidationRule } from "graphql";

import { ApiError } from "./errors/ApiError.js";
import { ApiErrorCode } from "./errors/ApiErrorCode.js";

/**
 * Limits on one operation, checked while it is validated, before any resolver
 * runs. The dashboard's largest document (a run with every analysis) has depth
 * 6 and cost 613, and a literal page of 500 samples costs about 12,800. A
 * 10,000-composition batch passes its data as variables, which no limit counts.
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  /** graphql-armor's cost: 2 per object field, 1 per scalar, times 1.5 per level. */
  maxCost: 20_000,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 5_000,
  /** Operations in one batched HTTP request (a JSON array). */
  maxBatch: 10,
} as const;

/** Reports a rejected operation as QUERY_LIMIT_EXCEEDED instead of a plain validation error. */
function reject(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(new ApiError(ApiErrorCode.QUERY_LIMIT_EXCEEDED, error.message));
}

const rejection = { onReject: [reject], propagateOnRejection: false, exposeLimits: true };

/** Builds the graphql-armor validation rules and plugins for QUERY_LIMITS. */
export function queryLimits(): {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
} {
  const { validationRules, plugins } = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ...rejection },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ...rejection },
    maxAliases: { n: QUERY_LIMITS.maxAliases, ...rejection },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...rejection },
    // The token limit applies while parsing, before a validation context exists.
    maxTokens: { n: QUERY_LIMITS.maxTokens },
  }).protect();

  // graphql-armor's types name @apollo/server's CommonJS build, ours the ESM one; the objects are the same.
  return { validationRules, plugins: plugins as unknown as ApolloServerPlugin[] };
}
