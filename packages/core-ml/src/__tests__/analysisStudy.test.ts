import { describe, expect, it } from "vitest";

import { computeNoiseSensitivity } from "../analysis/computeNoiseSensitivity.js";
import { computeShapImportance } from "../analysis/computeShapImportance.js";
import { computeShapValues } from "../analysis/computeShapValues.js";
import { screenSamples } from "../analysis/screenSamples.js";
import { predictWithArtifact } from "../artifact/predictWithArtifact.js";
import { getColumn, type Matrix, selectColumns, selectRows } from "../matrix/Matrix.js";
import { importTorchEnsemble } from "../pretrained/importTorchEnsemble.js";
import { TOTAL_REE_COLUMN } from "../table/columnUnits.js";
import { parseTable } from "../table/parseTable.js";
import { readDataFile, US_DEMO_FILE } from "./fixtures.js";

const ensemble = importTorchEnsemble(JSON.parse(readDataFile("pretrained/study_ensemble_30.json")));
const table = parseTable(readDataFile(US_DEMO_FILE));
const x = selectColumns(
  table.values,
  ensemble.features.map((name) => table.columns.findIndex((column) => column.name === name)),
);
const measuredTotal = getColumn(
  table.values,
  table.columns.findIndex((column) => column.name === TOTAL_REE_COLUMN),
);

// Computed independently in float64 with NumPy 2.4.6: the ensemble's forward pass from the
// JSON file, and Shapley values as the mean marginal contribution over all 720 feature
// orders (not the coalition weights that exactShapleyValues uses), background = the 10 samples.
const REFERENCE_VALUES: Record<number, number[]> = {
  0: [
    2.3570352218633, -24.189504372738753, -3.692592318349064, -2.583180451737405, 4.809151701673311,
    4.734189768821363,
  ],
  9: [
    -24.87506672680989, -20.446393469484885, -4.773209486676306, 4.068057845754778,
    15.741327643673083, -3.7949226168316494,
  ],
};
const REFERENCE_IMPORTANCE = [
  1.0, 0.696764018581974, 0.231046502821935, 0.1551044072685077, 0.49811279278214193,
  0.18221474819566325,
];

function at(matrix: Matrix, row: number, column: number): number {
  return matrix.data[row * matrix.columns + column] ?? NaN;
}

describe("study ensemble on the US samples", () => {
  const explanation = computeShapValues(ensemble, x, x);

  it("explains total REE exactly", () => {
    expect(explanation.method).toBe("exact");
    expect(explanation.members).toBe(30);
    expect(explanation.backgroundRows).toBe(10);
    for (const [row, expected] of Object.entries(REFERENCE_VALUES)) {
      expected.forEach((value, j) => {
        expect(at(explanation.values, Number(row), j)).toBeCloseTo(value, 9);
      });
    }
  });

  it("adds up to the ensemble mean prediction", () => {
    const mean = getColumn(predictWithArtifact(ensemble, x).mean, 0);
    const expectedValue = mean.reduce((sum, value) => sum + value, 0) / mean.length;

    expect(explanation.expectedValue).toBeCloseTo(expectedValue, 9);
    for (let i = 0; i < x.rows; i++) {
      let sum = 0;
      for (let j = 0; j < x.columns; j++) {
        sum += at(explanation.values, i, j);
      }

      expect(explanation.predictions[i]).toBeCloseTo(mean[i] ?? NaN, 9);
      expect(Math.abs(sum - ((mean[i] ?? NaN) - expectedValue))).toBeLessThan(1e-9);
    }
  });

  it("matches explaining the ensemble mean", () => {
    const firstThree = selectRows(x, [0, 1, 2]);
    const meanModel = (input: Matrix) => predictWithArtifact(ensemble, input).mean;
    const perMember = computeShapValues(ensemble, firstThree, x);
    const ofMean = computeShapValues(meanModel, firstThree, x);

    perMember.values.data.forEach((value, index) => {
      expect(value).toBeCloseTo(ofMean.values.data[index] ?? NaN, 9);
    });
  });

  it("ranks Al2O3, CaO and TiO2 first", () => {
    const importance = computeShapImportance(explanation.values);

    REFERENCE_IMPORTANCE.forEach((value, j) => {
      expect(importance[j]).toBeCloseTo(value, 9);
    });
  });

  it("screens perfectly at the median total", () => {
    // The 10 samples are among the 99 that the ensemble was trained on, so this is no test
    // score. It checks the screening on real predictions.
    const predicted = getColumn(predictWithArtifact(ensemble, x).mean, 0);
    const screening = screenSamples(measuredTotal, predicted);

    expect(screening.threshold).toBeCloseTo(145.2, 12);
    expect(screening.confusion).toEqual({
      truePositives: 5,
      falsePositives: 0,
      trueNegatives: 5,
      falseNegatives: 0,
    });
  });

  it("doubles the change sd from 2 % to 4 % noise", () => {
    // Near-linear response: the sd of the change scales with the noise sd.
    const { levels } = computeNoiseSensitivity(ensemble, x, { draws: 20 });
    const ratio = (levels[1]?.fit.sd ?? NaN) / (levels[0]?.fit.sd ?? NaN);

    expect(levels[0]?.fit.count).toBe(6000);
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.2);
  });
});
