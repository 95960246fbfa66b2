import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";

import { exportTfjsMember, type TfjsExport } from "../artifact/exportTfjsMember.js";
import type { ModelArtifact } from "../artifact/ModelArtifact.js";
import { predictWithArtifact } from "../artifact/predictWithArtifact.js";
import { predictWithMember } from "../artifact/predictWithMember.js";
import { evaluateRepeated } from "../evaluation/evaluateRepeated.js";
import { resolveEvaluationConfig } from "../evaluation/EvaluationConfig.js";
import { type Matrix, selectColumns } from "../matrix/Matrix.js";
import { createFusedEngine } from "../network/fused/createFusedEngine.js";
import { importTorchEnsemble } from "../pretrained/importTorchEnsemble.js";
import { parseTable, type Table } from "../table/parseTable.js";
import { POLISH_FILE, readDataFile, US_DEMO_FILE } from "./fixtures.js";

// TensorFlow.js computes in float32, the artifact in float64.
const RELATIVE_TOLERANCE = 1e-5;

const ensemble = importTorchEnsemble(JSON.parse(readDataFile("pretrained/study_ensemble_30.json")));
const usTable = parseTable(readDataFile(US_DEMO_FILE));
const polishTable = parseTable(readDataFile(POLISH_FILE));

function featureMatrix(table: Table, artifact: ModelArtifact): Matrix {
  return selectColumns(
    table.values,
    artifact.features.map((name) => table.columns.findIndex((column) => column.name === name)),
  );
}

/** Loads an export as a browser would after fetching model.json and weights.bin. */
async function loadExport({ modelJson, weights }: TfjsExport): Promise<tf.LayersModel> {
  const weightSpecs = modelJson.weightsManifest.flatMap((group) => group.weights);
  const weightData = weights.buffer.slice(
    weights.byteOffset,
    weights.byteOffset + weights.byteLength,
  ) as ArrayBuffer;

  return tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData }),
  );
}

function predictWithLayers(model: tf.LayersModel, x: Matrix): Float32Array {
  return tf.tidy(() => {
    const output = model.predict(tf.tensor2d(Float32Array.from(x.data), [x.rows, x.columns]));

    return (output as tf.Tensor).dataSync() as Float32Array;
  });
}

function worstRelativeError(actual: ArrayLike<number>, expected: Matrix): number {
  let worst = 0;
  expected.data.forEach((value, index) => {
    const error = Math.abs((actual[index] ?? NaN) - value) / Math.abs(value);
    worst = error <= worst ? worst : error;
  });

  return worst;
}

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("exportTfjsMember", () => {
  const x = featureMatrix(polishTable, ensemble);

  it.each([0, 17, 29])(
    "exports study member %i as a LayersModel that predicts like predictWithMember",
    async (index) => {
      const exported = await exportTfjsMember(ensemble, index, { tf });
      const model = await loadExport(exported);
      const expected = predictWithMember(ensemble.members[index]!, x);

      expect(exported.modelJson.format).toBe("layers-model");
      expect(exported.modelJson.weightsManifest[0]?.paths).toEqual(["weights.bin"]);
      expect(worstRelativeError(predictWithLayers(model, x), expected)).toBeLessThan(
        RELATIVE_TOLERANCE,
      );
      model.dispose();
    },
  );

  it("matches predictWithArtifact's ensemble mean with all 30 members", async () => {
    const outputs: Float32Array[] = [];
    for (const index of ensemble.members.keys()) {
      const model = await loadExport(await exportTfjsMember(ensemble, index, { tf }));
      outputs.push(predictWithLayers(model, x));
      model.dispose();
    }

    const mean = Float64Array.from(
      outputs[0] ?? [],
      (_, cell) => outputs.reduce((sum, output) => sum + (output[cell] ?? NaN), 0) / outputs.length,
    );

    expect(worstRelativeError(mean, predictWithArtifact(ensemble, x).mean)).toBeLessThan(
      RELATIVE_TOLERANCE,
    );
  });

  it("exports a single-task member with one branch per target", async () => {
    const config = resolveEvaluationConfig(
      {
        repetitions: 1,
        models: ["SINGLE_TASK"],
        targets: ["REE_total_ppm_mol", "La2O3_ppm_mol"],
        network: { epochs: 20 },
        seed: 3,
      },
      usTable.columns,
    );
    const [evaluation] = await evaluateRepeated(usTable, config, { engine: createFusedEngine() });
    const artifact = evaluation!.artifact;
    const model = await loadExport(await exportTfjsMember(artifact, 0, { tf }));
    const usX = featureMatrix(usTable, artifact);

    expect(
      worstRelativeError(
        predictWithLayers(model, usX),
        predictWithMember(artifact.members[0]!, usX),
      ),
    ).toBeLessThan(RELATIVE_TOLERANCE);
    model.dispose();
  });

  it("leaves no tensors behind over 200 predictions", async () => {
    const model = await loadExport(await exportTfjsMember(ensemble, 0, { tf }));
    predictWithLayers(model, x);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 200; i++) {
      predictWithLayers(model, x);
    }

    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it("rejects a member index outside the ensemble", async () => {
    await expect(exportTfjsMember(ensemble, 30, { tf })).rejects.toThrow(
      /memberIndex must be an integer from 0 to 29, got 30/,
    );
  });
});
