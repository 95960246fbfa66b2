import type { ShapResult } from "@ree/schema/documents";

import { formatQuantity } from "../lib/format";
import { ShapBeeswarm } from "./charts/ShapBeeswarm";
import { ShapImportance } from "./charts/ShapImportance";

export interface ShapFiguresProps {
  shap: ShapResult;
  /** Unit of the predictions and SHAP values. */
  unit: string;
  /** Name of the model kind, for the charts' accessible names. */
  modelLabel: string;
}

const METHOD_LABELS: Record<string, string> = {
  exact: "exact Shapley values over all feature coalitions",
  permutation: "Shapley values estimated from sampled feature permutations",
};

/** SHAP importance bars and the SHAP beeswarm of one model kind, with captions. */
export function ShapFigures({ shap, unit, modelLabel }: ShapFiguresProps) {
  const expected = Number.isFinite(shap.expectedValue)
    ? `${formatQuantity(shap.expectedValue, unit)} ${unit}`
    : "an undefined value";

  return (
    <>
      <figure>
        <ShapImportance
          features={shap.features}
          importance={shap.importance}
          ariaLabel={`SHAP importance per oxide, ${modelLabel}`}
        />
        <figcaption>
          How much each oxide moves the predicted total REE on average, relative to the oxide that
          moves it most (1.00). The bars rank the oxides but give no direction; the beeswarm below
          shows it.
        </figcaption>
      </figure>
      <figure>
        <ShapBeeswarm
          features={shap.features}
          importance={shap.importance}
          samples={shap.samples}
          expectedValue={shap.expectedValue}
          unit={unit}
          ariaLabel={
            `SHAP beeswarm, ${modelLabel}: one point per sample and oxide, ` +
            `base value ${expected}`
          }
        />
        <figcaption>
          One point per sample in each oxide&apos;s row. A point right of the dashed line means that
          oxide raises the sample&apos;s predicted total REE above the base value of {expected}, the
          mean prediction over all samples; a point left of it lowers the prediction. The colour is
          the sample&apos;s content of that oxide: when the light (high) points sit on the right,
          more of the oxide goes with more REE in this model. Method:{" "}
          {METHOD_LABELS[shap.method] ?? shap.method}, averaged over the ensemble members.
        </figcaption>
      </figure>
    </>
  );
}
