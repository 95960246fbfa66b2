import { type OxideWtPercentToMolPercentOptions } from "./oxideWtPercentToMolPercent.js";
import { readOxideComposition } from "./readOxideComposition.js";
import { renormaliseToPercent } from "./renormaliseToPercent.js";

export type OxideMolPercentToWtPercentOptions = OxideWtPercentToMolPercentOptions;

/**
 * Converts oxide contents in mol % into wt%, renormalised over the given oxides:
 * w_i = 100 * x_i * M_i / sum_j (x_j * M_j); the inverse of oxideWtPercentToMolPercent.
 * @throws RangeError for a key that is not an oxide, a negative content, contents summing to
 * zero, or total iron given together with another iron oxide.
 */
export function oxideMolPercentToWtPercent(
  molPercent: Readonly<Record<string, number>>,
  options: OxideMolPercentToWtPercentOptions = {},
): Record<string, number> {
  const { atomicWeights = {} } = options;

  const entries = readOxideComposition(molPercent, atomicWeights);
  const masses = entries.map(({ value, molarMass }) => value * molarMass);

  return renormaliseToPercent(
    entries.map(({ oxide }) => oxide),
    masses,
    "mol %",
  );
}
