import type { ScreeningResult } from "@ree/schema/documents";

import { formatQuantity } from "../lib/format";
import { ConfusionMatrix } from "./charts/ConfusionMatrix";
import { PrecisionRecallCurve } from "./charts/PrecisionRecallCurve";
import { ScreeningScoresTable } from "./ScreeningScoresTable";

export interface ScreeningFiguresProps {
  screening: ScreeningResult;
  /** Unit of the total REE and of the thresholds. */
  unit: string;
  /** Name of the model kind, for the charts' accessible names. */
  modelLabel: string;
  /** True when the run set the threshold, false when it is the data set's median. */
  thresholdIsConfigured: boolean;
}

/** Confusion matrix, scores and precision-recall curve of one model kind's screening. */
export function ScreeningFigures({
  screening,
  unit,
  modelLabel,
  thresholdIsConfigured,
}: ScreeningFiguresProps) {
  const { confusion } = screening;
  const total =
    confusion.truePositives +
    confusion.falsePositives +
    confusion.trueNegatives +
    confusion.falseNegatives;
  const prevalence =
    total > 0 ? (confusion.truePositives + confusion.falseNegatives) / total : null;
  const threshold = `${formatQuantity(screening.threshold, unit)} ${unit}`;
  const thresholdSource = thresholdIsConfigured
    ? "set in the run's configuration"
    : "the median total REE of the data set";

  return (
    <>
      <div className="chart-row">
        <figure>
          <ConfusionMatrix
            confusion={confusion}
            threshold={screening.threshold}
            unit={unit}
            ariaLabel={`Confusion matrix of the high/low screening at ${threshold}, ${modelLabel}`}
          />
          <figcaption>
            Test predictions of all repetitions, pooled, so a sample counts once for each repetition
            that tested it. A sample is high when its total REE is at or above {threshold} (
            {thresholdSource}). The diagonal from top left holds the correct predictions. False
            negatives are high-REE ashes that the model would miss, false positives are low-REE
            ashes that it would flag as worth extracting.
          </figcaption>
        </figure>
        <ScreeningScoresTable screening={screening} />
      </div>
      <figure>
        <PrecisionRecallCurve
          curve={screening.curve}
          threshold={screening.threshold}
          prevalence={prevalence}
          averagePrecision={screening.averagePrecision.value}
          unit={unit}
          ariaLabel={`Precision-recall curve of the screening at ${threshold}, ${modelLabel}`}
        />
        <figcaption>
          Precision (share of ashes predicted high that are high) against recall (share of high
          ashes that are predicted high) as the decision threshold on the predicted total REE moves;
          which ashes are high stays fixed by {threshold}. A higher decision threshold flags fewer
          ashes, which usually raises precision and lowers recall. The dashed line is the precision
          of flagging ashes at random.{" "}
          <span className="screen-only">
            The slider starts at the lowest prediction at or above {threshold}, which splits the
            predictions as the confusion matrix does.
          </span>
        </figcaption>
      </figure>
    </>
  );
}
