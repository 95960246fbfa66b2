// @vitest-environment jsdom
import type { AnalysisKind, ModelResultDetail } from "@ree/schema/documents";
import { describe, expect, it } from "vitest";

import { AnalysesSection } from "../AnalysesSection";
import { FEATURE_EFFECTS, NOISE, SCREENING, SHAP } from "../charts/__tests__/analysisFixtures";
import { cellTexts, renderMarkup } from "./renderMarkup";

const ALL: AnalysisKind[] = ["SHAP", "FEATURE_EFFECTS", "NOISE", "SCREENING"];

function result(overrides: Partial<ModelResultDetail> = {}): ModelResultDetail {
  return {
    kind: "MULTI_TASK",
    modelId: null,
    secondsPerTraining: 1.2,
    metrics: [],
    predictions: [],
    shap: SHAP,
    featureEffects: FEATURE_EFFECTS,
    noise: NOISE,
    screening: SCREENING,
    ...overrides,
  };
}

function headings(container: HTMLElement): string[] {
  return [...container.querySelectorAll("h4")].map((heading) => heading.textContent);
}

describe("AnalysesSection", () => {
  it("renders a section per analysis present", () => {
    const section = renderMarkup(
      <AnalysesSection
        result={result()}
        unit="ppm (molar)"
        requested={ALL}
        screeningThresholdIsConfigured={false}
      />,
    );

    expect(headings(section)).toEqual([
      "SHAP values",
      "Feature effects",
      "Sensitivity to input noise",
      "High/low screening",
    ]);
    expect(section.querySelectorAll("figure")).toHaveLength(6);
    expect(section.querySelector(".muted")).toBeNull();
  });

  it("states the SHAP base value and method", () => {
    const text = renderMarkup(
      <AnalysesSection
        result={result()}
        unit="ppm (molar)"
        requested={ALL}
        screeningThresholdIsConfigured={false}
      />,
    ).textContent;

    expect(text).toContain("above the base value of 159.8 ppm (molar), the mean prediction");
    expect(text).toContain("exact Shapley values over all feature coalitions");
  });

  it("states where the screening threshold comes from", () => {
    const render = (configured: boolean) =>
      renderMarkup(
        <AnalysesSection
          result={result()}
          unit="ppm (molar)"
          requested={ALL}
          screeningThresholdIsConfigured={configured}
        />,
      ).textContent;

    expect(render(false)).toContain(
      "at or above 145.2 ppm (molar) (the median total REE of the data set)",
    );
    expect(render(true)).toContain(
      "at or above 145.2 ppm (molar) (set in the run's configuration)",
    );
  });

  it("shows the scores, with a dash and reason for a missing one", () => {
    const screening = {
      ...SCREENING,
      precision: {
        value: null,
        reason: "precision is undefined because no sample is predicted high",
      },
    };
    const table = renderMarkup(
      <AnalysesSection
        result={result({ screening })}
        unit="ppm (molar)"
        requested={ALL}
        screeningThresholdIsConfigured={false}
      />,
    ).querySelector("table.screening-scores")!;
    const rows = [...table.querySelectorAll("tbody tr")].map((row) => cellTexts(row).slice(0, 2));

    expect(rows).toEqual([
      ["IoU", "0.75"],
      ["Precision", "— (precision is undefined because no sample is predicted high)"],
      ["Recall", "1.00"],
      ["Accuracy", "0.85"],
      ["Average precision", "0.95"],
    ]);
    expect(table.querySelector(".missing")?.getAttribute("title")).toBe(
      "precision is undefined because no sample is predicted high",
    );
  });

  it("renders the slider with the server markup", () => {
    const section = renderMarkup(
      <AnalysesSection
        result={result()}
        unit="ppm (molar)"
        requested={ALL}
        screeningThresholdIsConfigured={false}
      />,
    );

    expect(section.querySelector<HTMLInputElement>('input[type="range"]')?.value).toBe("2");
    expect(section.querySelector("output")?.textContent).toBe(
      "Predicted high at ≥ 156.7 ppm (molar): precision 0.75, recall 1.00",
    );
  });

  it("links to the noise comparison when the run shows one", () => {
    const section = renderMarkup(
      <AnalysesSection
        result={result()}
        unit="ppm (molar)"
        requested={ALL}
        noiseComparisonId="noise-comparison"
        screeningThresholdIsConfigured={false}
      />,
    );

    expect(section.querySelector('a[href="#noise-comparison"]')).not.toBeNull();
    expect(section.querySelectorAll("figure")).toHaveLength(5);
  });

  it("notes requested analyses that are missing", () => {
    const section = renderMarkup(
      <AnalysesSection
        result={result({ shap: null, noise: null })}
        unit="ppm (molar)"
        requested={ALL}
        screeningThresholdIsConfigured={false}
      />,
    );

    expect(headings(section)).toEqual(["Feature effects", "High/low screening"]);
    expect(section.querySelector(".muted")?.textContent).toBe(
      "Requested but missing from this result: SHAP values, Sensitivity to input noise.",
    );
  });

  it("renders nothing without analyses", () => {
    const section = renderMarkup(
      <AnalysesSection
        result={result({ shap: null, featureEffects: null, noise: null, screening: null })}
        unit="ppm (molar)"
        requested={[]}
        screeningThresholdIsConfigured={false}
      />,
    );

    expect(section.innerHTML).toBe("");
  });
});
