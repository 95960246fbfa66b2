import { assertContent } from "./assertContent.js";
import { ATOMIC_WEIGHTS } from "./atomicWeights.js";
import { resolveMeasuredSpecies } from "./resolveMeasuredSpecies.js";
import { TOTAL_IRON_FORMULAS } from "./totalIron.js";

export interface OxideEntry {
  /** The key as given: an oxide formula, "Fe2O3T" or "FeOT". */
  oxide: string;
  element: string;
  /** g/mol; total iron takes the molar mass of the oxide it is expressed as. */
  molarMass: number;
  value: number;
}

/**
 * Validates a composition keyed by oxide and attaches each oxide's molar mass.
 * @throws RangeError for an empty composition, a key that is not an oxide, a negative value,
 * or total iron given together with another iron oxide.
 */
export function readOxideComposition(
  composition: Readonly<Record<string, number>>,
  atomicWeights: Readonly<Record<string, number>>,
): OxideEntry[] {
  const entries = Object.entries(composition).map(([oxide, value]) => {
    if (Object.hasOwn(ATOMIC_WEIGHTS, oxide)) {
      throw new RangeError(
        `"${oxide}" is an element, not an oxide: convert element contents with ` +
          `massToOxideMoles or tableToMolarFractions`,
      );
    }

    assertContent(value, `content of ${oxide}`);
    const { element, molarMass } = resolveMeasuredSpecies(oxide, atomicWeights);

    return { oxide, element, molarMass, value };
  });
  if (entries.length === 0) {
    throw new RangeError("the composition is empty: give at least one oxide");
  }

  const ironNames = entries.filter((entry) => entry.element === "Fe").map((entry) => entry.oxide);
  const totalIron = ironNames.find((name) => Object.hasOwn(TOTAL_IRON_FORMULAS, name));
  if (totalIron !== undefined && ironNames.length > 1) {
    throw new RangeError(
      `total iron "${totalIron}" is given together with ${quoteList(ironNames, totalIron)}: ` +
        `merge the iron oxides into one with combineIronOxides first`,
    );
  }

  return entries;
}

function quoteList(names: readonly string[], except: string): string {
  return names
    .filter((name) => name !== except)
    .map((name) => `"${name}"`)
    .join(", ");
}
