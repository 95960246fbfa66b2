"use client";

import type { TypedDocumentNode } from "@apollo/client";
import { useApolloClient } from "@apollo/client/react";
import type { ListPage, PickerVariables } from "@ree/schema/documents";
import { useCallback, useEffect, useRef, useState } from "react";

/** Choices per page of a search picker: one screenful, which loads quickly after each keystroke. */
export const SEARCH_PAGE_SIZE = 20;

/** Milliseconds after the last keystroke before the search is sent. */
const SEARCH_DELAY_MS = 200;

export interface SearchPages<Node> {
  /** Text searched for in the names. */
  text: string;
  setText(text: string): void;
  /** Matches loaded so far, newest first. */
  nodes: readonly Node[];
  /** Number of matches, loaded or not; null before the first page arrives. */
  totalCount: number | null;
  hasNextPage: boolean;
  loading: boolean;
  error: Error | null;
  /** Appends the next page of matches, unless one is loading or none is left. */
  loadMore(): void;
}

interface Pages<Node> {
  text: string;
  nodes: Node[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * Searches a connection by name as the user types and pages through the matches. The pages live
 * in component state and bypass the cache, so that each search starts from its own first page,
 * the response to an older search never replaces a newer one's, and the list pages keep theirs.
 */
export function useSearchPages<Node, Variables extends PickerVariables, Field extends string>(
  document: TypedDocumentNode<Record<Field, ListPage<Node>>, Variables>,
  field: Field,
  variables: Omit<Variables, "name" | "first" | "after">,
): SearchPages<Node> {
  const client = useApolloClient();
  const [text, setText] = useState("");
  const [pages, setPages] = useState<Pages<Node> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const latestRequest = useRef(0);
  const fixedVariables = JSON.stringify(variables);

  const request = useCallback(
    (name: string, after: string | null) => {
      const serial = ++latestRequest.current;
      setLoading(true);
      setError(null);
      const pageVariables = {
        ...(JSON.parse(fixedVariables) as object),
        name,
        first: SEARCH_PAGE_SIZE,
        after,
      } as Variables;

      client
        .query({ query: document, variables: pageVariables, fetchPolicy: "no-cache" })
        .then(({ data }) => {
          if (serial !== latestRequest.current || data === undefined) {
            return;
          }

          const page = data[field];
          setPages((current) => ({
            text: name,
            nodes: [
              ...(after !== null && current?.text === name ? current.nodes : []),
              ...page.edges.map((edge) => edge.node),
            ],
            totalCount: page.totalCount,
            endCursor: page.pageInfo.endCursor,
            hasNextPage: page.pageInfo.hasNextPage,
          }));
        })
        .catch((reason: unknown) => {
          if (serial === latestRequest.current) {
            setError(reason instanceof Error ? reason : new Error(String(reason)));
          }
        })
        .finally(() => {
          if (serial === latestRequest.current) {
            setLoading(false);
          }
        });
    },
    [client, document, field, fixedVariables],
  );

  useEffect(() => {
    const timer = setTimeout(() => request(text.trim(), null), SEARCH_DELAY_MS);

    return () => clearTimeout(timer);
  }, [request, text]);

  const loadMore = useCallback(() => {
    if (!loading && pages?.hasNextPage && pages.endCursor !== null) {
      request(pages.text, pages.endCursor);
    }
  }, [loading, pages, request]);

  return {
    text,
    setText,
    nodes: pages?.nodes ?? [],
    totalCount: pages?.totalCount ?? null,
    hasNextPage: pages?.hasNextPage ?? false,
    loading,
    error,
    loadMore,
  };
}
