import type { AnalysisKind, ModelResultDetail } from "@ree/schema/documents";

import { modelKindLabel } from "../lib/labels";
import { FeatureEffectsFigure } from "./FeatureEffectsFigure";
import { NoiseHistogramGrid } from "./NoiseHistogramGrid";
import { ScreeningFigures } from "./ScreeningFigures";
import { ShapFigures } from "./ShapFigures";

export interface AnalysesSectionProps {
  result: ModelResultDetail;
  /** Unit of the total REE. */
  unit: string;
  /** Analyses that the run asked for; one that is asked for but missing gets a note. */
  requested: readonly AnalysisKind[];
  /**
   * Id of the element that compares the noise results of all model kinds. When set, this section
   * links there in place of drawing its own noise histograms.
   */
  noiseComparisonId?: string;
  /** True when the run set the screening threshold, false when it is the data set's median. */
  screeningThresholdIsConfigured: boolean;
}

const ANALYSIS_TITLES: Record<AnalysisKind, string> = {
  SHAP: "SHAP values",
  FEATURE_EFFECTS: "Feature effects",
  NOISE: "Sensitivity to input noise",
  SCREENING: "High/low screening",
};

/**
 * Analyses of the total REE of one model kind: SHAP, feature effects, noise sensitivity and
 * high/low screening, each where the result has it. Renders nothing when the run asked for none
 * and the result has none.
 */
export function AnalysesSection({
  result,
  unit,
  requested,
  noiseComparisonId,
  screeningThresholdIsConfigured,
}: AnalysesSectionProps) {
  const modelLabel = modelKindLabel(result.kind);
  const present: Record<AnalysisKind, boolean> = {
    SHAP: result.shap !== null,
    FEATURE_EFFECTS: result.featureEffects !== null,
    NOISE: result.noise !== null,
    SCREENING: result.screening !== null,
  };
  const missing = requested.filter((kind) => !present[kind]);
  if (!Object.values(present).some(Boolean) && missing.length === 0) {
    return null;
  }

  const headingId = (kind: AnalysisKind) =>
    `analysis-${result.kind.toLowerCase()}-${kind.toLowerCase().replaceAll("_", "-")}`;

  return (
    <div className="analyses">
      {result.shap === null ? null : (
        <section aria-labelledby={headingId("SHAP")}>
          <h4 id={headingId("SHAP")}>{ANALYSIS_TITLES.SHAP}</h4>
          <ShapFigures shap={result.shap} unit={unit} modelLabel={modelLabel} />
        </section>
      )}
      {result.featureEffects === null ? null : (
        <section aria-labelledby={headingId("FEATURE_EFFECTS")}>
          <h4 id={headingId("FEATURE_EFFECTS")}>{ANALYSIS_TITLES.FEATURE_EFFECTS}</h4>
          <FeatureEffectsFigure
            effects={result.featureEffects}
            unit={unit}
            modelLabel={modelLabel}
          />
        </section>
      )}
      {result.noise === null ? null : (
        <section aria-labelledby={headingId("NOISE")}>
          <h4 id={headingId("NOISE")}>{ANALYSIS_TITLES.NOISE}</h4>
          {noiseComparisonId === undefined ? (
            <NoiseHistogramGrid entries={[{ modelLabel, levels: result.noise }]} unit={unit} />
          ) : (
            <p>
              <a href={`#${noiseComparisonId}`}>Compared across the model kinds below.</a>
            </p>
          )}
        </section>
      )}
      {result.screening === null ? null : (
        <section aria-labelledby={headingId("SCREENING")}>
          <h4 id={headingId("SCREENING")}>{ANALYSIS_TITLES.SCREENING}</h4>
          <ScreeningFigures
            screening={result.screening}
            unit={unit}
            modelLabel={modelLabel}
            thresholdIsConfigured={screeningThresholdIsConfigured}
          />
        </section>
      )}
      {missing.length === 0 ? null : (
        <p className="muted">
          Requested but missing from this result:{" "}
          {missing.map((kind) => ANALYSIS_TITLES[kind]).join(", ")}.
        </p>
      )}
    </div>
  );
}
