import type { EvaluationConfig } from "../evaluation/EvaluationConfig.js";
import type { EvaluationData } from "../evaluation/evaluateRepeated.js";
import type { GridSearchResult } from "./gridSearch.js";
import type { RfeResult } from "./recursiveFeatureElimination.js";
import {
  countSelectionUnits,
  mergeSelectionUnits,
  runSelectionUnits,
  type SelectionUnitOptions,
} from "./selectionUnits.js";

export interface SelectionResults {
  featureElimination?: RfeResult;
  gridSearch?: GridSearchResult;
}

export type RunSelectionOptions = SelectionUnitOptions;

/**
 * Runs the model-selection task of a config (feature elimination or grid
 * search) on its first target in this process, every unit in one batch,
 * reporting progress as the share of all network epochs trained.
 */
export async function runSelection(
  data: EvaluationData,
  config: EvaluationConfig,
  options: RunSelectionOptions,
): Promise<SelectionResults> {
  const units = Array.from({ length: countSelectionUnits(config) }, (_, u) => u);
  const outcomes = await runSelectionUnits(data, config, units, options);

  return mergeSelectionUnits(data, config, outcomes, options);
}
