import type { GridPoint, GridSearchResult, RunConfig } from "@ree/schema/documents";
import { useId, useState } from "react";

import { formatMeanSd, formatPowerOfTen } from "../lib/format";
import { SELECTION_METRIC_LABELS, targetName } from "../lib/labels";
import { TableScroll } from "./TableScroll";
import { GridSearchMap } from "./charts/GridSearchMap";
import { formatHiddenUnits, hiddenUnitConfigurations } from "./charts/renderGridSearchMap";
import { MissingValue } from "./MissingValue";

export interface GridSearchSectionProps {
  result: GridSearchResult;
  /** Config of the run, for the metric, target, repetitions and epochs. */
  config: RunConfig;
}

/** Up to this many hidden layer configurations are drawn side by side, and more get a selector. */
const MAX_PANELS = 4;
/** Panels per row. Three of the default width fit the page's 72rem column. */
const PANEL_COLUMNS = 3;
/** Rows of the table of the lowest errors. */
const TOP_COUNT = 10;
const PERCENT_DECIMALS = 1;
const MISSING_ERROR = "Missing: no repetition gave a finite error.";

/**
 * Results of a grid search: the best combination with its test error, heat maps of the validation
 * error over learning rate and weight decay per hidden layer configuration, and the combinations
 * with the lowest errors.
 */
export function GridSearchSection({ result, config }: GridSearchSectionProps) {
  const selectId = useId();
  const configurations = hiddenUnitConfigurations(result.points);
  const bestKey = result.best.hiddenUnits.join(",");
  const [selectedKey, setSelectedKey] = useState(bestKey);
  const selected =
    configurations.find((units) => units.join(",") === selectedKey) ?? configurations[0] ?? [];
  const metric = SELECTION_METRIC_LABELS[config.selection.metric];
  const target = targetName(config.targets[0] ?? "");
  const repetitions = config.selection.repetitions;
  const learningRates = new Set(result.points.map((point) => point.learningRate)).size;
  const weightDecays = new Set(result.points.map((point) => point.weightDecay)).size;
  const ranked = [...result.points]
    .filter((point) => point.error.mean !== null)
    .sort((a, b) => (a.error.mean ?? 0) - (b.error.mean ?? 0))
    .slice(0, TOP_COUNT);

  return (
    <section aria-labelledby="grid-heading">
      <h3 id="grid-heading">Grid search</h3>
      <p>
        {configurations.length} hidden layer configuration{configurations.length === 1 ? "" : "s"} ×{" "}
        {learningRates} learning rate{learningRates === 1 ? "" : "s"} × {weightDecays} weight decay
        {weightDecays === 1 ? "" : "s"} = {result.points.length} combinations, each a single-task
        network for the {target} trained for {config.network.epochs} epochs on {repetitions}{" "}
        validation split{repetitions === 1 ? "" : "s"} and scored by its validation {metric}.
      </p>

      <dl className="facts">
        <dt>Best combination</dt>
        <dd>{describePoint(result.best)}</dd>
        <dt>Validation {metric}</dt>
        <dd>
          <ErrorText summary={result.best.error} /> (mean ± sd over the validation splits)
        </dd>
        <dt>Test {metric}</dt>
        <dd>
          <ErrorText summary={result.bestTestError} />, the best combination retrained on the
          training and validation rows and scored on the held-out test rows
        </dd>
      </dl>

      {configurations.length > MAX_PANELS ? (
        <div className="field inline-field">
          <label htmlFor={selectId}>Hidden layers shown</label>
          <select
            id={selectId}
            value={selected.join(",")}
            onChange={(event) => setSelectedKey(event.target.value)}
          >
            {configurations.map((units) => (
              <option key={units.join(",")} value={units.join(",")}>
                {units.join(", ")}
                {units.join(",") === bestKey ? " (best)" : ""}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <figure>
        <GridSearchMap
          points={result.points}
          best={result.best}
          panels={configurations.length > MAX_PANELS ? [selected] : undefined}
          columns={PANEL_COLUMNS}
          metricLabel={metric}
        />
        <figcaption>
          Mean validation {metric} of each combination, light for low and dark red for high errors;
          the black outline marks the lowest mean. Both axes are logarithmic, and each cell reaches
          halfway to its neighbours. Combinations whose means differ by less than their sd (in the
          tooltips and the table) are not clearly better or worse than each other.
          {configurations.length > MAX_PANELS
            ? " One hidden layer configuration is shown at a time; the colour scale covers all of them, so colours compare across the selector."
            : " All panels share the colour scale."}
        </figcaption>
      </figure>

      <TableScroll label="Grid search results">
        <table>
          <caption>
            The {ranked.length} combination{ranked.length === 1 ? "" : "s"} with the lowest mean
            validation {metric}
          </caption>
          <thead>
            <tr>
              <th scope="col">Hidden layers</th>
              <th scope="col" className="number">
                Learning rate
              </th>
              <th scope="col" className="number">
                Weight decay
              </th>
              <th scope="col" className="number">
                Validation {metric} (%)
              </th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((point) => (
              <tr key={`${point.hiddenUnits.join(",")}/${point.learningRate}/${point.weightDecay}`}>
                <td>{point.hiddenUnits.join(", ")}</td>
                <td className="number">{formatPowerOfTen(point.learningRate)}</td>
                <td className="number">{formatPowerOfTen(point.weightDecay)}</td>
                <td className="number">
                  <ErrorText summary={point.error} bare />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function describePoint(point: GridPoint): string {
  return (
    `${formatHiddenUnits(point.hiddenUnits).toLowerCase()} units, learning rate ` +
    `${formatPowerOfTen(point.learningRate)}, weight decay ${formatPowerOfTen(point.weightDecay)}`
  );
}

/** Writes "12.3 ± 4.5 %", or without the unit when `bare` is set. */
function ErrorText({ summary, bare = false }: { summary: GridPoint["error"]; bare?: boolean }) {
  const text = formatMeanSd(summary, PERCENT_DECIMALS);
  if (text === null) {
    return <MissingValue reason={MISSING_ERROR} />;
  }

  return <>{bare ? text : `${text} %`}</>;
}
