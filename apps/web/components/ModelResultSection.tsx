import type { AnalysisKind, ModelResultDetail } from "@ree/schema/documents";
import Link from "next/link";

import { formatDuration } from "../lib/format";
import { modelKindLabel } from "../lib/labels";
import { AnalysesSection } from "./AnalysesSection";
import { ParityPlot } from "./charts/ParityPlot";
import { MetricsTable } from "./MetricsTable";

export interface ModelResultSectionProps {
  result: ModelResultDetail;
  /** Unit of the run's targets. */
  unit: string;
  /** Analyses that the run asked for. @default none */
  requestedAnalyses?: readonly AnalysisKind[];
  /** Id of the run's comparison of the noise results, when the run shows one. */
  noiseComparisonId?: string;
  /** True when the run set the screening threshold, false when it is the data set's median. */
  screeningThresholdIsConfigured?: boolean;
}

/**
 * Test sets smaller than this make R2 swing widely between repetitions, so the
 * page warns before readers compare R2 values.
 */
const SMALL_TEST_SET = 5;

/**
 * Evaluation of one model kind: parity plot of the total REE, the metrics table and the analyses
 * that the result has.
 */
export function ModelResultSection({
  result,
  unit,
  requestedAnalyses = [],
  noiseComparisonId,
  screeningThresholdIsConfigured = false,
}: ModelResultSectionProps) {
  const label = modelKindLabel(result.kind);
  const headingId = `result-${result.kind.toLowerCase()}`;
  const testSize = result.predictions.filter(
    (point) => point.repetition === 1 && point.split === "TEST",
  ).length;

  return (
    <section aria-labelledby={headingId} className="model-result">
      <h3 id={headingId}>{label}</h3>
      <p>
        Mean training time per ensemble member: {formatDuration(result.secondsPerTraining)}.{" "}
        {result.modelId === null ? null : (
          <Link
            href={`/predict?model=${encodeURIComponent(result.modelId)}`}
            className="screen-only"
          >
            Predict with this model
          </Link>
        )}
      </p>
      <figure>
        <ParityPlot
          points={result.predictions}
          unit={unit}
          ariaLabel={`Parity plot of total REE, ${label}: predicted against measured, ${result.predictions.length} points`}
        />
        <figcaption>
          Total REE predicted against measured, one point per sample and repetition. Points on the
          dashed line are predicted exactly.
        </figcaption>
      </figure>
      {testSize > 0 && testSize < SMALL_TEST_SET ? (
        <p className="note" role="note">
          Each test set has {testSize} sample{testSize === 1 ? "" : "s"}, so test R² varies widely
          between repetitions; compare MAPE and the parity plot as well.
        </p>
      ) : null}
      <MetricsTable metrics={result.metrics} unit={unit} />
      <AnalysesSection
        result={result}
        unit={unit}
        requested={requestedAnalyses}
        noiseComparisonId={noiseComparisonId}
        screeningThresholdIsConfigured={screeningThresholdIsConfigured}
      />
    </section>
  );
}
