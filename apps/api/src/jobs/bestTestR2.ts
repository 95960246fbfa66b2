import { TOTAL_REE_COLUMN } from "@ree/core-ml";

import type { ModelResultRecord } from "../services/records.js";

/**
 * Returns the best mean test R2 of the total REE over the model kinds, or null when no model kind
 * has one (a selection run, or R2 undefined in every repetition). Run lists sort on it.
 */
export function bestTestR2(models: readonly ModelResultRecord[]): number | null {
  let best: number | null = null;
  for (const model of models) {
    for (const { target, split, r2 } of model.metrics) {
      if (target === TOTAL_REE_COLUMN && split === "TEST" && r2.mean !== null) {
        best = best === null ? r2.mean : Math.max(best, r2.mean);
      }
    }
  }

  return best;
}
