import { describe, expect, it } from "vitest";

import { trainNetworks } from "../network/fused/trainNetworks.js";
import { gridSearch, STUDY_GRID } from "../selection/gridSearch.js";
import { parseTable } from "../table/parseTable.js";
import { readDataFile, US_DEMO_FILE } from "./fixtures.js";

const table = parseTable(readDataFile(US_DEMO_FILE));
const features = ["Al2O3_mol_pct", "CaO_mol_pct", "Fe2O3_mol_pct"];

describe("gridSearch", () => {
  it("spans the study's grid", () => {
    expect(STUDY_GRID.hiddenUnits).toHaveLength(25);
    expect(STUDY_GRID.learningRate).toHaveLength(16);
    expect(STUDY_GRID.learningRate[10]).toBeCloseTo(10 ** -3.3333, 4);
    expect(STUDY_GRID.weightDecay[3]).toBeCloseTo(1e-2, 12);
    expect(STUDY_GRID.weightDecay.at(-1)).toBeCloseTo(1e-6, 12);
  });

  it("scores every combination and prefers a learning rate that trains", async () => {
    const result = await gridSearch(table, {
      trainMany: trainNetworks,
      features,
      grid: { hiddenUnits: [[4, 2], [8, 4]], learningRate: [1e-1, 1e-6], weightDecay: [1e-3] }, // prettier-ignore
      network: { epochs: 100 },
      repetitions: 3,
    });

    expect(result.points).toHaveLength(4);
    expect(result.points.map((p) => p.hiddenUnits.join("-"))).toEqual(["4-2", "4-2", "8-4", "8-4"]);
    expect(result.best.learningRate).toBe(1e-1);
    expect(result.best.error.mean).toBe(
      Math.min(...result.points.map((p) => p.error.mean ?? Infinity)),
    );
    expect(result.bestTestError.mean).not.toBeNull();
  });

  it("gives the same scores for the same seed", async () => {
    const options = {
      trainMany: trainNetworks,
      features,
      grid: { hiddenUnits: [[4, 2]], learningRate: [1e-2], weightDecay: [1e-2, 1e-4] },
      network: { epochs: 20 },
      seed: 9,
    };

    expect(await gridSearch(table, options)).toEqual(await gridSearch(table, options));
  });
});
