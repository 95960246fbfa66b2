import type { NextPage } from "../lib/useNextPage";
import { QueryError } from "./QueryError";

export interface LoadMoreProps {
  /** Rows loaded so far. */
  shown: number;
  totalCount: number;
  /** Plural name of the rows, e.g. "data sets". */
  noun: string;
  hasNextPage: boolean;
  nextPage: NextPage;
}

/** Says how many rows of a list are loaded and offers the next page while one is left. */
export function LoadMore({ shown, totalCount, noun, hasNextPage, nextPage }: LoadMoreProps) {
  return (
    <div className="load-more screen-only">
      <p aria-live="polite">
        {nextPage.loading ? `Loading more ${noun}…` : `Showing ${shown} of ${totalCount} ${noun}`}
      </p>
      {hasNextPage ? (
        <button type="button" disabled={nextPage.loading} onClick={nextPage.load}>
          Load more {noun}
        </button>
      ) : null}
      {nextPage.error ? <QueryError error={nextPage.error} subject={`more ${noun}`} /> : null}
    </div>
  );
}
