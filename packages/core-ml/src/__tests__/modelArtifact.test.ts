import { describe, expect, it } from "vitest";

import { checkDomain, describeDomainWarning } from "../artifact/checkDomain.js";
import { chiSquareQuantile } from "../artifact/chiSquareQuantile.js";
import { compileMember } from "../artifact/compileMember.js";
import { computeTrainingDomain } from "../artifact/computeTrainingDomain.js";
import type { ModelArtifact } from "../artifact/ModelArtifact.js";
import { parseModelArtifact } from "../artifact/parseModelArtifact.js";
import { predictWithArtifact } from "../artifact/predictWithArtifact.js";
import { predictWithMember } from "../artifact/predictWithMember.js";
import { serializeModelArtifact } from "../artifact/serializeModelArtifact.js";
import { createFusedEngine } from "../network/fused/createFusedEngine.js";
import { evaluateRepeated } from "../evaluation/evaluateRepeated.js";
import { resolveEvaluationConfig } from "../evaluation/EvaluationConfig.js";
import { type Matrix, matrixFromRows, selectColumns } from "../matrix/Matrix.js";
import { importTorchEnsemble } from "../pretrained/importTorchEnsemble.js";
import { parseTable, type Table } from "../table/parseTable.js";
import { POLISH_FILE, readDataFile, US_DEMO_FILE } from "./fixtures.js";

const ensemble = importTorchEnsemble(JSON.parse(readDataFile("pretrained/study_ensemble_30.json")));
const usTable = parseTable(readDataFile(US_DEMO_FILE));
const polishTable = parseTable(readDataFile(POLISH_FILE));

function featureMatrix(table: Table, artifact: ModelArtifact): Matrix {
  return selectColumns(
    table.values,
    artifact.features.map((name) => table.columns.findIndex((column) => column.name === name)),
  );
}

function worstRelativeDifference(a: Matrix, b: Matrix): number {
  let worst = 0;
  a.data.forEach((value, index) => {
    const other = b.data[index] ?? NaN;
    const difference = Math.abs(value - other) / Math.max(Math.abs(other), Number.MIN_VALUE);
    worst = difference <= worst ? worst : difference;
  });

  return worst;
}

describe("parseModelArtifact and serializeModelArtifact", () => {
  it("round-trip the study ensemble through JSON text with identical predictions", () => {
    const x = featureMatrix(polishTable, ensemble);
    const loaded = parseModelArtifact(serializeModelArtifact(ensemble));
    const before = predictWithArtifact(ensemble, x);
    const after = predictWithArtifact(loaded, x);

    for (const key of ["mean", "sd", "p5", "p95"] as const) {
      expect(worstRelativeDifference(after[key], before[key])).toBeLessThanOrEqual(1e-6);
    }

    expect(loaded.domain).toEqual(ensemble.domain);
    expect(loaded.screening).toEqual({ target: "REE_total_ppm_mol", threshold: 157 });
  });

  it("round-trips a freshly trained linear model with its domain and metrics", async () => {
    const config = resolveEvaluationConfig(
      { repetitions: 3, models: ["LINEAR"], seed: 7 },
      usTable.columns,
    );
    const [evaluation] = await evaluateRepeated(usTable, config, { engine: createFusedEngine() });
    const artifact = evaluation?.artifact as ModelArtifact;
    const loaded = parseModelArtifact(serializeModelArtifact(artifact));
    const x = featureMatrix(usTable, artifact);

    expect(loaded.version).toBe(2);
    expect(loaded.training?.metrics.length).toBe(config.targets.length);
    expect(
      worstRelativeDifference(
        predictWithArtifact(loaded, x).mean,
        predictWithArtifact(artifact, x).mean,
      ),
    ).toBeLessThanOrEqual(1e-6);
  });

  it("reads a version 1 artifact, which has no domain", () => {
    const { domain: _domain, screening: _screening, ...rest } = ensemble;
    const loaded = parseModelArtifact(JSON.stringify({ ...rest, version: 1 }));

    expect(loaded.domain).toBeUndefined();
  });

  it.each([
    [{ ...ensemble, format: "other" }, /artifact.format must be "ree-workbench\/model"/],
    [{ ...ensemble, version: 9 }, /artifact.version must be 1 to 2, got 9/],
    [{ ...ensemble, members: [] }, /artifact.members must be a non-empty array/],
    [
      { ...ensemble, features: ["Al2O3_mol_pct"] },
      /artifact.members\[0\].featureScaler.mean must hold 1 numbers/,
    ],
  ])("rejects a malformed artifact (%#)", (value, message) => {
    expect(() => parseModelArtifact(JSON.stringify(value))).toThrow(message);
  });

  it("rejects text that is not JSON", () => {
    expect(() => parseModelArtifact("{")).toThrow(/artifact is not valid JSON/);
  });
});

describe("chiSquareQuantile", () => {
  it.each([
    [1, 6.635],
    [6, 16.812],
    [17, 33.409],
  ])("approximates the 0.99 quantile for %i degrees of freedom within 1 %%", (degrees, exact) => {
    expect(Math.abs(chiSquareQuantile(0.99, degrees) - exact) / exact).toBeLessThan(0.01);
  });
});

describe("computeTrainingDomain and checkDomain", () => {
  const usX = featureMatrix(usTable, ensemble);

  it("never flags a training row", () => {
    const domain = computeTrainingDomain(usX);

    expect(checkDomain(domain, ensemble.features, usX).flat()).toEqual([]);
    expect(domain.maxDistance).toBeGreaterThanOrEqual(Math.sqrt(chiSquareQuantile(0.99, 6)));
  });

  it("names a feature outside its training range with the value and the range", () => {
    const domain = computeTrainingDomain(usX);
    const row = Array.from(usX.data.subarray(0, 6));
    row[1] = 80;
    const [warnings] = checkDomain(domain, ensemble.features, matrixFromRows([row]));
    const range = warnings?.find((warning) => warning.kind === "RANGE");

    expect(range).toMatchObject({ feature: "CaO_mol_pct", value: 80, max: domain.max[1] });
    expect(describeDomainWarning(range!)).toMatch(
      /^CaO_mol_pct = 80 is outside the training range [\d.]+ to [\d.]+$/,
    );
  });

  it("flags a combination no training row has, even inside every range", () => {
    const domain = computeTrainingDomain(usX);
    // The 64 corners of the box of ranges: each value was seen, no mix of them was.
    const corners = Array.from({ length: 64 }, (_, pattern) =>
      domain.min.map((min, j) => ((pattern >> j) & 1 ? (domain.max[j] ?? NaN) : min)),
    );
    const flagged = checkDomain(domain, ensemble.features, matrixFromRows(corners));
    const warnings = flagged.find((list) => list.length > 0);

    expect(warnings?.filter((warning) => warning.kind === "RANGE")).toEqual([]);
    expect(warnings?.find((warning) => warning.kind === "DISTANCE")).toMatchObject({
      maxDistance: domain.maxDistance,
    });
  });

  it("widens the study ensemble's scaler domain to hold its public training ashes", () => {
    const json: unknown = JSON.parse(readDataFile("pretrained/study_ensemble_30.json"));
    const widened = importTorchEnsemble(json, { knownTrainingRows: usX });

    // One public ash has TiO2 at 5.7 sd above the mean of the 99.
    expect(checkDomain(ensemble.domain!, ensemble.features, usX).flat()).toContainEqual(
      expect.objectContaining({ feature: "TiO2_mol_pct", value: 2.65 }),
    );
    expect(checkDomain(widened.domain!, widened.features, usX).flat()).toEqual([]);
    expect(widened.domain?.source).toBe("scaler");
  });
});

describe("compileMember", () => {
  it("predicts every study member exactly as predictWithMember", () => {
    const x = featureMatrix(polishTable, ensemble);

    for (const member of ensemble.members) {
      expect(compileMember(member)(x).data).toEqual(predictWithMember(member, x).data);
    }
  });

  it("rejects rows with the wrong number of features", () => {
    const member = ensemble.members[0]!;

    expect(() => compileMember(member)(matrixFromRows([[1, 2, 3]]))).toThrow(
      /dense layer expects 6 inputs, got 3/,
    );
  });
});

describe("predictWithArtifact percentiles", () => {
  it.each([1, 2, 7, 30])("match a full sort over %i members", (count) => {
    const artifact = { ...ensemble, members: ensemble.members.slice(0, count) };
    const x = featureMatrix(polishTable, artifact);
    const members = artifact.members.map((member) => predictWithMember(member, x));
    const { p5, p95 } = predictWithArtifact(artifact, x);

    p5.data.forEach((value, index) => {
      const sorted = members.map((member) => member.data[index] ?? NaN).sort((a, b) => a - b);
      const at = (p: number) => {
        const position = ((count - 1) * p) / 100;
        const low = sorted[Math.floor(position)] ?? NaN;
        const high = sorted[Math.ceil(position)] ?? NaN;

        return low + (high - low) * (position - Math.floor(position));
      };

      expect(value).toBe(at(5));
      expect(p95.data[index]).toBe(at(95));
    });
  });
});

describe("predictWithArtifact screening", () => {
  it("returns the share of members at or above the threshold", () => {
    const x = featureMatrix(usTable, ensemble);
    const { mean, shareAbove } = predictWithArtifact(ensemble, x, {
      screening: { target: 0, threshold: 157 },
    });

    shareAbove?.forEach((share, i) => {
      expect(share * 30).toBeCloseTo(Math.round(share * 30), 9);
      if (share === 1) {
        expect(mean.data[i * mean.columns]).toBeGreaterThanOrEqual(157);
      }

      if (share === 0) {
        expect(mean.data[i * mean.columns]).toBeLessThan(157);
      }
    });
    expect(new Set(shareAbove).size).toBeGreaterThan(1);
  });
});
