import type { ReactNode } from "react";

export interface TableScrollProps {
  /** Name of the table for assistive technology, e.g. "Samples". */
  label: string;
  children: ReactNode;
}

/**
 * Wraps a table that may be wider than the page. The wrapper takes keyboard focus, so that the
 * arrow keys scroll it sideways when no cell contains a link or a control.
 */
export function TableScroll({ label, children }: TableScrollProps) {
  return (
    <div className="table-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
