import type { FeatureEffect } from "@ree/schema/documents";

import { FeatureEffects } from "./charts/FeatureEffects";

export interface FeatureEffectsFigureProps {
  effects: readonly FeatureEffect[];
  /** Unit of the predictions. */
  unit: string;
  /** Name of the model kind, for the chart's accessible name. */
  modelLabel: string;
}

/** Feature-effect panels of one model kind, with a caption. */
export function FeatureEffectsFigure({ effects, unit, modelLabel }: FeatureEffectsFigureProps) {
  return (
    <figure>
      <FeatureEffects
        effects={effects}
        unit={unit}
        ariaLabel={`Feature effects, ${modelLabel}: predicted total REE along each oxide`}
      />
      <figcaption>
        Predicted total REE as one oxide varies from its 20th to its 80th percentile in the data set
        while the other oxides stay at their medians. The line is the mean over the ensemble members
        and the band ±1 sd between them: where the band is wide compared with the rise or fall of
        the line, the members disagree about the trend. All panels share the y axis, so a steeper
        curve means a stronger effect of that oxide.
      </figcaption>
    </figure>
  );
}
