// @vitest-environment jsdom
import type { GridPoint, RunConfig, RunDetail } from "@ree/schema/documents";
import { act } from "react";
import { describe, expect, it } from "vitest";

import { ELIMINATION, GRID } from "../charts/__tests__/selectionFixtures";
import { SelectionResults } from "../SelectionResults";
import { cellTexts, renderMarkup } from "./renderMarkup";
import { mountElement } from "./mountElement";

const CONFIG: RunConfig = {
  task: "FEATURE_ELIMINATION",
  features: ELIMINATION.features,
  targets: ["REE_total_ppm_mol"],
  split: "STRATIFIED",
  testFraction: 0.2,
  repetitions: 30,
  seed: 0,
  models: ["LINEAR", "MULTI_TASK"],
  network: {
    hiddenUnits: [20, 6],
    learningRate: 10 ** -3.33,
    weightDecay: 0.01,
    batchSize: 10,
    epochs: 500,
    lossWeighting: "MEAN",
    lossWeights: null,
  },
  analyses: [],
  screeningThreshold: null,
  selection: {
    repetitions: 20,
    model: "NETWORK",
    metric: "MAPE",
    validationFraction: 0.2,
    grid: null,
  },
};

function run(patch: Partial<RunDetail>): RunDetail {
  return {
    id: "run-1",
    name: "Selection",
    status: "SUCCEEDED",
    createdAt: "2026-01-01T00:00:00Z",
    finishedAt: null,
    startedAt: null,
    error: null,
    backend: null,
    dataset: { id: "dataset-1", name: "US coal ashes" },
    progress: {
      fraction: 1,
      repetition: 0,
      repetitions: 0,
      modelKind: null,
      epoch: null,
      epochs: null,
      message: "",
    },
    finishedRepetitions: CONFIG.repetitions,
    completion: { finished: CONFIG.repetitions, total: CONFIG.repetitions, unit: "repetitions" },
    config: CONFIG,
    results: [],
    featureElimination: null,
    gridSearch: null,
    ...patch,
  };
}

const GRID_CONFIG: RunConfig = {
  ...CONFIG,
  task: "GRID_SEARCH",
  selection: { ...CONFIG.selection, repetitions: 3 },
};

describe("SelectionResults", () => {
  it("waits for an active run", () => {
    const section = renderMarkup(<SelectionResults run={run({ status: "RUNNING" })} active />);

    expect(section.textContent).toBe("Results appear here when the run has finished.");
  });

  it("says when a finished run has no result", () => {
    const section = renderMarkup(
      <SelectionResults run={run({ status: "FAILED" })} active={false} />,
    );

    expect(section.textContent).toBe("This run has no results.");
  });

  it("describes a feature elimination", () => {
    const section = renderMarkup(
      <SelectionResults run={run({ featureElimination: ELIMINATION })} active={false} />,
    );
    const rows = [...section.querySelectorAll("tbody tr")].map(cellTexts);

    expect(section.querySelector("h3")?.textContent).toBe("Recursive feature elimination");
    expect(section.textContent).toContain(
      "every step refits a single-task network once per remaining feature with that feature left out, and drops the feature whose removal gives the lowest validation MAPE of the total REE.",
    );
    expect(section.textContent).toContain(
      "With all features the validation MAPE is 119.8 ± 182.7 %.",
    );
    expect(rows[0]).toEqual(["10", "119.8 ± 182.7", "1.00 ± 0.00"]);
    expect(rows.at(-1)).toEqual(["1", "18.2 ± 8.1", "0.57 ± 0.49"]);
  });

  it("marks missing errors", () => {
    const elimination = {
      ...ELIMINATION,
      error: ELIMINATION.error.map((summary, step) =>
        step === 1 ? { mean: null, sd: null } : summary,
      ),
    };
    const section = renderMarkup(
      <SelectionResults run={run({ featureElimination: elimination })} active={false} />,
    );

    expect(section.querySelectorAll("tbody .missing")).toHaveLength(1);
  });

  it("describes a grid search", () => {
    const section = renderMarkup(
      <SelectionResults run={run({ config: GRID_CONFIG, gridSearch: GRID })} active={false} />,
    );
    const rows = [...section.querySelectorAll("tbody tr")].map(cellTexts);

    expect(section.textContent).toContain(
      "2 hidden layer configurations × 3 learning rates × 3 weight decays = 18 combinations, each a single-task network for the total REE trained for 500 epochs on 3 validation splits and scored by its validation MAPE.",
    );
    expect(section.querySelector("dl")?.textContent).toBe(
      "Best combinationhidden layers 8, 4 units, learning rate 10⁻², weight decay 10⁻²" +
        "Validation MAPE11.9 ± 5.8 % (mean ± sd over the validation splits)" +
        "Test MAPE9.7 ± 5.3 %, the best combination retrained on the training and validation rows and scored on the held-out test rows",
    );
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual(["8, 4", "10⁻²", "10⁻²", "11.9 ± 5.8"]);
    expect(section.querySelector("select")).toBeNull();
  });

  it("offers a selector for many hidden layer configurations", async () => {
    const points: GridPoint[] = [[4], [8], [16], [32], [64]].flatMap((hiddenUnits, index) => [
      { hiddenUnits, learningRate: 0.01, weightDecay: 0.01, error: { mean: 20 - index, sd: 1 } },
    ]);
    const best = points[4]!;
    const container = await mountElement(
      <SelectionResults
        run={run({
          config: GRID_CONFIG,
          gridSearch: { points, best, bestTestError: { mean: 18, sd: 2 } },
        })}
        active={false}
      />,
    );
    const select = container.querySelector("select");

    expect([...(select?.options ?? [])].map((option) => option.textContent)).toEqual([
      "4",
      "8",
      "16",
      "32",
      "64 (best)",
    ]);
    expect(select?.value).toBe("64");
    expect(container.querySelectorAll(".grid-panel")).toHaveLength(1);
    expect(container.querySelector(".grid-panel-title")?.textContent).toBe("Hidden layer 64");

    await act(async () => {
      select!.value = "8";
      select!.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(container.querySelector(".grid-panel-title")?.textContent).toBe("Hidden layer 8");
  });
});
