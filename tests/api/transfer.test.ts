import { meanAbsolutePercentageError, r2Score } from "@ree/core-ml";
import {
  ImportDatasetDocument,
  ModelsDocument,
  RunTransferDocument,
  StartRunDocument,
  type StartRunVariables,
  type TransferResult,
} from "@ree/schema/documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createLogger, seedStudyModels, STUDY_ENSEMBLE_NAME } from "@ree/api";

import { graphqlData, graphqlRequest } from "../support/graphqlRequest.js";
import { readDataFile, waitForRun } from "../support/runs.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";

const POLISH_FILE = "song2024_franus2015_polish_molar.csv";

let stack: TestStack;
let polishId: string;
let ensembleId: string;

async function importCsv(name: string, csv: string): Promise<string> {
  const { importDataset } = await graphqlData(stack.apiUrl, ImportDatasetDocument, {
    input: { name, csv, source: "Franus et al. 2015", license: "Apache-2.0" },
  });

  return importDataset.id;
}

function transferConfig(
  transfer: Partial<NonNullable<StartRunVariables["config"]["transfer"]>> = {},
): StartRunVariables {
  return {
    config: {
      datasetId: polishId,
      task: "TRANSFER",
      network: { epochs: 100 },
      transfer: { parentModelId: ensembleId, draws: 3, trainingSize: 6, ...transfer },
    },
  };
}

beforeAll(async () => {
  stack = await startTestStack();
  polishId = await importCsv("Polish fly ashes", await readDataFile(POLISH_FILE));
  const organization = await stack.prisma.organization.findFirstOrThrow();
  await seedStudyModels(stack.prisma, organization.id, createLogger({ level: "silent" }));
  const models = (await graphqlData(stack.apiUrl, ModelsDocument, {})).models.edges.map(
    (edge) => edge.node,
  );
  ensembleId = models.find((model) => model.name === STUDY_ENSEMBLE_NAME)?.id ?? "";
});

afterAll(async () => {
  await stack?.stop();
});

describe("transfer runs", () => {
  let result: TransferResult;
  const approach = (name: string) => result.approaches.find((a) => a.approach === name);

  it("transfers the study ensemble to the Polish fly ashes", async () => {
    const { startRun } = await graphqlData(stack.apiUrl, StartRunDocument, transferConfig());
    const finished = await waitForRun(stack.apiUrl, startRun.id);
    const { run } = await graphqlData(stack.apiUrl, RunTransferDocument, { id: startRun.id });

    expect(finished.error).toBeNull();
    expect(finished.status).toBe("SUCCEEDED");
    expect(finished.name).toBe(`Transfer of ${STUDY_ENSEMBLE_NAME} to Polish fly ashes`);
    expect(finished.config.task).toBe("TRANSFER");
    expect(finished.config.network.hiddenUnits).toEqual([20, 6]);
    expect(run?.parentModelId).toBe(ensembleId);
    expect(run?.config.transfer).toEqual({
      parentModelId: ensembleId,
      draws: 3,
      trainingSize: 6,
      fineTunedHiddenLayers: 0,
      asymmetricLoss: null,
      frozenBatchNorm: "INFERENCE",
    });
    result = run?.transfer as TransferResult;
    expect(result.trainSamples).toHaveLength(3);
    for (const samples of result.trainSamples) {
      expect(samples).toHaveLength(6);
      expect(samples.every((label) => label.startsWith("Franus_"))).toBe(true);
    }
  });

  it("serves per-draw scores and confusion matrices of the three approaches", () => {
    expect(result.approaches.map((a) => a.approach)).toEqual([
      "AS_IS",
      "FROM_SCRATCH",
      "FINE_TUNED",
    ]);
    for (const { approach: name, draws, confusionTotal } of result.approaches) {
      expect(
        draws.map((draw) => draw.draw),
        name,
      ).toEqual([1, 2, 3]);
      const counted = Object.values(confusionTotal).reduce((sum, count) => sum + count, 0);
      expect(counted, name).toBe(3 * 6);
    }
  });

  it("scores the study ensemble as is like its PyTorch predictions", async () => {
    const reference = JSON.parse(
      await readDataFile("pretrained/study_ensemble_30.reference_predictions.json"),
    ) as { polish12: { sample_ids: string[]; member_predictions: number[][][] } };
    const { sample_ids: labels, member_predictions: members } = reference.polish12;
    const predicted = labels.map(
      (_, i) => members.reduce((sum, member) => sum + (member[i]?.[0] ?? NaN), 0) / members.length,
    );
    const csv = (await readDataFile(POLISH_FILE)).trim().split("\n");
    const column = csv[0]?.split(",").indexOf("REE_total_ppm_mol") ?? -1;
    const measured = csv.slice(1).map((line) => Number(line.split(",")[column]));
    const train = result.trainSamples[0] ?? [];
    const test = labels.flatMap((label, i) => (train.includes(label) ? [] : [i]));
    const truth = test.map((i) => measured[i] ?? NaN);
    const guess = test.map((i) => predicted[i] ?? NaN);

    expect(approach("AS_IS")?.draws[0]?.r2).toBeCloseTo(r2Score(truth, guess) ?? NaN, 3);
    expect(approach("AS_IS")?.draws[0]?.mape).toBeCloseTo(
      meanAbsolutePercentageError(truth, guess) ?? NaN,
      3,
    );
  });

  it("fine-tunes to a lower error than the study ensemble as is", () => {
    expect(approach("FINE_TUNED")?.mape.mean).toBeLessThan(approach("AS_IS")?.mape.mean ?? 0);
  });

  it("reports a parent model of another organisation as not found", async () => {
    const other = await stack.prisma.organization.create({
      data: { name: "Other lab", slug: "other-lab" },
    });
    const foreign = await stack.prisma.model.create({
      data: {
        organizationId: other.id,
        name: "foreign ensemble",
        kind: "MULTI_TASK",
        artifact: {},
      },
    });
    const { errors } = await graphqlRequest(
      stack.apiUrl,
      StartRunDocument,
      transferConfig({ parentModelId: foreign.id }),
    );

    expect(errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(errors?.[0]?.message).toBe(`model "${foreign.id}" not found`);
  });

  it("names a parent feature the data set lacks", async () => {
    const lines = (await readDataFile(POLISH_FILE)).trim().split("\n");
    const drop = lines[0]?.split(",").indexOf("TiO2_mol_pct") ?? -1;
    const csv = lines
      .map((line) =>
        line
          .split(",")
          .filter((_, j) => j !== drop)
          .join(","),
      )
      .join("\n");
    const withoutTitania = await importCsv("Polish without TiO2", csv);
    const runsBefore = await stack.prisma.run.count();
    const config = transferConfig();
    const { errors } = await graphqlRequest(stack.apiUrl, StartRunDocument, {
      config: { ...config.config, datasetId: withoutTitania },
    });

    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toMatch(/no feature column "TiO2_mol_pct"/);
    expect(await stack.prisma.run.count()).toBe(runsBefore);
  });

  it("rejects a transfer without a parent model", async () => {
    const { errors } = await graphqlRequest(stack.apiUrl, StartRunDocument, {
      config: { datasetId: polishId, task: "TRANSFER" },
    });

    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toMatch(/transfer.parentModelId is missing/);
  });
});
