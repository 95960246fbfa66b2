import type { ListPage } from "@ree/schema/documents";
import type { ReactNode } from "react";

import type { NextPage } from "../lib/useNextPage";
import { LoadMore } from "./LoadMore";
import { TableScroll } from "./TableScroll";

export interface PagedTableProps {
  /** Name of the table for assistive technology, e.g. "Models". */
  label: string;
  /** Plural name of the rows, e.g. "models". */
  noun: string;
  /** The pages loaded so far; the table lists their edges. */
  page: ListPage<unknown>;
  nextPage: NextPage;
  /** The table element. */
  children: ReactNode;
}

/** Renders the table of a paginated list with the "Load more" control below it. */
export function PagedTable({ label, noun, page, nextPage, children }: PagedTableProps) {
  return (
    <>
      <TableScroll label={label}>{children}</TableScroll>
      <LoadMore
        shown={page.edges.length}
        totalCount={page.totalCount}
        noun={noun}
        hasNextPage={page.pageInfo.hasNextPage}
        nextPage={nextPage}
      />
    </>
  );
}
