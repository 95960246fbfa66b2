import { describe, expect, it } from "vitest";

import { resolveEvaluationConfig } from "../evaluation/EvaluationConfig.js";
import {
  combineRepetitions,
  evaluateRepeated,
  evaluateRepetitions,
} from "../evaluation/evaluateRepeated.js";
import { createFusedEngine } from "../network/fused/createFusedEngine.js";
import { parseTable } from "../table/parseTable.js";
import { readDataFile, US_DEMO_FILE } from "./fixtures.js";

const table = parseTable(readDataFile(US_DEMO_FILE));
const config = resolveEvaluationConfig(
  {
    repetitions: 3,
    seed: 21,
    models: ["LINEAR", "SINGLE_TASK", "MULTI_TASK"],
    network: { epochs: 20 },
  },
  table.columns,
);

describe("evaluateRepetitions", () => {
  it("gives the whole evaluation's results from repetitions trained one at a time", async () => {
    const engine = createFusedEngine();
    const whole = await evaluateRepeated(table, config, { engine });
    // Out of order, as workers may finish them, and through JSON, as a run stores them.
    const outcomes = [];
    for (const r of [2, 0, 1]) {
      const [outcome] = await evaluateRepetitions(table, config, [r], { engine });
      outcomes.push(JSON.parse(JSON.stringify(outcome)));
    }

    const combined = combineRepetitions(table, config, outcomes);

    expect(combined.map((e) => e.predictions)).toEqual(whole.map((e) => e.predictions));
    expect(combined.map((e) => e.metrics)).toEqual(whole.map((e) => e.metrics));
    expect(combined.map((e) => e.artifact)).toEqual(whole.map((e) => e.artifact));
  });

  it("names a repetition outside the run", async () => {
    await expect(
      evaluateRepetitions(table, config, [3], { engine: createFusedEngine() }),
    ).rejects.toThrow("repetition 3 is outside 0..2");
  });
});
