import { createLogger, seedStudyModels, STUDY_ENSEMBLE_NAME } from "@ree/api";
import { matrixFromRows, type ModelArtifact, parseTable, predictWithMember } from "@ree/core-ml";
import type { Prisma } from "@ree/db";
import {
  type ModelDetail,
  ModelDocument,
  ModelListDocument,
  PredictColumnsDocument,
  PredictDocument,
  predictionsFromColumns,
  type PredictVariables,
} from "@ree/schema/documents";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlData, graphqlRequest } from "../support/graphqlRequest.js";
import {
  importUsDemo,
  readDataFile,
  startSmallRun,
  US_DEMO_FILE,
  waitForRun,
} from "../support/runs.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";

const OXIDES = ["Al2O3", "CaO", "Fe2O3", "MgO", "TiO2", "P2O5"];

let stack: TestStack;
let ensemble: ModelDetail;
let usCompositions: PredictVariables["compositions"];

function composition(label: string, values: number[]): PredictVariables["compositions"][number] {
  return { label, oxides: OXIDES.map((oxide, j) => ({ oxide, molPercent: values[j] ?? NaN })) };
}

beforeAll(async () => {
  stack = await startTestStack();
  const organization = await stack.prisma.organization.findFirstOrThrow();
  await seedStudyModels(stack.prisma, organization.id, createLogger({ level: "silent" }));
  const { models } = await graphqlData(stack.apiUrl, ModelListDocument, {});
  ensemble = models.edges.find((edge) => edge.node.name === STUDY_ENSEMBLE_NAME)!.node;

  const table = parseTable(await readDataFile(US_DEMO_FILE));
  const column = (oxide: string) => table.columns.findIndex((c) => c.name === `${oxide}_mol_pct`);
  usCompositions = table.labels.map((label, i) =>
    composition(
      label,
      OXIDES.map((oxide) => table.values.data[i * table.values.columns + column(oxide)] ?? NaN),
    ),
  );
});

afterAll(async () => {
  await stack?.stop();
});

describe("predict domain warnings", () => {
  it("gives no warning for the study's public training ashes", async () => {
    const { predict } = await graphqlData(stack.apiUrl, PredictDocument, {
      modelId: ensemble.id,
      compositions: usCompositions,
    });

    expect(predict.flatMap((prediction) => prediction.warnings)).toEqual([]);
  });

  it("names the oxide outside its training range", async () => {
    const { predict } = await graphqlData(stack.apiUrl, PredictDocument, {
      modelId: ensemble.id,
      compositions: [composition("lime-rich", [14, 75, 5, 4, 1, 0.2])],
    });
    const range = predict[0]?.warnings.find((warning) => warning.kind === "RANGE");

    expect(range?.feature).toBe("CaO_mol_pct");
    expect(range?.value).toBe(75);
    expect(range?.max).toBeLessThan(75);
    expect(range?.message).toMatch(/^CaO_mol_pct = 75 is outside the training range/);
  });

  it("says a model without a domain gives no warnings", async () => {
    const organization = await stack.prisma.organization.findFirstOrThrow();
    const source = await stack.prisma.model.findFirstOrThrow({ where: { id: ensemble.id } });
    const {
      domain: _domain,
      screening: _screening,
      ...older
    } = source.artifact as unknown as ModelArtifact;
    const stored = await stack.prisma.model.create({
      data: {
        organizationId: organization.id,
        name: "format version 1 model",
        kind: older.kind,
        artifact: { ...older, version: 1 } as unknown as Prisma.InputJsonValue,
      },
    });
    const { model } = await graphqlData(stack.apiUrl, ModelDocument, { id: stored.id });
    const { predict } = await graphqlData(stack.apiUrl, PredictDocument, {
      modelId: stored.id,
      compositions: [composition("lime-rich", [14, 75, 5, 4, 1, 0.2])],
    });

    expect(model.formatVersion).toBe(1);
    expect(model.domain).toBeNull();
    expect(predict[0]?.warnings).toEqual([]);
    expect(predict[0]?.screening).toBeNull();
  });
});

describe("predict screening", () => {
  it("classifies at the model's threshold with the members' share", async () => {
    const { predict } = await graphqlData(stack.apiUrl, PredictDocument, {
      modelId: ensemble.id,
      compositions: usCompositions,
    });

    for (const { total, screening } of predict) {
      expect(screening?.thresholdSource).toBe("MODEL");
      expect(screening?.threshold).toBe(157);
      expect(screening?.high).toBe((total?.value ?? NaN) >= 157);
      expect(screening?.shareAbove).toBeGreaterThanOrEqual(0);
      expect(screening?.shareAbove).toBeLessThanOrEqual(1);
    }

    expect(predict.some(({ screening }) => screening?.high)).toBe(true);
    expect(predict.some(({ screening }) => !screening?.high)).toBe(true);
  });

  it("takes the threshold passed with the request", async () => {
    const { predict } = await graphqlData(stack.apiUrl, PredictDocument, {
      modelId: ensemble.id,
      compositions: usCompositions.slice(0, 1),
      screeningThreshold: 1,
    });

    expect(predict[0]?.screening).toMatchObject({
      target: "REE_total_ppm_mol",
      threshold: 1,
      thresholdSource: "REQUEST",
      high: true,
      shareAbove: 1,
    });
  });

  it("rejects a negative threshold", async () => {
    const { errors } = await graphqlRequest(stack.apiUrl, PredictDocument, {
      modelId: ensemble.id,
      compositions: usCompositions.slice(0, 1),
      screeningThreshold: -5,
    });

    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toMatch(/screeningThreshold must be zero or more, .* got -5/);
  });
});

describe("predict as columns", () => {
  it("matches predict for every field", async () => {
    const compositions = [
      ...usCompositions,
      composition("lime-rich", [14, 75, 5, 4, 1, 0.2]),
      { oxides: usCompositions[0]?.oxides ?? [] },
    ];
    const variables = { modelId: ensemble.id, compositions, screeningThreshold: 150 };
    const { predict } = await graphqlData(stack.apiUrl, PredictDocument, variables);
    const { predictColumns } = await graphqlData(stack.apiUrl, PredictColumnsDocument, variables);

    expect(predictColumns.targets.map((column) => column.target)).toEqual(ensemble.targets);
    expect(
      predictColumns.targets.every((column) => column.p95.length === compositions.length),
    ).toBe(true);
    expect(predictColumns.labels.at(-1)).toBeNull();
    expect(predictColumns.warnings.at(-2)?.map((warning) => warning.feature)).toContain(
      "CaO_mol_pct",
    );
    expect(predictionsFromColumns(predictColumns)).toEqual(predict);
  });

  it("rejects an out-of-range oxide", async () => {
    const { errors } = await graphqlRequest(stack.apiUrl, PredictColumnsDocument, {
      modelId: ensemble.id,
      compositions: [composition("negative", [14, -1, 5, 4, 1, 0.2])],
    });

    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toMatch(
      /composition 1 \("negative"\): CaO = -1 mol % is out of range/,
    );
  });
});

describe("model details", () => {
  it("lists the study ensemble with its format, domain and screening", () => {
    expect(ensemble.formatVersion).toBe(2);
    expect(ensemble.domain?.source).toBe("scaler");
    expect(ensemble.domain?.rows).toBe(99);
    expect(ensemble.domain?.ranges.map((range) => range.feature)).toEqual(ensemble.features);
    expect(ensemble.screeningThreshold).toBe(157);
    expect(ensemble.tfjsModelPaths).toHaveLength(30);
  });

  it("records the data set and test metrics of a trained model", async () => {
    const datasetId = await importUsDemo(stack.apiUrl, "US demo for models");
    const run = await waitForRun(
      stack.apiUrl,
      await startSmallRun(stack.apiUrl, datasetId, { models: ["LINEAR"] }),
    );
    const { model } = await graphqlData(stack.apiUrl, ModelDocument, {
      id: run.results[0]?.modelId ?? "",
    });

    expect(model.datasetId).toBe(datasetId);
    expect(model.datasetName).toBe("US demo for models");
    expect(model.domain?.source).toBe("rows");
    expect(model.metrics.map((metric) => metric.target)).toEqual(model.targets);
    expect(model.screeningTarget).toBe(model.targets[0]);
  });

  it("reports an unknown model as not found", async () => {
    const { errors } = await graphqlRequest(stack.apiUrl, ModelDocument, { id: "no-such-model" });

    expect(errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("TensorFlow.js export over HTTP", () => {
  const origin = () => new URL(stack.apiUrl).origin;
  const get = (path: string) =>
    fetch(origin() + path, { headers: { authorization: `Bearer ${stack.owner.token}` } });

  it("serves a member that tf.loadLayersModel predicts with as the artifact does", async () => {
    const path = ensemble.tfjsModelPaths[3] ?? "";
    const modelJson = (await (await get(path)).json()) as tf.io.ModelJSON;
    const weightsPath = path.replace(/model\.json$/, modelJson.weightsManifest[0]?.paths[0] ?? "");
    const weightData = await (await get(weightsPath)).arrayBuffer();
    await tf.setBackend("cpu");
    const layers = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology,
        weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
        weightData,
      }),
    );
    const rows = usCompositions.map(({ oxides }) => oxides.map(({ molPercent }) => molPercent));
    const stored = await stack.prisma.model.findFirstOrThrow({ where: { id: ensemble.id } });
    const expected = predictWithMember(
      (stored.artifact as unknown as ModelArtifact).members[3]!,
      matrixFromRows(rows),
    );
    const actual = tf.tidy(() =>
      (layers.predict(tf.tensor2d(rows)) as tf.Tensor).dataSync(),
    ) as Float32Array;
    layers.dispose();

    expect(actual).toHaveLength(expected.data.length);
    expected.data.forEach((value, index) => {
      expect(Math.abs((actual[index] ?? NaN) - value) / Math.abs(value)).toBeLessThan(1e-5);
    });
  });

  it.each([
    ["00000000-0000-4000-8000-000000000000/tfjs/0/model.json", /model ".*" not found/],
    ["MODEL/tfjs/30/weights.bin", /has members 0 to 29, not 30/],
  ])("answers 404 for %s", async (route, message) => {
    const response = await get(`/models/${route.replace("MODEL", ensemble.id)}`);
    const body = (await response.json()) as { error: string };

    expect(response.status).toBe(404);
    expect(body.error).toMatch(message);
  });
});
