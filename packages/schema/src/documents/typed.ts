import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse } from "graphql";

/**
 * Parses an operation and attaches its result and variables types. The types are
 * written by hand next to each operation; a test validates every operation
 * against the emitted schema.graphql.
 */
export function typedDocument<Result, Variables>(
  source: string,
): TypedDocumentNode<Result, Variables> {
  return parse(source) as TypedDocumentNode<Result, Variables>;
}
