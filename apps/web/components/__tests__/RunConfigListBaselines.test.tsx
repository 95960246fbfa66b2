// @vitest-environment jsdom
import type { RunConfig } from "@ree/schema/documents";
import { describe, expect, it } from "vitest";

import { RunConfigList } from "../RunConfigList";
import { renderMarkup } from "./renderMarkup";

const CONFIG: RunConfig = {
  task: "EVALUATION",
  features: ["Al2O3_mol_pct"],
  targets: ["REE_total_ppm_mol", "La2O3_ppm_mol"],
  split: "STRATIFIED",
  testFraction: 0.2,
  repetitions: 30,
  seed: 0,
  models: ["RANDOM_FOREST", "GRADIENT_BOOSTING", "SVR", "MULTI_TASK"],
  network: {
    hiddenUnits: [20, 6],
    learningRate: 0.001,
    weightDecay: 0.01,
    batchSize: 10,
    epochs: 500,
    lossWeighting: "CUSTOM",
    lossWeights: [3, 0.5],
  },
  analyses: [],
  screeningThreshold: null,
  selection: {
    repetitions: 100,
    model: "NETWORK",
    metric: "MAPE",
    validationFraction: 0.2,
    grid: null,
  },
};

/** Returns the description of a term of the definition list. */
function fact(term: string): string | null | undefined {
  const list = renderMarkup(<RunConfigList config={CONFIG} />);
  const terms = [...list.querySelectorAll("dt")];

  return terms.find((element) => element.textContent === term)?.nextElementSibling?.textContent;
}

describe("RunConfigList with baselines", () => {
  it("names the baseline model kinds", () => {
    expect(fact("Models")).toBe(
      "Random forest, Gradient-boosted trees, Support vector regression, Multi-task network",
    );
  });

  it("lists given loss weights", () => {
    expect(fact("Loss weighting")).toBe("Given weights: 3, 0.5");
  });
});
