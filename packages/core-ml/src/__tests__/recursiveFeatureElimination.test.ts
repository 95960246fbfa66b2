import { describe, expect, it } from "vitest";

import type { EvaluationData } from "../evaluation/evaluateRepeated.js";
import { createMatrix } from "../matrix/Matrix.js";
import { trainNetworks } from "../network/fused/trainNetworks.js";
import { createRandom } from "../random/createRandom.js";
import { recursiveFeatureElimination } from "../selection/recursiveFeatureElimination.js";
import { parseTable } from "../table/parseTable.js";
import { readDataFile, US_DEMO_FILE } from "./fixtures.js";

/** 40 rows where the target depends on f0 and f1 only, plus three noise features. */
function syntheticData(): EvaluationData {
  const random = createRandom(3);
  const rows = 40;
  const values = createMatrix(rows, 6);
  for (let i = 0; i < rows; i++) {
    const features = Array.from({ length: 5 }, () => 1 + 10 * random.next());
    const target = 50 + 4 * (features[0] ?? 0) - 3 * (features[1] ?? 0) + 0.01 * random.next();
    values.data.set([...features, target], i * 6);
  }

  const feature = (name: string) => ({
    name,
    quantity: name,
    unit: "mol %",
    role: "FEATURE" as const,
  });

  return {
    labels: Array.from({ length: rows }, (_, i) => `s${i}`),
    columns: [
      ...["f0", "f1", "f2", "f3", "f4"].map(feature),
      { name: "total", quantity: "total", unit: "ppm (molar)", role: "TARGET" },
    ],
    values,
  };
}

describe("recursiveFeatureElimination", () => {
  it("keeps the informative features last", async () => {
    const result = await recursiveFeatureElimination(syntheticData(), {
      trainMany: trainNetworks,
      model: "LINEAR",
      repetitions: 10,
    });
    const lastTwo = result.eliminationOrders.map((order) => order.slice(-2).sort());

    expect(result.counts).toEqual([5, 4, 3, 2, 1]);
    expect(lastTwo.every((pair) => pair.join() === "f0,f1")).toBe(true);
    expect(result.keptProbability[3]).toEqual([1, 1, 0, 0, 0]);
    expect(result.normalizedError[0]?.mean).toBe(1);
  });

  it("reports kept probabilities that sum to the count", async () => {
    const table = parseTable(readDataFile(US_DEMO_FILE));
    const result = await recursiveFeatureElimination(table, {
      trainMany: trainNetworks,
      model: "LINEAR",
      repetitions: 20,
      features: ["SiO2_mol_pct", "Al2O3_mol_pct", "CaO_mol_pct", "Fe2O3_mol_pct"],
    });

    result.keptProbability.forEach((row, step) => {
      expect(
        row.reduce((sum, p) => sum + p, 0),
        `step ${step}`,
      ).toBeCloseTo(result.counts[step] ?? 0, 12);
    });
    expect(result.error[0]?.mean).toBeGreaterThan(0);
  });

  it("eliminates with networks reproducibly", async () => {
    const table = parseTable(readDataFile(US_DEMO_FILE));
    const options = {
      trainMany: trainNetworks,
      repetitions: 3,
      features: ["Al2O3_mol_pct", "CaO_mol_pct", "Fe2O3_mol_pct"],
      network: { epochs: 20 },
      seed: 4,
    };
    const first = await recursiveFeatureElimination(table, options);
    const second = await recursiveFeatureElimination(table, options);

    expect(second).toEqual(first);
    expect(first.eliminationOrders).toHaveLength(3);
  });

  it("rejects a single feature", async () => {
    await expect(
      recursiveFeatureElimination(syntheticData(), { trainMany: trainNetworks, features: ["f0"] }),
    ).rejects.toThrow(/features must list at least 2 columns, got \[f0\]/);
  });
});
