import type { RunDetail } from "@ree/schema/documents";

import { FeatureEliminationSection } from "./FeatureEliminationSection";
import { GridSearchSection } from "./GridSearchSection";

export interface SelectionResultsProps {
  run: RunDetail;
  /** True while the run is queued or running. */
  active: boolean;
}

/** Results of a feature elimination or grid search run, or why there are none yet. */
export function SelectionResults({ run, active }: SelectionResultsProps) {
  if (run.featureElimination === null && run.gridSearch === null) {
    return (
      <p className="muted">
        {active ? "Results appear here when the run has finished." : "This run has no results."}
      </p>
    );
  }

  return (
    <>
      {run.featureElimination === null ? null : (
        <FeatureEliminationSection result={run.featureElimination} config={run.config} />
      )}
      {run.gridSearch === null ? null : (
        <GridSearchSection result={run.gridSearch} config={run.config} />
      )}
    </>
  );
}
