"use client";

import type { ErrorLike } from "@apollo/client";
import type { PageInfo } from "@ree/schema/documents";
import { useCallback, useState } from "react";

/** Rows per page of the data set and model lists; "Load more" appends the next page. */
export const LIST_PAGE_SIZE = 50;

export interface NextPage {
  /** True while the next page loads. */
  loading: boolean;
  /** Error of the last request for a next page; null after a success. */
  error: Error | null;
  /** Requests the page after `pageInfo.endCursor`, unless one is loading or none is left. */
  load(): void;
}

/**
 * Tracks the request for the next page of a Relay connection. `fetchPage` requests the page after
 * the given cursor, e.g. with `fetchMore`; the cache's field policy appends it to the list.
 */
export function useNextPage(
  pageInfo: PageInfo | undefined,
  fetchPage: (after: string) => Promise<{ error?: ErrorLike }>,
): NextPage {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const endCursor = pageInfo?.hasNextPage ? pageInfo.endCursor : null;

  const load = useCallback(() => {
    if (loading || endCursor === null) {
      return;
    }

    setLoading(true);
    setError(null);
    fetchPage(endCursor)
      .then((result) => {
        if (result.error) {
          throw result.error;
        }
      })
      .catch((reason: unknown) =>
        setError(reason instanceof Error ? reason : new Error(String(reason))),
      )
      .finally(() => setLoading(false));
  }, [endCursor, fetchPage, loading]);

  return { loading, error, load };
}
