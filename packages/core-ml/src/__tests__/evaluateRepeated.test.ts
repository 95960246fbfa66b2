import { beforeAll, describe, expect, it } from "vitest";

import type { ModelArtifact } from "../artifact/ModelArtifact.js";
import { predictWithArtifact } from "../artifact/predictWithArtifact.js";
import { predictWithMember } from "../artifact/predictWithMember.js";
import {
  resolveEvaluationConfig,
  type PartialEvaluationConfig,
} from "../evaluation/EvaluationConfig.js";
import { evaluateRepeated } from "../evaluation/evaluateRepeated.js";
import { describeColumn } from "../evaluation/describeColumn.js";
import { getColumn, selectColumns } from "../matrix/Matrix.js";
import { createTfjsEngine } from "../network/createTfjsEngine.js";
import { createFusedEngine } from "../network/fused/createFusedEngine.js";
import type { NetworkEngine } from "../network/NetworkEngine.js";
import { TOTAL_REE_COLUMN } from "../table/columnUnits.js";
import { parseTable } from "../table/parseTable.js";
import { readDataFile, US_DEMO_FILE } from "./fixtures.js";

const table = parseTable(readDataFile(US_DEMO_FILE));
let engine: NetworkEngine;

beforeAll(async () => {
  engine = await createTfjsEngine();
});

function evaluate(partial: PartialEvaluationConfig) {
  return evaluateRepeated(table, resolveEvaluationConfig(partial, table.columns), { engine });
}

function totalMetric(
  results: Awaited<ReturnType<typeof evaluate>>,
  kind: string,
  split: "TRAIN" | "TEST",
) {
  return results
    .find((result) => result.kind === kind)
    ?.metrics.find((metric) => metric.target === TOTAL_REE_COLUMN && metric.split === split);
}

describe("evaluateRepeated", () => {
  it("fits the real data with the multi-task network", async () => {
    const results = await evaluate({ repetitions: 2, seed: 11 });
    const train = totalMetric(results, "MULTI_TASK", "TRAIN");

    expect(train?.r2.mean).toBeGreaterThan(0.9);
    expect(results.map((result) => result.kind)).toEqual(["LINEAR", "MULTI_TASK"]);
  });

  it("gives the same numbers for the same seed", async () => {
    const config = { repetitions: 2, seed: 5, network: { epochs: 30 } };
    const [first, second] = [await evaluate(config), await evaluate(config)];

    expect(second.map((result) => result.metrics)).toEqual(first.map((result) => result.metrics));
    expect(second[1]?.predictions).toEqual(first[1]?.predictions);
  });

  it("gives other numbers for another seed", async () => {
    const network = { epochs: 30 };
    const first = await evaluate({ repetitions: 1, seed: 1, network });
    const second = await evaluate({ repetitions: 1, seed: 2, network });

    expect(second[1]?.predictions).not.toEqual(first[1]?.predictions);
  });

  it("shares splits between model kinds", async () => {
    const results = await evaluate({ repetitions: 3, network: { epochs: 5 } });
    const testRows = (index: number) =>
      results[index]?.predictions.filter((p) => p.split === "TEST").map((p) => p.sample);

    expect(testRows(1)).toEqual(testRows(0));
  });

  it("trains one network per target in single-task mode", async () => {
    const targets = [TOTAL_REE_COLUMN, "La2O3_ppm_mol"];
    const [result] = await evaluate({
      repetitions: 1,
      targets,
      models: ["SINGLE_TASK"],
      network: { epochs: 5 },
    });

    expect(result?.artifact.members[0]?.predictors).toHaveLength(2);
    expect(result?.metrics.map((metric) => metric.target)).toEqual([
      TOTAL_REE_COLUMN,
      TOTAL_REE_COLUMN,
      "La2O3_ppm_mol",
      "La2O3_ppm_mol",
    ]);
  });

  it("predicts with the ensemble mean of its members", async () => {
    const [linear] = await evaluate({ repetitions: 3, models: ["LINEAR"] });
    const artifact = linear?.artifact;
    if (!artifact) {
      throw new Error("expected a linear artifact");
    }

    const featureIndices = artifact.features.map((f) =>
      table.columns.findIndex((c) => c.name === f),
    );
    const x = selectColumns(table.values, featureIndices);
    const { mean, p5, p95 } = predictWithArtifact(artifact, x);
    const members = artifact.members.map((member) => predictWithMember(member, x));
    const sorted = members.map((m) => m.data[0] ?? NaN).sort((a, b) => a - b);
    const [lowest = NaN, middle = NaN, highest = NaN] = sorted;

    const average = members.reduce((sum, m) => sum + (m.data[0] ?? 0), 0) / members.length;
    expect(mean.data[0]).toBeCloseTo(average, 9);
    // numpy.percentile of 3 values: position 0.1 for the 5th, 1.9 for the 95th.
    expect(p5.data[0]).toBeCloseTo(lowest + 0.1 * (middle - lowest), 9);
    expect(p95.data[0]).toBeCloseTo(middle + 0.9 * (highest - middle), 9);
  });

  it("runs the configured analyses", async () => {
    const [linear] = await evaluate({
      repetitions: 2,
      models: ["LINEAR"],
      analyses: ["SHAP", "FEATURE_EFFECTS", "NOISE", "SCREENING"],
    });
    const { shap, featureEffects, noise, screening } = linear?.analyses ?? {};
    const totals = Array.from(
      getColumn(
        table.values,
        table.columns.findIndex((c) => c.name === TOTAL_REE_COLUMN),
      ),
    );
    const medianTotal = describeColumn(totals).p50;

    expect(shap?.values).toHaveLength(10);
    expect(Math.max(...(shap?.importance ?? []))).toBe(1);
    expect(featureEffects?.effects).toHaveLength(6);
    expect(noise?.levels.map((level) => level.noisePercent)).toEqual([2, 4]);
    expect(noise?.levels[0]?.changes).toHaveLength(20);
    expect(screening?.threshold).toBeCloseTo(medianTotal, 12);
    const { truePositives, falsePositives, trueNegatives, falseNegatives } =
      screening?.confusion ?? {};
    expect(
      (truePositives ?? 0) + (falsePositives ?? 0) + (trueNegatives ?? 0) + (falseNegatives ?? 0),
    ).toBe(4);
  });

  it("skips analyses by default", async () => {
    const [linear] = await evaluate({ repetitions: 1, models: ["LINEAR"] });

    expect(linear?.analyses).toEqual({});
  });

  it("matches between the fused and TensorFlow.js engines", async () => {
    // The fused engine moves the moving variance towards the unbiased batch
    // variance as PyTorch does, TensorFlow.js towards the biased one, so their
    // predictions differ by design (by up to 12% here). Training never reads the
    // moving variance, so the splits, every trained weight and the moving means
    // must still agree. They differ by float32 rounding in TensorFlow.js, at most
    // 3.8e-7 of max(1, the tensor's largest magnitude) here.
    const config = resolveEvaluationConfig(
      { repetitions: 2, seed: 3, models: ["MULTI_TASK"], network: { epochs: 30 } },
      table.columns,
    );
    const [fused] = await evaluateRepeated(table, config, { engine: createFusedEngine() });
    const [tfjs] = await evaluateRepeated(table, config, { engine });
    const splitsOf = (result: typeof fused) =>
      result?.predictions.map(({ sample, split }) => `${sample} ${split}`);

    expect(splitsOf(fused)).toEqual(splitsOf(tfjs));

    const expectedTensors = new Map(trainedTensors(tfjs?.artifact));
    const actualTensors = trainedTensors(fused?.artifact);
    expect(actualTensors.map(([name]) => name)).toEqual([...expectedTensors.keys()]);
    for (const [name, values] of actualTensors) {
      const expected = expectedTensors.get(name) ?? [];
      const scale = Math.max(1, ...expected.map(Math.abs));
      values.forEach((value, i) => {
        expect(Math.abs(value - (expected[i] ?? NaN)), `${name}[${i}]`).toBeLessThan(1e-5 * scale);
      });
    }
  });

  it("gives the same results with and without batch training", async () => {
    const config = resolveEvaluationConfig(
      { repetitions: 2, models: ["SINGLE_TASK", "MULTI_TASK"], network: { epochs: 10 } },
      table.columns,
    );
    const fused = createFusedEngine();
    const oneByOne: NetworkEngine = { name: "one-by-one", train: fused.train };

    const batched = await evaluateRepeated(table, config, { engine: fused });
    const sequential = await evaluateRepeated(table, config, { engine: oneByOne });

    expect(sequential.map((result) => result.predictions)).toEqual(
      batched.map((result) => result.predictions),
    );
  });

  it("trains a kind alike whatever other kinds run", async () => {
    const network = { epochs: 10 };
    const [alone] = await evaluate({ repetitions: 2, models: ["MULTI_TASK"], network });
    const withOthers = await evaluate({
      repetitions: 2,
      models: ["LINEAR", "SINGLE_TASK", "MULTI_TASK"],
      targets: [TOTAL_REE_COLUMN],
      network,
    });
    const [aloneOnTotal] = await evaluate({
      repetitions: 2,
      models: ["MULTI_TASK"],
      targets: [TOTAL_REE_COLUMN],
      network,
    });

    expect(alone?.kind).toBe("MULTI_TASK");
    expect(withOthers[2]?.predictions).toEqual(aloneOnTotal?.predictions);
  });

  it.each([
    [{ epochs: 0 }, /network.epochs must be a positive integer, got 0/],
    [{ hiddenUnits: [20, 2.5] }, /network.hiddenUnits\[1\] must be a positive integer, got 2.5/],
    [{ learningRate: -1 }, /network.learningRate must be a positive number, got -1/],
    [{ weightDecay: -0.1 }, /network.weightDecay must be zero or more, got -0.1/],
  ])("rejects network %j", (network, message) => {
    expect(() => resolveEvaluationConfig({ network }, table.columns)).toThrow(message);
  });

  it("rejects an unknown feature", () => {
    expect(() => resolveEvaluationConfig({ features: ["SO3_mol_pct"] }, table.columns)).toThrow(
      /features: unknown column "SO3_mol_pct"; available: SiO2_mol_pct/,
    );
  });
});

/**
 * Lists the tensors of every network predictor in an artifact that training
 * sets, named by member, predictor and layer: all but the moving variances.
 */
function trainedTensors(artifact: ModelArtifact | undefined): [string, number[]][] {
  return (artifact?.members ?? []).flatMap((member, m) =>
    member.predictors.flatMap((predictor, p): [string, number[]][] => {
      if (predictor.type !== "network") {
        return [];
      }

      const prefix = `member ${m} predictor ${p}`;

      return [
        ...predictor.hidden.flatMap(({ dense, batchNorm }, l): [string, number[]][] => [
          [`${prefix} hidden ${l} kernel`, dense.kernel.flat()],
          [`${prefix} hidden ${l} bias`, dense.bias],
          [`${prefix} hidden ${l} gamma`, batchNorm.gamma],
          [`${prefix} hidden ${l} beta`, batchNorm.beta],
          [`${prefix} hidden ${l} moving mean`, batchNorm.movingMean],
        ]),
        [`${prefix} output kernel`, predictor.output.kernel.flat()],
        [`${prefix} output bias`, predictor.output.bias],
      ];
    }),
  );
}
