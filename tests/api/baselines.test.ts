import { TOTAL_REE_COLUMN } from "@ree/core-ml";
import { ModelsDocument, StartRunDocument } from "@ree/schema/documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlData, graphqlRequest } from "../support/graphqlRequest.js";
import { importUsDemo, startSmallRun, waitForRun } from "../support/runs.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";

const TARGETS = [TOTAL_REE_COLUMN, "La2O3_ppm_mol", "CeO2_ppm_mol"];

let stack: TestStack;
let datasetId: string;

beforeAll(async () => {
  stack = await startTestStack();
  datasetId = await importUsDemo(stack.apiUrl);
});

afterAll(async () => {
  await stack?.stop();
});

describe("baselines and given loss weights", () => {
  it("scores the baselines beside a multi-task network with given weights", async () => {
    const id = await startSmallRun(stack.apiUrl, datasetId, {
      targets: TARGETS,
      models: ["RANDOM_FOREST", "GRADIENT_BOOSTING", "SVR", "MULTI_TASK"],
      network: { epochs: 20, lossWeighting: "CUSTOM", lossWeights: [3, 1, 0.5] },
    });
    const run = await waitForRun(stack.apiUrl, id);

    expect(run.status).toBe("SUCCEEDED");
    expect(run.name).toBe(
      "Random forest and gradient boosting and SVR and multi-task network on US demo",
    );
    expect(run.config.network).toMatchObject({ lossWeighting: "CUSTOM", lossWeights: [3, 1, 0.5] });
    expect(run.results.map((result) => result.kind)).toEqual([
      "RANDOM_FOREST",
      "GRADIENT_BOOSTING",
      "SVR",
      "MULTI_TASK",
    ]);
    for (const result of run.results) {
      expect(
        result.metrics.map((m) => m.target),
        result.kind,
      ).toEqual(TARGETS.flatMap((target) => [target, target]));
      const trainTotal = result.metrics.find(
        (m) => m.target === TOTAL_REE_COLUMN && m.split === "TRAIN",
      );
      // 20 epochs leave the network short of a fit, so only the baselines are held to one.
      if (result.kind === "MULTI_TASK") {
        expect(trainTotal?.r2.mean, result.kind).not.toBeNull();
      } else {
        expect(trainTotal?.r2.mean, result.kind).toBeGreaterThan(0.5);
      }

      expect(result.predictions, result.kind).toHaveLength(20);
    }

    expect(run.results.map((result) => result.modelId === null)).toEqual([true, true, true, false]);
  });

  it("stores no model for a baseline", async () => {
    const id = await startSmallRun(stack.apiUrl, datasetId, {
      targets: [TOTAL_REE_COLUMN],
      models: ["SVR"],
    });
    await waitForRun(stack.apiUrl, id);
    const models = (await graphqlData(stack.apiUrl, ModelsDocument, {})).models.edges.map(
      (edge) => edge.node,
    );

    expect(models.some((model) => model.runId === id)).toBe(false);
  });

  it("rejects a weight that is not positive, naming its target", async () => {
    const { errors } = await graphqlRequest(stack.apiUrl, StartRunDocument, {
      config: {
        datasetId,
        targets: TARGETS,
        network: { lossWeighting: "CUSTOM", lossWeights: [1, -2, 1] },
      },
    });

    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toBe(
      'invalid run config: network.lossWeights: the weight of target "La2O3_ppm_mol" must be ' +
        "a positive number, got -2",
    );
  });

  it("rejects a weight count that differs from the targets", async () => {
    const { errors } = await graphqlRequest(stack.apiUrl, StartRunDocument, {
      config: { datasetId, targets: TARGETS, network: { lossWeights: [1, 1] } },
    });

    expect(errors?.[0]?.message).toMatch(
      /network.lossWeights must hold one weight per target \(3: .*\), got 2/,
    );
  });
});
