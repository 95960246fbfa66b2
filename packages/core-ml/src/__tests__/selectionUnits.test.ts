import { describe, expect, it } from "vitest";

import { resolveEvaluationConfig } from "../evaluation/EvaluationConfig.js";
import { createFusedEngine } from "../network/fused/createFusedEngine.js";
import { runSelection } from "../selection/runSelection.js";
import {
  countSelectionUnits,
  mergeSelectionUnits,
  runSelectionUnits,
  type SelectionUnitOutcome,
} from "../selection/selectionUnits.js";
import { parseTable } from "../table/parseTable.js";
import { readDataFile, US_DEMO_FILE } from "./fixtures.js";

const table = parseTable(readDataFile(US_DEMO_FILE));
const features = ["Al2O3_mol_pct", "CaO_mol_pct", "Fe2O3_mol_pct", "SiO2_mol_pct"];

/** Runs each group of units in its own call, as separate workers would, then merges. */
async function runInGroups(
  config: ReturnType<typeof resolveEvaluationConfig>,
  groups: number[][],
): Promise<unknown> {
  const engine = createFusedEngine();
  const outcomes: SelectionUnitOutcome[] = [];
  for (const group of groups) {
    outcomes.push(...(await runSelectionUnits(table, config, group, { engine })));
  }

  return mergeSelectionUnits(table, config, outcomes, { engine });
}

describe("runSelectionUnits", () => {
  it("merges eliminations run in groups", async () => {
    const config = resolveEvaluationConfig(
      {
        task: "FEATURE_ELIMINATION",
        features,
        selection: { repetitions: 5 },
        network: { epochs: 8 },
        seed: 11,
      },
      table.columns,
    );
    const whole = await runSelection(table, config, { engine: createFusedEngine() });

    expect(countSelectionUnits(config)).toBe(5);
    expect(await runInGroups(config, [[3, 0], [4], [2, 1]])).toEqual(whole);
    expect(whole.featureElimination?.eliminationOrders).toHaveLength(5);
  });

  it("merges grid cells run in groups", async () => {
    const config = resolveEvaluationConfig(
      {
        task: "GRID_SEARCH",
        features,
        selection: {
          repetitions: 2,
          grid: { hiddenUnits: [[4, 2], [2, 2]], learningRate: [1e-1, 1e-2], weightDecay: [1e-3] }, // prettier-ignore
        },
        network: { epochs: 8 },
        seed: 5,
      },
      table.columns,
    );
    const whole = await runSelection(table, config, { engine: createFusedEngine() });

    expect(countSelectionUnits(config)).toBe(4);
    expect(await runInGroups(config, [[2], [0, 3], [1]])).toEqual(whole);
    expect(whole.gridSearch?.points).toHaveLength(4);
  });

  it("rejects a missing unit", async () => {
    const config = resolveEvaluationConfig(
      { task: "FEATURE_ELIMINATION", features, selection: { repetitions: 3, model: "LINEAR" } },
      table.columns,
    );
    const engine = createFusedEngine();
    const outcomes = await runSelectionUnits(table, config, [0, 2], { engine });

    await expect(mergeSelectionUnits(table, config, outcomes, { engine })).rejects.toThrow(
      /FEATURE_ELIMINATION has 3 units but got 2 outcomes, missing unit 1/,
    );
  });
});
