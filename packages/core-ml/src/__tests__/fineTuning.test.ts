import { describe, expect, it } from "vitest";

import type { NetworkPredictor } from "../artifact/ModelArtifact.js";
import { createMatrix, type Matrix } from "../matrix/Matrix.js";
import type { AsymmetricLoss, NetworkOptions } from "../network/NetworkEngine.js";
import type { ModelSettings } from "../network/fused/BatchTrainer.js";
import { createFusedEngine } from "../network/fused/createFusedEngine.js";
import { initializeParameters } from "../network/fused/initializeParameters.js";
import { NetworkTrainer } from "../network/fused/NetworkTrainer.js";
import { createParameterLayout } from "../network/fused/ParameterLayout.js";
import { trainNetworks } from "../network/fused/trainNetworks.js";
import { firstTrainableParameter } from "../network/fused/writeParameters.js";
import { createTfjsEngine } from "../network/createTfjsEngine.js";
import { createRandom, shuffle } from "../random/createRandom.js";

function syntheticData(rows: number, inputs: number, outputs: number, seed: number) {
  const random = createRandom(seed);
  const draw = (length: number) => Float64Array.from({ length }, () => 2 * random.next() - 1);

  return {
    x: createMatrix(rows, inputs, draw(rows * inputs)),
    y: createMatrix(rows, outputs, draw(rows * outputs)),
  };
}

function options(overrides: Partial<NetworkOptions> = {}): NetworkOptions {
  return {
    hiddenUnits: [5, 3],
    learningRate: 1e-2,
    weightDecay: 1e-2,
    batchSize: 4,
    epochs: 15,
    lossWeights: [2, 1, 1],
    seed: 5,
    ...overrides,
  };
}

/** Trains a parent network to fine-tune. */
async function trainParent(x: Matrix, y: Matrix): Promise<NetworkPredictor> {
  return createFusedEngine().train(x, y, options({ seed: 99, epochs: 30 }));
}

type Tensors = Record<string, number[]>;

function tensors(predictor: NetworkPredictor): Tensors {
  const named: Tensors = {};
  predictor.hidden.forEach(({ dense, batchNorm }, l) => {
    named[`hidden ${l} kernel`] = dense.kernel.flat();
    named[`hidden ${l} bias`] = dense.bias;
    named[`hidden ${l} gamma`] = batchNorm.gamma;
    named[`hidden ${l} beta`] = batchNorm.beta;
    named[`hidden ${l} moving mean`] = batchNorm.movingMean;
  });
  named["output kernel"] = predictor.output.kernel.flat();
  named["output bias"] = predictor.output.bias;

  return named;
}

const PARAMETERS_OF_BLOCK = (l: number) =>
  ["kernel", "bias", "gamma", "beta"].map((t) => `hidden ${l} ${t}`);

describe("fine-tuning with frozen blocks", () => {
  const { x, y } = syntheticData(9, 4, 3, 1);

  it.each([
    { frozenBlocks: 2, frozen: [0, 1], trained: [] as number[] },
    { frozenBlocks: 1, frozen: [0], trained: [1] },
  ])("keeps the $frozenBlocks first blocks fixed and trains the rest", async (c) => {
    const parent = await trainParent(x, y);
    const tuned = await createFusedEngine().train(
      x,
      y,
      options({ initialWeights: parent, frozenBlocks: c.frozenBlocks }),
    );
    const before = tensors(parent);
    const after = tensors(tuned);

    for (const name of c.frozen.flatMap(PARAMETERS_OF_BLOCK)) {
      expect(after[name], name).toEqual(before[name]);
    }

    for (const name of [...c.trained.flatMap(PARAMETERS_OF_BLOCK), "output kernel"]) {
      if (name.endsWith(" bias") && name.startsWith("hidden")) {
        continue; // a bias before batch norm has no data gradient, only L2 shrinkage
      }

      expect(after[name], name).not.toEqual(before[name]);
    }

    // Frozen parameters, but the moving statistics follow the new batches.
    expect(after["hidden 0 moving mean"]).not.toEqual(before["hidden 0 moving mean"]);
  });

  it("starts from the initial weights", async () => {
    const parent = await trainParent(x, y);
    const tuned = await createFusedEngine().train(
      x,
      y,
      options({ initialWeights: parent, learningRate: 1e-300, epochs: 1, batchSize: 9 }),
    );

    expect(tensors(tuned)["output kernel"]).toEqual(tensors(parent)["output kernel"]);
    expect(tensors(tuned)["hidden 1 gamma"]).toEqual(tensors(parent)["hidden 1 gamma"]);
  });

  it("trains the same weights in a group as alone on the scalar reference", async () => {
    const parent = await trainParent(x, y);
    const asymmetricLoss: AsymmetricLoss = { side: "UNDER", output: 0 };
    const jobs = [1, 2, 3].map((seed) => ({
      x,
      y,
      options: options({ seed, initialWeights: parent, frozenBlocks: 1, asymmetricLoss }),
    }));
    const grouped = await trainNetworks(jobs);

    jobs.forEach(({ options: jobOptions }, j) => {
      expect(grouped[j]).toEqual(trainAlone(x, y, jobOptions, parent));
    });
  });

  it("rejects invalid fine-tuning options", async () => {
    const engine = createFusedEngine();
    await expect(engine.train(x, y, options({ frozenBlocks: 1 }))).rejects.toThrow(
      "frozenBlocks needs initialWeights",
    );
    await expect(engine.train(x, y, options({ frozenBlocks: 3 }))).rejects.toThrow(
      "frozenBlocks must be an integer from 0 to 2, got 3",
    );
    const parent = await trainParent(x, y);
    await expect(
      engine.train(x, y, options({ hiddenUnits: [5, 4], initialWeights: parent })),
    ).rejects.toThrow("initialWeights must have the shape 4-5-4-3, got 4-5-3-3");
  });

  it("is rejected by the TensorFlow.js engine", async () => {
    const parent = await trainParent(x, y);
    const engine = await createTfjsEngine();
    await expect(engine.train(x, y, options({ initialWeights: parent }))).rejects.toThrow(
      "the TensorFlow.js engine cannot fine-tune",
    );
  });
});

describe("asymmetric loss", () => {
  it.each<AsymmetricLoss>([
    { side: "OVER", output: 0 },
    { side: "UNDER", output: 0 },
    { side: "OVER", output: 2 },
  ])("has gradients that match central finite differences ($side, output $output)", (loss) => {
    // Targets scaled by 3 put rows on both sides with row losses above and below 1.
    const { x, y } = syntheticData(8, 3, 3, 21);
    y.data.forEach((value, i) => (y.data[i] = 3 * value));
    const layout = createParameterLayout(3, [4, 3], 3);
    const settings: ModelSettings = {
      learningRate: 1e-3,
      weightDecay: 0,
      lossWeights: Float64Array.of(0.5, 0.25, 0.25),
      frozenBlocks: 0,
      asymmetricLoss: loss,
    };
    const trainer = new NetworkTrainer(
      layout,
      initializeParameters(layout, createRandom(8)),
      settings,
      x.data,
      y.data,
      8,
    );
    const rows = [0, 1, 2, 3, 4, 5, 6, 7];
    trainer.computeGradients(rows, 0, rows.length);
    const analytic = Float64Array.from(trainer.gradients);
    const parameters = trainer.parameters;

    // Central differences err by O(step^2). The loss has a kink where a row's
    // decisive error is 0, and no row of these data lies within a step of it.
    const step = 1e-6;
    for (let i = 0; i < parameters.length; i++) {
      const original = parameters[i] ?? NaN;
      parameters[i] = original + step;
      const above = trainer.computeGradients(rows, 0, rows.length);
      parameters[i] = original - step;
      const below = trainer.computeGradients(rows, 0, rows.length);
      parameters[i] = original;
      const numeric = (above - below) / (2 * step);
      const exact = analytic[i] ?? NaN;

      expect(Math.abs(numeric - exact), `parameter ${i}`).toBeLessThan(
        1e-6 * Math.max(1, Math.abs(exact)),
      );
    }
  });

  it("squares the loss of penalised rows only", () => {
    // One row, one output: error 2 on the penalised side costs 4^2, on the other side 4.
    const layout = createParameterLayout(1, [], 1);
    const initial = { parameters: Float64Array.of(0, 2), movingStatistics: new Float64Array(0) };
    const lossOf = (side: "OVER" | "UNDER") =>
      new NetworkTrainer(
        layout,
        initial,
        {
          learningRate: 1e-3,
          weightDecay: 0,
          lossWeights: Float64Array.of(1),
          frozenBlocks: 0,
          asymmetricLoss: { side, output: 0 },
        },
        Float64Array.of(1),
        Float64Array.of(0),
        1,
      ).computeGradients([0], 0, 1);

    expect(lossOf("OVER")).toBe(16);
    expect(lossOf("UNDER")).toBe(4);
  });
});

/** Trains one job on the scalar NetworkTrainer from `parent`, following trainNetworks' loop. */
function trainAlone(
  x: Matrix,
  y: Matrix,
  jobOptions: NetworkOptions,
  parent: NetworkPredictor,
): NetworkPredictor {
  const layout = createParameterLayout(x.columns, jobOptions.hiddenUnits, y.columns);
  const random = createRandom(jobOptions.seed);
  initializeParameters(layout, random);
  const weightSum = jobOptions.lossWeights.reduce((sum, weight) => sum + weight, 0);
  const trainer = new NetworkTrainer(
    layout,
    {
      parameters: Float64Array.from([
        ...parent.hidden.flatMap(({ dense, batchNorm }) => [
          ...dense.kernel.flat(),
          ...dense.bias,
          ...batchNorm.gamma,
          ...batchNorm.beta,
        ]),
        ...parent.output.kernel.flat(),
        ...parent.output.bias,
      ]),
      movingStatistics: Float64Array.from(
        parent.hidden.flatMap(({ batchNorm }) => [
          ...batchNorm.movingMean,
          ...batchNorm.movingVariance,
        ]),
      ),
    },
    {
      learningRate: jobOptions.learningRate,
      weightDecay: jobOptions.weightDecay,
      lossWeights: Float64Array.from(jobOptions.lossWeights, (weight) => weight / weightSum),
      frozenBlocks: jobOptions.frozenBlocks ?? 0,
      asymmetricLoss: jobOptions.asymmetricLoss ?? null,
    },
    x.data,
    y.data,
    jobOptions.batchSize,
  );
  expect(firstTrainableParameter(layout, jobOptions.frozenBlocks ?? 0)).toBe(
    layout.hidden[1]?.kernel,
  );
  const rows = Array.from({ length: x.rows }, (_, i) => i);
  const lossSums = new Float64Array(1);
  for (let epoch = 0; epoch < jobOptions.epochs; epoch++) {
    const order = shuffle(rows, random);
    for (let start = 0; start < rows.length; start += jobOptions.batchSize) {
      trainer.trainBatch(
        [order],
        start,
        Math.min(jobOptions.batchSize, rows.length - start),
        lossSums,
      );
    }
  }

  return trainer.readPredictor(0);
}
