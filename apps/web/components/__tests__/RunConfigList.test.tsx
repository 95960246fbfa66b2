// @vitest-environment jsdom
import type { RunConfig } from "@ree/schema/documents";
import { describe, expect, it } from "vitest";

import { RunConfigList } from "../RunConfigList";
import { renderMarkup } from "./renderMarkup";

const EVALUATION: RunConfig = {
  task: "EVALUATION",
  features: ["Al2O3_mol_pct", "CaO_mol_pct"],
  targets: ["REE_total_ppm_mol", "La2O3_ppm_mol"],
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
  analyses: ["SHAP", "NOISE"],
  screeningThreshold: null,
  selection: {
    repetitions: 100,
    model: "NETWORK",
    metric: "MAPE",
    validationFraction: 0.2,
    grid: null,
  },
};

/** Returns the definition list as term → description. */
function facts(config: RunConfig): Record<string, string> {
  const list = renderMarkup(<RunConfigList config={config} />);
  const terms = [...list.querySelectorAll("dt")].map((term) => term.textContent);
  const descriptions = [...list.querySelectorAll("dd")].map(
    (description) => description.textContent,
  );

  return Object.fromEntries(terms.map((term, index) => [term, descriptions[index] ?? ""]));
}

describe("RunConfigList", () => {
  it("lists an evaluation's settings", () => {
    const list = facts(EVALUATION);

    expect(list).toMatchObject({
      Task: "Evaluation",
      Features: "Al2O3, CaO",
      Targets: "REE total, La2O3",
      Split: "Stratified on the first target, 20 % held out for testing",
      Models: "Linear regression, Multi-task network",
      Analyses: "SHAP values, Sensitivity to input noise",
      "Learning rate": "4.68 × 10⁻⁴",
      "Weight decay": "10⁻²",
      "Loss weighting": "By target mean",
    });
    expect(list["Validation error"]).toBeUndefined();
  });

  it("lists a feature elimination's settings", () => {
    const list = facts({
      ...EVALUATION,
      task: "FEATURE_ELIMINATION",
      targets: ["REE_total_ppm_mol"],
    });

    expect(list).toMatchObject({
      Task: "Feature elimination",
      "Validation target": "REE total",
      Split:
        "Stratified on the validation target: 20 % held out for testing, then 20 % of the rest for validation",
      Repetitions: "100 eliminations",
      "Refitted model": "Single-task network",
      "Validation error": "MAPE (%)",
      "Hidden layers": "20, 6 units",
    });
    expect(list.Models).toBeUndefined();
    expect(list["Loss weighting"]).toBeUndefined();
  });

  it("leaves the network out of a linear elimination", () => {
    const list = facts({
      ...EVALUATION,
      task: "FEATURE_ELIMINATION",
      selection: { ...EVALUATION.selection, model: "LINEAR" },
    });

    expect(list["Refitted model"]).toBe("Linear regression");
    expect(list.Epochs).toBeUndefined();
  });

  it("lists a grid search's grid", () => {
    const study = facts({
      ...EVALUATION,
      task: "GRID_SEARCH",
      selection: { ...EVALUATION.selection, repetitions: 1 },
    });
    const custom = facts({
      ...EVALUATION,
      task: "GRID_SEARCH",
      selection: {
        ...EVALUATION.selection,
        repetitions: 3,
        grid: { hiddenUnits: [[8, 4], [16]], learningRate: [0.001, 0.01], weightDecay: [0, 0.1] },
      },
    });

    expect(study.Grid).toBe("The study's grid: 6400 combinations");
    expect(study.Repetitions).toBe("1 validation split per combination");
    expect(study["Hidden layers"]).toBeUndefined();
    expect(study.Epochs).toBe("500");
    expect(custom.Grid).toBe("Hidden layers 8, 4; 16Learning rates 10⁻³, 10⁻²Weight decays 0, 0.1");
    expect(custom.Repetitions).toBe("3 validation splits per combination");
  });
});
