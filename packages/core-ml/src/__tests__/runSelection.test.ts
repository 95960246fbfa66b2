import { describe, expect, it } from "vitest";

import { resolveEvaluationConfig } from "../evaluation/EvaluationConfig.js";
import { createFusedEngine } from "../network/fused/createFusedEngine.js";
import { runSelection } from "../selection/runSelection.js";
import { parseTable } from "../table/parseTable.js";
import { readDataFile, US_DEMO_FILE } from "./fixtures.js";

const table = parseTable(readDataFile(US_DEMO_FILE));

describe("runSelection", () => {
  it("eliminates from every feature by default", async () => {
    const config = resolveEvaluationConfig(
      { task: "FEATURE_ELIMINATION", selection: { repetitions: 4 }, network: { epochs: 5 } },
      table.columns,
    );
    const fractions: number[] = [];
    const { featureElimination } = await runSelection(table, config, {
      engine: createFusedEngine(),
      onProgress: (progress) => fractions.push(progress.fraction),
    });

    expect(config.features).toHaveLength(10);
    expect(featureElimination?.counts).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(featureElimination?.eliminationOrders).toHaveLength(4);
    expect(fractions.at(-1)).toBe(1);
  });

  it("searches a given grid", async () => {
    const config = resolveEvaluationConfig(
      {
        task: "GRID_SEARCH",
        selection: {
          grid: { hiddenUnits: [[4, 2]], learningRate: [1e-2, 1e-1], weightDecay: [1e-2] },
        },
        network: { epochs: 5 },
      },
      table.columns,
    );
    const { gridSearch } = await runSelection(table, config, { engine: createFusedEngine() });

    expect(gridSearch?.points).toHaveLength(2);
    expect(config.selection.repetitions).toBe(1);
  });

  it("rejects an empty grid axis", () => {
    expect(() =>
      resolveEvaluationConfig(
        {
          task: "GRID_SEARCH",
          selection: { grid: { hiddenUnits: [], learningRate: [1], weightDecay: [1] } },
        },
        table.columns,
      ),
    ).toThrow(/selection.grid.hiddenUnits must list at least one value/);
  });
});
