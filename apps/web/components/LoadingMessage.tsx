import type { ReactNode } from "react";

/** Placeholder shown while a query has no data yet, announced to screen readers. */
export function LoadingMessage({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="muted">
      {children}
    </p>
  );
}
