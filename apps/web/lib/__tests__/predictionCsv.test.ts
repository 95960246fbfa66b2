import type { Prediction } from "@ree/schema/documents";
import { describe, expect, it } from "vitest";

import { predictionCsv } from "../predictionCsv";

const TOTAL = { target: "REE_total_ppm_mol", value: 171.5, sd: 12, p5: 152, p95: 190 };

const PREDICTION: Prediction = {
  label: "A",
  total: TOTAL,
  targets: [TOTAL],
  screening: {
    target: TOTAL.target,
    threshold: 157,
    thresholdSource: "MODEL",
    high: true,
    shareAbove: 0.9,
  },
  warnings: [
    {
      kind: "RANGE",
      message: "CaO_mol_pct = 75 is outside the training range 0 to 51.22",
      feature: "CaO_mol_pct",
      value: 75,
      min: 0,
      max: 51.22,
      distance: null,
      maxDistance: null,
    },
  ],
};

describe("predictionCsv", () => {
  it("writes the composition, class, warnings and each target's statistics", () => {
    const csv = predictionCsv(
      [{ label: "A, east pond", oxides: [{ oxide: "CaO", molPercent: 75 }] }],
      [PREDICTION],
    );

    expect(csv.split("\n")).toEqual([
      "label,CaO_mol_pct,screening,share_above_threshold,warnings," +
        "REE_total_ppm_mol_mean,REE_total_ppm_mol_sd,REE_total_ppm_mol_p5,REE_total_ppm_mol_p95",
      '"A, east pond",75,high,0.9,CaO_mol_pct = 75 is outside the training range 0 to 51.22,171.5,12,152,190',
      "",
    ]);
  });
});
