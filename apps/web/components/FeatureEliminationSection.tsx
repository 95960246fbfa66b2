import type { FeatureEliminationResult, MetricSummary, RunConfig } from "@ree/schema/documents";

import { formatMeanSd } from "../lib/format";
import { SELECTION_METRIC_LABELS, SELECTION_MODEL_LABELS, targetName } from "../lib/labels";
import { TableScroll } from "./TableScroll";
import { EliminationCurve } from "./charts/EliminationCurve";
import { KeptProbabilityMap } from "./charts/KeptProbabilityMap";
import { MissingValue } from "./MissingValue";

export interface FeatureEliminationSectionProps {
  result: FeatureEliminationResult;
  /** Config of the run, for the metric, model, target and repetitions. */
  config: RunConfig;
}

const PERCENT_DECIMALS = 1;
const RATIO_DECIMALS = 2;
const MISSING_ERROR = "Missing: no repetition gave a finite error at this step.";

/**
 * Results of a recursive feature elimination: the validation error against the number of
 * features kept, how often each feature survives each step, and the errors as a table.
 */
export function FeatureEliminationSection({ result, config }: FeatureEliminationSectionProps) {
  const { selection } = config;
  const metric = SELECTION_METRIC_LABELS[selection.metric];
  const target = targetName(config.targets[0] ?? "");
  const repetitions = selection.repetitions;
  const featureCount = result.features.length;
  const allFeatures = result.counts.indexOf(Math.max(...result.counts));
  const allFeaturesError = formatMeanSd(result.error[allFeatures] ?? nullSummary, PERCENT_DECIMALS);
  const rows = result.counts
    .map((count, step) => ({
      count,
      error: result.error[step] ?? nullSummary,
      ratio: result.normalizedError[step] ?? nullSummary,
    }))
    .sort((a, b) => b.count - a.count);

  return (
    <section aria-labelledby="elimination-heading">
      <h3 id="elimination-heading">Recursive feature elimination</h3>
      <p>
        {repetitions} repetition{repetitions === 1 ? "" : "s"}, each on its own split: starting from
        all {featureCount} features, every step refits a{" "}
        {SELECTION_MODEL_LABELS[selection.model].toLowerCase()} once per remaining feature with that
        feature left out, and drops the feature whose removal gives the lowest validation {metric}{" "}
        of the {target}.
      </p>
      <figure>
        <EliminationCurve
          counts={result.counts}
          normalizedError={result.normalizedError}
          error={result.error}
          metricLabel={metric}
          repetitions={repetitions}
        />
        <figcaption>
          Validation {metric} at each number of features kept, divided by the {metric} of the same
          repetition with all {featureCount} features: the dashed line at 1 means no change, below 1
          the model validates better with fewer features. Line and points: mean over the
          repetitions, the lowest in orange; band: ±1 sd, cut at 0. Where the bands of two counts
          overlap, their difference is within the spread between repetitions.
          {allFeaturesError === null
            ? null
            : ` With all features the validation ${metric} is ${allFeaturesError} %. A few repetitions with large errors there can make the mean ratio differ from the ratio of the mean errors in the table below.`}
        </figcaption>
      </figure>
      <figure>
        <KeptProbabilityMap
          features={result.features}
          counts={result.counts}
          keptProbability={result.keptProbability}
          repetitions={repetitions}
        />
        <figcaption>
          Share of the repetitions (in %) that still keep each feature when the given number of
          features is left. The features that survive longest on average are on top; the right
          column is the start, where every feature is kept, and the left column shows which single
          feature the repetitions kept last.
        </figcaption>
      </figure>
      <TableScroll label="Validation error by features kept">
        <table>
          <caption>
            Validation error by number of features kept, mean ± sd over the repetitions
          </caption>
          <thead>
            <tr>
              <th scope="col" className="number">
                Features kept
              </th>
              <th scope="col" className="number">
                Validation {metric} (%)
              </th>
              <th scope="col" className="number">
                Ratio to all features
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ count, error, ratio }) => (
              <tr key={count}>
                <th scope="row" className="number">
                  {count}
                </th>
                <td className="number">
                  <MeanSd summary={error} decimals={PERCENT_DECIMALS} />
                </td>
                <td className="number">
                  <MeanSd summary={ratio} decimals={RATIO_DECIMALS} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

const nullSummary: MetricSummary = { mean: null, sd: null };

function MeanSd({ summary, decimals }: { summary: MetricSummary; decimals: number }) {
  const text = formatMeanSd(summary, decimals);

  return text === null ? <MissingValue reason={MISSING_ERROR} /> : <>{text}</>;
}
