import { describeColumn, parseTable, TOTAL_REE_COLUMN, getColumn } from "@ree/core-ml";
import {
  DatasetDocument,
  type DatasetDetail,
  DatasetsDocument,
  ImportDatasetDocument,
  ModelsDocument,
  PredictDocument,
  RunDocument,
  StartRunDocument,
} from "@ree/schema/documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedStudyModels, STUDY_ENSEMBLE_NAME, createLogger } from "@ree/api";
import type { Prisma } from "@ree/db";

import { graphqlData, graphqlRequest } from "../support/graphqlRequest.js";
import {
  importUsDemo,
  readDataFile,
  startSmallRun,
  US_DEMO_FILE,
  waitForRun,
} from "../support/runs.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";

let stack: TestStack;
let datasetId: string;

beforeAll(async () => {
  stack = await startTestStack();
  datasetId = await importUsDemo(stack.apiUrl);
});

afterAll(async () => {
  await stack?.stop();
});

describe("data sets", () => {
  it("serves Table 1 statistics of the imported data", async () => {
    const table = parseTable(await readDataFile(US_DEMO_FILE));
    const column = table.columns.findIndex((c) => c.name === TOTAL_REE_COLUMN);
    const expected = describeColumn(getColumn(table.values, column));
    const { dataset } = await graphqlData(stack.apiUrl, DatasetDocument, { id: datasetId });
    const total = dataset?.statistics.find((s) => s.column === TOTAL_REE_COLUMN);

    expect(dataset?.sampleCount).toBe(10);
    expect(dataset?.columns).toHaveLength(27);
    expect(total?.unit).toBe("ppm (molar)");
    for (const key of ["p0", "p20", "p50", "p80", "p100", "mean", "sd"] as const) {
      expect(total?.[key], key).toBeCloseTo(expected[key] ?? NaN, 9);
    }
  });

  it("pages through samples with cursors", async () => {
    const fetchPage = async (after: string | null) => {
      const { dataset } = await graphqlData(stack.apiUrl, DatasetDocument, {
        id: datasetId,
        first: 4,
        after,
      });

      return dataset?.samples;
    };

    const labels: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 3; page++) {
      const samples: DatasetDetail["samples"] | undefined = await fetchPage(cursor);
      labels.push(...(samples?.nodes.map((node) => node.label) ?? []));
      expect(samples?.pageInfo.hasNextPage, `page ${page}`).toBe(page < 2);
      cursor = samples?.pageInfo.endCursor ?? null;
    }

    expect(labels).toEqual(["13", "15", "19", "34", "50", "57", "61", "80", "88", "92"]);
  });

  it("rejects a bad cell and stores nothing", async () => {
    const csv = (await readDataFile(US_DEMO_FILE)).replace(",44.8,", ",-44.8,");
    const before = await graphqlData(stack.apiUrl, DatasetsDocument, {});
    const { errors } = await graphqlRequest(stack.apiUrl, ImportDatasetDocument, {
      input: { name: "bad table", csv },
    });
    const after = await graphqlData(stack.apiUrl, DatasetsDocument, {});

    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toMatch(
      /line 2 \(sample "13"\), column "SiO2_mol_pct": "-44.8" is negative/,
    );
    expect(errors?.[0]?.extensions).toMatchObject({ line: 2, column: "SiO2_mol_pct" });
    expect(after.datasets.totalCount).toBe(before.datasets.totalCount);
  });

  it("imports semicolons with decimal commas", async () => {
    const csv = "sample_id;SiO2_mol_pct;La2O3_ppm_mol\nA;50,5;12,25\nB;60;8\n";
    const { importDataset } = await graphqlData(stack.apiUrl, ImportDatasetDocument, {
      input: { name: "decimal commas", csv, decimalSeparator: "," },
    });
    const { dataset } = await graphqlData(stack.apiUrl, DatasetDocument, { id: importDataset.id });

    expect(dataset?.samples.nodes.map((node) => node.values)).toEqual([
      [50.5, 12.25],
      [60, 8],
    ]);
  });

  it("rejects a duplicate name", async () => {
    const csv = await readDataFile(US_DEMO_FILE);
    const { errors } = await graphqlRequest(stack.apiUrl, ImportDatasetDocument, {
      input: { name: "US demo", csv },
    });

    expect(errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });
});

describe("runs", () => {
  it("trains, reports progress and stores results", async () => {
    const started = Date.now();
    const id = await startSmallRun(stack.apiUrl, datasetId);
    const queuedIn = Date.now() - started;
    const run = await waitForRun(stack.apiUrl, id);

    expect(queuedIn).toBeLessThan(2000);
    expect(run.status).toBe("SUCCEEDED");
    expect(run.backend).toMatch(
      process.env.REE_TRAINING_ENGINE === "tfjs" ? /^tfjs-/ : /^fused-f64/,
    );
    expect(run.progress.fraction).toBe(1);
    expect(run.config.network.hiddenUnits).toEqual([20, 6]);
    expect(run.name).toBe("Linear regression and multi-task network on US demo");
    expect(run.results.map((result) => result.kind)).toEqual(["LINEAR", "MULTI_TASK"]);
    for (const result of run.results) {
      const testTotal = result.metrics.find(
        (m) => m.target === TOTAL_REE_COLUMN && m.split === "TEST",
      );
      expect(testTotal?.r2.mean, result.kind).not.toBeNull();
      expect(testTotal?.mape.sd, result.kind).not.toBeNull();
      expect(result.predictions, result.kind).toHaveLength(20);
      expect(
        result.predictions.filter((p) => p.split === "TEST"),
        result.kind,
      ).toHaveLength(4);
    }
  });

  it("stores the requested analyses", async () => {
    const id = await startSmallRun(stack.apiUrl, datasetId, {
      models: ["LINEAR"],
      analyses: ["SHAP", "FEATURE_EFFECTS", "NOISE", "SCREENING"],
    });
    const run = await waitForRun(stack.apiUrl, id);
    const [result] = run.results;

    expect(run.config.analyses).toHaveLength(4);
    expect(result?.shap?.features).toEqual(run.config.features);
    expect(result?.shap?.samples).toHaveLength(10);
    expect(result?.featureEffects?.map((effect) => effect.feature)).toEqual(run.config.features);
    expect(result?.featureEffects?.[0]?.referenceValue).toBeCloseTo(12.95, 9);
    expect(result?.noise?.map((level) => level.noisePercent)).toEqual([2, 4]);
    expect(result?.screening?.threshold).toBeCloseTo(145.2, 1);
    expect(result?.screening?.curve.length).toBeGreaterThan(0);
  });

  it("omits analyses that were not requested", async () => {
    const id = await startSmallRun(stack.apiUrl, datasetId, { models: ["LINEAR"] });
    const run = await waitForRun(stack.apiUrl, id);

    expect(run.results[0]?.shap).toBeNull();
    expect(run.results[0]?.screening).toBeNull();
  });

  it("runs a feature elimination", async () => {
    const id = await startSmallRun(stack.apiUrl, datasetId, {
      task: "FEATURE_ELIMINATION",
      features: ["SiO2_mol_pct", "Al2O3_mol_pct", "CaO_mol_pct", "Fe2O3_mol_pct"],
      selection: { repetitions: 5, model: "LINEAR" },
    });
    const run = await waitForRun(stack.apiUrl, id);

    expect(run.status).toBe("SUCCEEDED");
    expect(run.results).toEqual([]);
    expect(run.featureElimination?.counts).toEqual([4, 3, 2, 1]);
    expect(run.featureElimination?.keptProbability[0]).toEqual([1, 1, 1, 1]);
    expect(run.featureElimination?.eliminationOrders).toHaveLength(5);
  });

  it("runs a grid search", async () => {
    const grid = { hiddenUnits: [[4, 2]], learningRate: [1e-2, 1e-1], weightDecay: [1e-2] };
    const id = await startSmallRun(stack.apiUrl, datasetId, {
      task: "GRID_SEARCH",
      selection: { grid },
      network: { epochs: 10 },
    });
    const run = await waitForRun(stack.apiUrl, id);

    expect(run.config.selection.grid).toEqual(grid);
    expect(run.gridSearch?.points).toHaveLength(2);
    expect(run.gridSearch?.best.hiddenUnits).toEqual([4, 2]);
  });

  it("serves predictions of one target", async () => {
    const id = await startSmallRun(stack.apiUrl, datasetId, { models: ["LINEAR"] });
    await waitForRun(stack.apiUrl, id);
    const { run } = await graphqlData(stack.apiUrl, RunDocument, { id, target: "La2O3_ppm_mol" });
    const sample13 = run?.results[0]?.predictions.find((p) => p.sampleLabel === "13");

    expect(sample13?.measured).toBe(16.44);
  });

  it("predicts each REE and the total with a trained model", async () => {
    const id = await startSmallRun(stack.apiUrl, datasetId, { models: ["MULTI_TASK"] });
    const run = await waitForRun(stack.apiUrl, id);
    const modelId = run.results[0]?.modelId ?? "";
    const models = (await graphqlData(stack.apiUrl, ModelsDocument, {})).models.edges.map(
      (edge) => edge.node,
    );
    const oxides = { Al2O3: 14.36, CaO: 26.88, Fe2O3: 2.5, MgO: 7.41, TiO2: 1.19, P2O5: 0.44 };
    const { predict } = await graphqlData(stack.apiUrl, PredictDocument, {
      modelId,
      compositions: [
        {
          label: "13",
          oxides: Object.entries(oxides).map(([oxide, molPercent]) => ({ oxide, molPercent })),
        },
      ],
    });

    expect(models.find((model) => model.id === modelId)?.memberCount).toBe(2);
    expect(predict[0]?.targets).toHaveLength(17);
    expect(predict[0]?.total?.target).toBe(TOTAL_REE_COLUMN);
    expect(predict[0]?.total?.value).toBeGreaterThan(50);
    expect(predict[0]?.total?.value).toBeLessThan(400);
    expect(predict[0]?.total?.sd).not.toBeNull();
  });

  it("names a missing oxide in a prediction", async () => {
    const models = (await graphqlData(stack.apiUrl, ModelsDocument, {})).models.edges.map(
      (edge) => edge.node,
    );
    const { errors } = await graphqlRequest(stack.apiUrl, PredictDocument, {
      modelId: models[0]?.id ?? "",
      compositions: [{ oxides: [{ oxide: "Al2O3", molPercent: 14 }] }],
    });

    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toMatch(/composition 1: missing oxide "CaO"/);
  });

  it("rejects an unknown feature", async () => {
    const { errors } = await graphqlRequest(stack.apiUrl, StartRunDocument, {
      config: { datasetId, features: ["SO3_mol_pct"] },
    });

    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toMatch(/features: unknown column "SO3_mol_pct"/);
  });

  it("rejects invalid network settings at start", async () => {
    const { errors } = await graphqlRequest(stack.apiUrl, StartRunDocument, {
      config: { datasetId, network: { epochs: 0 } },
    });

    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toMatch(/network.epochs must be a positive integer, got 0/);
  });

  it("reports an unknown data set as not found", async () => {
    const { errors } = await graphqlRequest(stack.apiUrl, StartRunDocument, {
      config: { datasetId: "00000000-0000-4000-8000-000000000000" },
    });

    expect(errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("serves runs stored before task and analyses existed", async () => {
    const organization = await stack.prisma.organization.findFirstOrThrow();
    const { config } = await stack.prisma.run.findFirstOrThrow({ where: { status: "SUCCEEDED" } });
    const {
      task: _task,
      analyses: _analyses,
      selection: _selection,
      ...older
    } = config as Record<string, Prisma.InputJsonValue>;
    const stored = await stack.prisma.run.create({
      data: { organizationId: organization.id, datasetId, name: "older run", config: older },
    });
    const { run } = await graphqlData(stack.apiUrl, RunDocument, { id: stored.id });

    expect(run?.config.task).toBe("EVALUATION");
    expect(run?.config.analyses).toEqual([]);
  });

  it("returns null for an unknown run", async () => {
    const { run } = await graphqlData(stack.apiUrl, RunDocument, { id: "no-such-run" });

    expect(run).toBeNull();
  });
});

describe("published study models", () => {
  it("predicts as the PyTorch reference", async () => {
    const organization = await stack.prisma.organization.findFirstOrThrow();
    await seedStudyModels(stack.prisma, organization.id, createLogger({ level: "silent" }));
    const reference = JSON.parse(
      await readDataFile("pretrained/study_ensemble_30.reference_predictions.json"),
    ) as {
      us10: { sample_ids: string[]; member_predictions: number[][][] };
    };
    const table = parseTable(await readDataFile(US_DEMO_FILE));
    const oxides = ["Al2O3", "CaO", "Fe2O3", "MgO", "TiO2", "P2O5"];
    const row = (oxide: string) => table.columns.findIndex((c) => c.name === `${oxide}_mol_pct`);
    const models = (await graphqlData(stack.apiUrl, ModelsDocument, {})).models.edges.map(
      (edge) => edge.node,
    );
    const ensemble = models.find((model) => model.name === STUDY_ENSEMBLE_NAME);
    const { predict } = await graphqlData(stack.apiUrl, PredictDocument, {
      modelId: ensemble?.id ?? "",
      compositions: table.labels.map((label, i) => ({
        label,
        oxides: oxides.map((oxide) => ({
          oxide,
          molPercent: table.values.data[i * table.values.columns + row(oxide)] ?? NaN,
        })),
      })),
    });

    expect(ensemble?.memberCount).toBe(30);
    expect(ensemble?.isDefault).toBe(true);
    expect(reference.us10.sample_ids).toEqual(table.labels);
    predict.forEach((prediction, i) => {
      const members = reference.us10.member_predictions.map((member) => member[i]?.[0] ?? NaN);
      const mean = members.reduce((sum, value) => sum + value, 0) / members.length;
      expect(prediction.total?.value, prediction.label ?? "").toBeCloseTo(mean, 3);
      expect(prediction.total?.p5, prediction.label ?? "").toBeLessThanOrEqual(mean);
      expect(prediction.total?.p95, prediction.label ?? "").toBeGreaterThanOrEqual(mean);
    });
  });
});
