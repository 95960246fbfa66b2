import type { ModelResultDetail } from "@ree/schema/documents";
import Link from "next/link";

import { formatDuration } from "../lib/format";
import { MODEL_KIND_LABELS } from "../lib/labels";
import { ParityPlot } from "./charts/ParityPlot";
import { MetricsTable } from "./MetricsTable";

export interface ModelResultSectionProps {
  result: ModelResultDetail;
  /** Unit of the run's targets. */
  unit: string;
}

/** Evaluation of one model kind: parity plot of the total REE and the metrics table. */
export function ModelResultSection({ result, unit }: ModelResultSectionProps) {
  const label = MODEL_KIND_LABELS[result.kind];
  const headingId = `result-${result.kind.toLowerCase()}`;

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
      <MetricsTable metrics={result.metrics} unit={unit} />
    </section>
  );
}
