import type { NoiseLevel } from "@ree/schema/documents";

import { NoiseHistogram } from "./charts/NoiseHistogram";
import { noiseHistogramScales } from "./charts/renderNoiseHistogram";

/** Noise levels of one model kind. */
export interface NoiseEntry {
  /** Name of the model kind. */
  modelLabel: string;
  levels: readonly NoiseLevel[];
}

export interface NoiseHistogramGridProps {
  /** One entry per model kind; with several, each noise level shows the kinds side by side. */
  entries: readonly NoiseEntry[];
  /** Unit of the predictions. */
  unit: string;
}

/** Width of one histogram in px; three fit side by side in the page's 72rem column. */
const HISTOGRAM_WIDTH = 340;

/**
 * Noise histograms on common axes, so that the spread of the changes compares directly between
 * noise levels and model kinds. One model kind gets one figure with its levels side by side;
 * several get one figure per noise level with the kinds side by side.
 */
export function NoiseHistogramGrid({ entries, unit }: NoiseHistogramGridProps) {
  const scales = noiseHistogramScales(entries.flatMap((entry) => entry.levels));
  const percents = [
    ...new Set(entries.flatMap((entry) => entry.levels.map((level) => level.noisePercent))),
  ].sort((a, b) => a - b);

  if (entries.length === 1) {
    const [entry] = entries;

    return (
      <figure>
        <div className="chart-row">
          {entry?.levels.map((level) => (
            <NoiseHistogram
              key={level.noisePercent}
              level={level}
              xDomain={scales.xDomain}
              yMax={scales.yMax}
              width={HISTOGRAM_WIDTH}
              unit={unit}
              title={`Noise sd ${level.noisePercent} % of each oxide value`}
            />
          ))}
        </div>
        <figcaption>
          <NoiseCaption percents={percents} unit={unit} compared={false} />
        </figcaption>
      </figure>
    );
  }

  return percents.map((percent) => (
    <figure key={percent}>
      <div className="chart-row">
        {entries.map((entry) => {
          const level = entry.levels.find((candidate) => candidate.noisePercent === percent);

          return level === undefined ? (
            <p key={entry.modelLabel} className="muted">
              {entry.modelLabel}: no result for {percent} % noise.
            </p>
          ) : (
            <NoiseHistogram
              key={entry.modelLabel}
              level={level}
              xDomain={scales.xDomain}
              yMax={scales.yMax}
              width={HISTOGRAM_WIDTH}
              unit={unit}
              title={`${entry.modelLabel}, noise sd ${percent} %`}
            />
          );
        })}
      </div>
      <figcaption>
        <NoiseCaption percents={[percent]} unit={unit} compared />
      </figcaption>
    </figure>
  ));
}

function NoiseCaption({
  percents,
  unit,
  compared,
}: {
  percents: readonly number[];
  unit: string;
  compared: boolean;
}) {
  const levels = percents.map((percent) => `${percent} %`).join(" or ");

  return (
    <>
      Change of the predicted total REE when every oxide value gets random noise with an sd of{" "}
      {levels} of the value, as from measurement error; one change per sample and ensemble member.
      The curve is the fitted normal distribution, whose sd is the typical change in {unit}. A
      narrow histogram centred on 0 means predictions that are robust to that error.
      {compared
        ? " All histograms share both axes, so a narrower one means a model kind that is less sensitive to noise."
        : " The histograms share both axes."}
    </>
  );
}
