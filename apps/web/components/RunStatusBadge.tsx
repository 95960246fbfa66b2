import type { RunStatus } from "@ree/schema/documents";

import { RUN_STATUS_LABELS } from "../lib/labels";

/** Run status as text in a coloured badge. The text carries the meaning, so colour is not needed. */
export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <span className={`badge badge-${status.toLowerCase()}`}>{RUN_STATUS_LABELS[status]}</span>;
}
