// @vitest-environment jsdom
import type { ModelResultDetail, SamplePrediction } from "@ree/schema/documents";
import { describe, expect, it } from "vitest";

import { SCREENING } from "../charts/__tests__/analysisFixtures";
import { ModelResultSection } from "../ModelResultSection";
import { renderMarkup } from "./renderMarkup";

function result(testSamplesPerRepetition: number): ModelResultDetail {
  const predictions: SamplePrediction[] = [1, 2].flatMap((repetition) =>
    Array.from({ length: 8 }, (_, i) => ({
      sampleLabel: `s${i}`,
      repetition,
      split: i < testSamplesPerRepetition ? "TEST" : "TRAIN",
      measured: 100 + i,
      predicted: 101 + i,
    })),
  );

  return {
    kind: "LINEAR",
    modelId: null,
    secondsPerTraining: 0.001,
    metrics: [],
    predictions,
    shap: null,
    featureEffects: null,
    noise: null,
    screening: null,
  };
}

describe("ModelResultSection", () => {
  it("warns about a small test set", () => {
    const note = renderMarkup(
      <ModelResultSection result={result(2)} unit="ppm (molar)" />,
    ).querySelector('[role="note"]');

    expect(note?.textContent).toMatch(/Each test set has 2 samples/);
  });

  it("omits the warning for 5 test samples", () => {
    const section = renderMarkup(<ModelResultSection result={result(5)} unit="ppm (molar)" />);

    expect(section.querySelector('[role="note"]')).toBeNull();
  });

  it("renders the analyses of the result", () => {
    const section = renderMarkup(
      <ModelResultSection
        result={{ ...result(5), screening: SCREENING }}
        unit="ppm (molar)"
        requestedAnalyses={["SCREENING", "SHAP"]}
      />,
    );
    const headings = [...section.querySelectorAll("h4")].map((heading) => heading.textContent);

    expect(headings).toEqual(["High/low screening"]);
    expect(section.querySelector(".analyses .muted")?.textContent).toBe(
      "Requested but missing from this result: SHAP values.",
    );
  });
});
