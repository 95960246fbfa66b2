// @vitest-environment jsdom
import type { Prediction } from "@ree/schema/documents";
import { describe, expect, it } from "vitest";

import { PredictionNotes } from "../PredictionNotes";
import { renderMarkup } from "./renderMarkup";

const TOTAL = { target: "REE_total_ppm_mol", value: 171.26, sd: 12.04, p5: 152.31, p95: 190.02 };

const PREDICTION: Prediction = {
  label: "Ash 7",
  total: TOTAL,
  targets: [TOTAL],
  screening: {
    target: "REE_total_ppm_mol",
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

describe("PredictionNotes", () => {
  it("shows the class, the threshold and the members' share", () => {
    const notes = renderMarkup(<PredictionNotes prediction={PREDICTION} unit="ppm (molar)" />);

    expect(notes.querySelector(".screening-high")?.textContent).toBe(
      "High REE total at 157.0 ppm (molar) (the model's threshold): 90 % of the members at or above it.",
    );
  });

  it("lists each out-of-domain warning", () => {
    const notes = renderMarkup(<PredictionNotes prediction={PREDICTION} unit="ppm (molar)" />);

    expect([...notes.querySelectorAll(".domain-warnings li")].map((li) => li.textContent)).toEqual([
      "CaO_mol_pct = 75 is outside the training range 0 to 51.22",
    ]);
  });

  it("shows nothing more for a prediction inside the domain without a class", () => {
    const notes = renderMarkup(
      <PredictionNotes
        prediction={{ ...PREDICTION, screening: null, warnings: [] }}
        unit="ppm (molar)"
      />,
    );

    expect(notes.textContent).toBe("");
  });
});
