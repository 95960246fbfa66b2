import { describe, expect, it } from "vitest";

import {
  type PartialEvaluationConfig,
  resolveEvaluationConfig,
} from "../evaluation/EvaluationConfig.js";
import { evaluateRepeated } from "../evaluation/evaluateRepeated.js";
import { planJobs } from "../evaluation/planJobs.js";
import { prepareRepetition } from "../evaluation/prepareRepetition.js";
import { selectColumns } from "../matrix/Matrix.js";
import { createFusedEngine } from "../network/fused/createFusedEngine.js";
import { TOTAL_REE_COLUMN } from "../table/columnUnits.js";
import { parseTable } from "../table/parseTable.js";
import { readDataFile, US_DEMO_FILE } from "./fixtures.js";

const table = parseTable(readDataFile(US_DEMO_FILE));
const engine = createFusedEngine();
const BASELINES = ["RANDOM_FOREST", "GRADIENT_BOOSTING", "SVR"] as const;
const FEW_TARGETS = [TOTAL_REE_COLUMN, "La2O3_ppm_mol", "CeO2_ppm_mol"];

function evaluate(partial: PartialEvaluationConfig) {
  return evaluateRepeated(table, resolveEvaluationConfig(partial, table.columns), { engine });
}

describe("evaluateRepeated with baselines", () => {
  it("fits one model per target and scores every target", async () => {
    const results = await evaluate({
      repetitions: 3,
      targets: FEW_TARGETS,
      models: [...BASELINES],
    });

    for (const result of results) {
      expect(result.artifact.members).toHaveLength(3);
      expect(result.artifact.members[0]?.predictors).toHaveLength(FEW_TARGETS.length);
      expect(result.metrics.map((m) => `${m.target} ${m.split}`)).toHaveLength(
        2 * FEW_TARGETS.length,
      );
      expect(result.predictions).toHaveLength(3 * table.labels.length);
      expect(result.secondsPerTraining).toBeGreaterThan(0);
    }

    expect(results.map((result) => result.kind)).toEqual(BASELINES);
  });

  it("fits the training rows of the real data", async () => {
    const results = await evaluate({
      repetitions: 3,
      targets: [TOTAL_REE_COLUMN],
      models: [...BASELINES],
    });
    const trainR2 = results.map(
      (result) => result.metrics.find((m) => m.split === "TRAIN")?.r2.mean ?? NaN,
    );

    // Forests average bootstrap trees and SVR keeps an epsilon tube, so neither interpolates.
    expect(trainR2[0]).toBeGreaterThan(0.8);
    expect(trainR2[1]).toBeGreaterThan(0.999);
    expect(trainR2[2]).toBeGreaterThan(0.8);
  });

  it("gives the same numbers for the same seed and others for another seed", async () => {
    const config = {
      repetitions: 2,
      targets: [TOTAL_REE_COLUMN],
      models: ["RANDOM_FOREST" as const],
    };
    const [first] = await evaluate({ ...config, seed: 4 });
    const [again] = await evaluate({ ...config, seed: 4 });
    const [other] = await evaluate({ ...config, seed: 5 });

    expect(again?.predictions).toEqual(first?.predictions);
    expect(other?.predictions).not.toEqual(first?.predictions);
  });

  it("fits a baseline alike whatever other kinds run", async () => {
    // Subsamples make each boosting round depend on the seed.
    const common = {
      repetitions: 2,
      targets: [TOTAL_REE_COLUMN],
      baselines: { gradientBoosting: { subsample: 0.5 } },
    };
    const [alone] = await evaluate({ ...common, models: ["GRADIENT_BOOSTING"] });
    const withOthers = await evaluate({
      ...common,
      models: ["LINEAR", "SVR", "GRADIENT_BOOSTING"],
    });

    expect(withOthers[2]?.predictions).toEqual(alone?.predictions);
  });

  it("runs the analyses on a baseline ensemble", async () => {
    const [forest] = await evaluate({
      repetitions: 2,
      targets: [TOTAL_REE_COLUMN],
      models: ["RANDOM_FOREST"],
      baselines: { randomForest: { trees: 10 } },
      analyses: ["FEATURE_EFFECTS", "SCREENING"],
    });

    expect(forest?.analyses.featureEffects?.effects).toHaveLength(6);
    expect(forest?.analyses.screening?.confusion).toBeDefined();
  });
});

describe("custom loss weights", () => {
  const targets = FEW_TARGETS;

  it("passes the given weights to every multi-task network", () => {
    const config = resolveEvaluationConfig(
      { targets, models: ["MULTI_TASK"], network: { lossWeights: [3, 1, 0.5] } },
      table.columns,
    );
    const y = selectColumns(table.values, [0, 1, 2]);
    const repetition = prepareRepetition(y, y, config, 1);

    expect(config.network.lossWeighting).toBe("CUSTOM");
    expect(planJobs([repetition], config)[0]?.job.options.lossWeights).toEqual([3, 1, 0.5]);
  });

  it("trains as EQUAL does when every weight is the same", async () => {
    const common = { repetitions: 1, targets, models: ["MULTI_TASK" as const] };
    const network = { epochs: 5 };
    const [equal] = await evaluate({ ...common, network: { ...network, lossWeighting: "EQUAL" } });
    const [custom] = await evaluate({
      ...common,
      network: { ...network, lossWeighting: "CUSTOM", lossWeights: [2, 2, 2] },
    });

    expect(custom?.predictions).toEqual(equal?.predictions);
  });

  it.each([
    [
      { lossWeighting: "CUSTOM" as const },
      /network.lossWeights must hold one weight per target \(3: REE_total_ppm_mol, La2O3_ppm_mol, CeO2_ppm_mol\), got none/,
    ],
    [{ lossWeights: [1, 2] }, /must hold one weight per target \(3: .*\), got 2/],
    [
      { lossWeights: [1, -2, 1] },
      /network.lossWeights: the weight of target "La2O3_ppm_mol" must be a positive number, got -2/,
    ],
    [
      { lossWeights: [1, 1, 0] },
      /the weight of target "CeO2_ppm_mol" must be a positive number, got 0/,
    ],
    [
      { lossWeighting: "MEAN" as const, lossWeights: [1, 1, 1] },
      /network.lossWeights is only used with lossWeighting CUSTOM, got MEAN/,
    ],
  ])("rejects %j", (network, message) => {
    expect(() => resolveEvaluationConfig({ targets, network }, table.columns)).toThrow(message);
  });
});
