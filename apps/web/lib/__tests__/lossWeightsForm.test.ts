import type { DatasetColumn } from "@ree/schema/documents";
import { describe, expect, it } from "vitest";

import { parseLossWeights } from "../parseLossWeights";
import {
  buildRunConfig,
  defaultRunFormValues,
  estimateWorkload,
  fieldOfApiMessage,
  type RunFormValues,
  runFormColumns,
} from "../runConfigForm";

const COLUMNS = runFormColumns(
  [
    { name: "Al2O3_mol_pct", role: "FEATURE", unit: "mol %" },
    { name: "CaO_mol_pct", role: "FEATURE", unit: "mol %" },
    { name: "REE_total_ppm_mol", role: "TARGET", unit: "ppm (molar)" },
    { name: "La2O3_ppm_mol", role: "TARGET", unit: "ppm (molar)" },
  ] satisfies DatasetColumn[],
  10,
);

function build(patch: Partial<RunFormValues>) {
  return buildRunConfig(
    "dataset-1",
    { ...defaultRunFormValues("EVALUATION", COLUMNS), ...patch },
    COLUMNS,
  );
}

/** Returns the config of a valid form, and fails with the messages of an invalid one. */
function configOf(result: ReturnType<typeof build>) {
  if (!result.ok) {
    throw new Error(`the form is invalid: ${JSON.stringify(result.errors)}`);
  }

  return result.config;
}

describe("parseLossWeights", () => {
  const targets = ["REE_total_ppm_mol", "La2O3_ppm_mol"];

  it("reads one weight per target", () => {
    expect(parseLossWeights("Loss weights", "2, 0.5", targets)).toEqual({
      ok: true,
      value: [2, 0.5],
    });
  });

  it("accepts equal weights", () => {
    expect(parseLossWeights("Loss weights", "1 1", targets)).toEqual({ ok: true, value: [1, 1] });
  });

  it("rejects a count that differs from the targets", () => {
    expect(parseLossWeights("Loss weights", "1", targets)).toEqual({
      ok: false,
      message: "Loss weights must list one weight per target (2: REE total, La2O3), got 1.",
    });
  });

  it.each(["0", "-1", "x"])("rejects the weight %s and names its target", (weight) => {
    expect(parseLossWeights("Loss weights", `1, ${weight}`, targets)).toEqual({
      ok: false,
      message: `Loss weights: the weight of La2O3 must be a number greater than 0, got "${weight}".`,
    });
  });
});

describe("run launcher with baselines and given loss weights", () => {
  it("sends CUSTOM weights in target order", () => {
    const result = build({ lossWeighting: "CUSTOM", lossWeights: "3, 1" });

    expect(configOf(result).network).toMatchObject({
      lossWeighting: "CUSTOM",
      lossWeights: [3, 1],
    });
  });

  it("leaves the weights out for MEAN weighting", () => {
    const result = build({ lossWeighting: "MEAN", lossWeights: "3, 1" });

    expect(configOf(result).network?.lossWeights).toBeUndefined();
  });

  it("reports bad weights on their field", () => {
    const result = build({ lossWeighting: "CUSTOM", lossWeights: "3" });

    expect(result.ok ? null : result.errors.lossWeights).toMatch(/one weight per target/);
  });

  it("maps the API's loss weight message to the field", () => {
    expect(
      fieldOfApiMessage(
        'invalid run config: network.lossWeights: the weight of target "x" must be',
      ),
    ).toBe("lossWeights");
  });

  it("counts one baseline model per target and repetition", () => {
    const result = build({ models: ["RANDOM_FOREST", "SVR"], repetitions: "3" });

    expect(estimateWorkload(configOf(result))).toEqual({
      networks: 0,
      linearFits: 0,
      baselineFits: 12,
      epochs: 500,
    });
  });
});
