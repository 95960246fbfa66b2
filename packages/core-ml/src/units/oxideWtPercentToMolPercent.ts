import { type ChemistryOptions } from "./ChemistryOptions.js";
import { readOxideComposition } from "./readOxideComposition.js";
import { renormaliseToPercent } from "./renormaliseToPercent.js";

export type OxideWtPercentToMolPercentOptions = Pick<ChemistryOptions, "atomicWeights">;

/**
 * Converts oxide contents in wt% into mol %, renormalised over the given oxides:
 * x_i = 100 * (w_i / M_i) / sum_j (w_j / M_j). Keys are oxide formulas, or Fe2O3T and FeOT,
 * and are kept. The input need not sum to 100, so remove LOI, SO3 or an analytical total
 * first with excludeComponents.
 * @throws RangeError for a key that is not an oxide, a negative content, contents summing to
 * zero, or total iron given together with another iron oxide.
 */
export function oxideWtPercentToMolPercent(
  wtPercent: Readonly<Record<string, number>>,
  options: OxideWtPercentToMolPercentOptions = {},
): Record<string, number> {
  const { atomicWeights = {} } = options;

  const entries = readOxideComposition(wtPercent, atomicWeights);
  const moles = entries.map(({ value, molarMass }) => value / molarMass);

  return renormaliseToPercent(
    entries.map(({ oxide }) => oxide),
    moles,
    "wt%",
  );
}
