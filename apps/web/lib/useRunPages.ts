"use client";

import { useApolloClient } from "@apollo/client/react";
import { type RunListItem, RunsDocument, type RunsVariables } from "@ree/schema/documents";
import { useCallback, useEffect, useRef, useState } from "react";

/** Runs per request; the list requests the next page as its end scrolls into view. */
export const RUN_PAGE_SIZE = 100;

export interface RunPages {
  runs: RunListItem[];
  totalCount: number | null;
  hasNextPage: boolean;
  /** True while the first page of the current variables loads. */
  loading: boolean;
  /** True while a further page loads. */
  loadingMore: boolean;
  error: Error | null;
  /** Loads the next page, unless one is loading or none is left. */
  loadMore(): void;
  /** Loads the first page again, e.g. after an error. */
  reload(): void;
}

/**
 * Returns the runs that match `variables`, one page at a time, keeping the pages loaded so far.
 * Changing the variables (order or filter) starts again from the first page. A response for old
 * variables that arrives late is dropped.
 */
export function useRunPages(variables: Omit<RunsVariables, "first" | "after">): RunPages {
  const client = useApolloClient();
  const key = JSON.stringify(variables);
  const [state, setState] = useState({
    key: "",
    runs: [] as RunListItem[],
    totalCount: null as number | null,
    endCursor: null as string | null,
    hasNextPage: false,
    loading: true,
    loadingMore: false,
    error: null as Error | null,
  });
  const [generation, setGeneration] = useState(0);
  const inFlight = useRef(false);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const { data, error } = await client.query({
        query: RunsDocument,
        variables: { ...(JSON.parse(key) as RunsVariables), first: RUN_PAGE_SIZE, after },
        fetchPolicy: "no-cache",
      });
      if (error || !data) {
        throw error ?? new Error("the API returned no data");
      }

      return data.runs;
    },
    [client, key],
  );

  useEffect(() => {
    let current = true;
    inFlight.current = true;
    setState((previous) => ({ ...previous, key, loading: true, error: null }));
    fetchPage(null)
      .then((page) => {
        if (current) {
          setState({
            key,
            runs: page.edges.map((edge) => edge.node),
            totalCount: page.totalCount,
            endCursor: page.pageInfo.endCursor,
            hasNextPage: page.pageInfo.hasNextPage,
            loading: false,
            loadingMore: false,
            error: null,
          });
        }
      })
      .catch((error: unknown) => {
        if (current) {
          setState((previous) => ({ ...previous, loading: false, error: asError(error) }));
        }
      })
      .finally(() => {
        inFlight.current = false;
      });

    return () => {
      current = false;
    };
  }, [fetchPage, key, generation]);

  const loadMore = useCallback(() => {
    if (inFlight.current || !state.hasNextPage || state.key !== key) {
      return;
    }

    inFlight.current = true;
    setState((previous) => ({ ...previous, loadingMore: true }));
    fetchPage(state.endCursor)
      .then((page) =>
        setState((previous) =>
          previous.key !== key
            ? previous
            : {
                ...previous,
                runs: [...previous.runs, ...page.edges.map((edge) => edge.node)],
                totalCount: page.totalCount,
                endCursor: page.pageInfo.endCursor,
                hasNextPage: page.pageInfo.hasNextPage,
                loadingMore: false,
              },
        ),
      )
      .catch((error: unknown) =>
        setState((previous) => ({ ...previous, loadingMore: false, error: asError(error) })),
      )
      .finally(() => {
        inFlight.current = false;
      });
  }, [fetchPage, key, state.endCursor, state.hasNextPage, state.key]);

  return {
    runs: state.runs,
    totalCount: state.totalCount,
    hasNextPage: state.hasNextPage,
    loading: state.loading,
    loadingMore: state.loadingMore,
    error: state.error,
    loadMore,
    reload: () => setGeneration((value) => value + 1),
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
