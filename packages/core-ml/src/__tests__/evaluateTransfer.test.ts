import { describe, expect, it } from "vitest";

import type { NetworkPredictor } from "../artifact/ModelArtifact.js";
import { predictWithArtifact } from "../artifact/predictWithArtifact.js";
import { predictWithPredictor } from "../artifact/predictWithPredictor.js";
import { meanAbsolutePercentageError, r2Score } from "../evaluation/metrics.js";
import { getColumn, selectColumns } from "../matrix/Matrix.js";
import { createFusedEngine } from "../network/fused/createFusedEngine.js";
import { importTorchEnsemble } from "../pretrained/importTorchEnsemble.js";
import { scaleMatrix } from "../preprocessing/standardScaler.js";
import { parseTable } from "../table/parseTable.js";
import { evaluateTransfer, type TransferResult } from "../transfer/evaluateTransfer.js";
import { frozenActivations } from "../transfer/frozenActivations.js";
import { resolveTransferConfig } from "../transfer/resolveTransferConfig.js";
import { POLISH_FILE, readDataFile, US_DEMO_FILE } from "./fixtures.js";

const ensemble = importTorchEnsemble(JSON.parse(readDataFile("pretrained/study_ensemble_30.json")));
const polish = parseTable(readDataFile(POLISH_FILE));

/** The study's ensemble cut to 5 members, so that a test trains in about a second. */
const parent = { ...ensemble, members: ensemble.members.slice(0, 5) };

function resolve(transfer: Record<string, unknown> = {}) {
  return resolveTransferConfig(
    {
      network: { epochs: 200 },
      transfer: { parentModelId: "study", draws: 4, trainingSize: 6, ...transfer },
    },
    polish.columns,
    parent,
    polish.labels.length,
  );
}

describe("evaluateTransfer", () => {
  let result: TransferResult;
  const approach = (name: string) => result.approaches.find((a) => a.approach === name);

  it("scores the three approaches on each draw's test rows", async () => {
    result = await evaluateTransfer(polish, parent, resolve(), { engine: createFusedEngine() });

    expect(result.trainRows).toHaveLength(4);
    for (const train of result.trainRows) {
      expect(train).toHaveLength(6);
      expect(new Set(train).size).toBe(6);
    }

    expect(result.approaches.map((a) => a.approach)).toEqual([
      "AS_IS",
      "FROM_SCRATCH",
      "FINE_TUNED",
    ]);
    for (const { draws, confusionTotal } of result.approaches) {
      expect(draws).toHaveLength(4);
      const counted = Object.values(confusionTotal).reduce((sum, count) => sum + count, 0);
      expect(counted).toBe(4 * 6);
    }
  });

  it("scores the parent as is with its own predictions", () => {
    const x = selectColumns(
      polish.values,
      parent.features.map((name) => polish.columns.findIndex((c) => c.name === name)),
    );
    const predicted = getColumn(predictWithArtifact(parent, x).mean, 0);
    const measured = getColumn(
      polish.values,
      polish.columns.findIndex((c) => c.name === result.target),
    );
    const test = polish.labels.map((_, i) => i).filter((i) => !result.trainRows[0]?.includes(i));
    const truth = test.map((i) => measured[i] ?? NaN);
    const guess = test.map((i) => predicted[i] ?? NaN);

    expect(approach("AS_IS")?.draws[0]?.r2).toBeCloseTo(r2Score(truth, guess) ?? NaN, 12);
    expect(approach("AS_IS")?.draws[0]?.mape).toBeCloseTo(
      meanAbsolutePercentageError(truth, guess) ?? NaN,
      12,
    );
  });

  it("fine-tuning corrects the parent's shift on the Polish ashes", () => {
    // The study's ensemble over-predicts the Polish ashes (R2 -0.77 on all 12).
    expect(approach("FINE_TUNED")?.mape.mean).toBeLessThan(approach("AS_IS")?.mape.mean ?? 0);
    expect(approach("FINE_TUNED")?.r2.mean).toBeGreaterThan(approach("AS_IS")?.r2.mean ?? 0);
  });

  it("thresholds at the median total REE of the data set", () => {
    const totals = [
      ...getColumn(
        polish.values,
        polish.columns.findIndex((c) => c.name === result.target),
      ),
    ];
    const sorted = totals.sort((a, b) => a - b);

    expect(result.threshold).toBeCloseTo(((sorted[5] ?? NaN) + (sorted[6] ?? NaN)) / 2, 12);
  });

  it("repeats the same figures from the same seed", async () => {
    const again = await evaluateTransfer(polish, parent, resolve(), {
      engine: createFusedEngine(),
    });

    expect(again.approaches).toEqual(result.approaches);
  });

  it("changes the fine-tuned scores with the asymmetric loss", async () => {
    const penalised = await evaluateTransfer(polish, parent, resolve({ asymmetricLoss: "OVER" }), {
      engine: createFusedEngine(),
    });
    const fineTuned = penalised.approaches.find((a) => a.approach === "FINE_TUNED");

    expect(fineTuned?.draws).not.toEqual(approach("FINE_TUNED")?.draws);
    expect(penalised.approaches[0]).toEqual(result.approaches[0]);
  });
});

describe("frozenActivations", () => {
  it("joined with the tail, predicts as the whole network", () => {
    const [member] = parent.members;
    const network = member?.predictors[0] as NetworkPredictor;
    const x = scaleMatrix(
      selectColumns(
        polish.values,
        parent.features.map((name) => polish.columns.findIndex((c) => c.name === name)),
      ),
      member!.featureScaler,
    );
    const whole = predictWithPredictor(network, x);

    for (const blocks of [0, 1, 2]) {
      const tail = { ...network, hidden: network.hidden.slice(blocks) };
      const joined = predictWithPredictor(tail, frozenActivations(network, blocks, x));
      joined.data.forEach((value, i) => {
        expect(value, `${blocks} blocks, entry ${i}`).toBeCloseTo(whole.data[i] ?? NaN, 12);
      });
    }
  });

  it("lets frozen batch norm in training mode change the fine-tuned scores", async () => {
    const training = await evaluateTransfer(
      polish,
      parent,
      resolve({ frozenBatchNorm: "TRAINING" }),
      { engine: createFusedEngine() },
    );
    const inference = await evaluateTransfer(polish, parent, resolve(), {
      engine: createFusedEngine(),
    });

    expect(training.approaches[2]?.draws).not.toEqual(inference.approaches[2]?.draws);
    expect(training.approaches[1]).toEqual(inference.approaches[1]);
  });
});

describe("resolveTransferConfig", () => {
  it("takes features, targets and hidden layers from the parent", () => {
    const config = resolve({ fineTunedHiddenLayers: 1 });

    expect(config.task).toBe("TRANSFER");
    expect(config.features).toEqual(parent.features);
    expect(config.targets).toEqual(parent.targets);
    expect(config.network.hiddenUnits).toEqual([20, 6]);
    expect(config.transfer?.fineTunedHiddenLayers).toBe(1);
  });

  it("names a parent feature the data set lacks", () => {
    const columns = polish.columns.filter((column) => column.name !== "TiO2_mol_pct");

    expect(() =>
      resolveTransferConfig({ transfer: { parentModelId: "p" } }, columns, parent, 12),
    ).toThrow('the data set has no feature column "TiO2_mol_pct", which the parent model needs');
  });

  it.each([
    [
      { trainingSize: 11 },
      "transfer.trainingSize must be an integer from 2 to 10 for 12 samples, got 11",
    ],
    [{ draws: 0 }, "transfer.draws must be an integer from 1 to 1000, got 0"],
    [
      { fineTunedHiddenLayers: 3 },
      "transfer.fineTunedHiddenLayers must be an integer from 0 to 2, got 3",
    ],
    [{ parentModelId: "" }, "transfer.parentModelId is missing"],
    [
      { frozenBatchNorm: "FROZEN" },
      "transfer.frozenBatchNorm must be INFERENCE or TRAINING, got FROZEN",
    ],
  ])("rejects %o", (transfer, message) => {
    expect(() => resolve(transfer)).toThrow(message);
  });

  it("rejects a parent that is not a multi-task network", () => {
    const us = parseTable(readDataFile(US_DEMO_FILE));
    const linear = { ...parent, kind: "LINEAR" as const };

    expect(() =>
      resolveTransferConfig({ transfer: { parentModelId: "p" } }, us.columns, linear, 10),
    ).toThrow("the parent model must be a multi-task network ensemble, got a LINEAR model");
  });
});
