import { atomicWeight } from "./atomicWeights.js";
import { type OxideFormula, parseOxideFormula } from "./parseOxideFormula.js";

export interface OxideMolarMassOptions {
  /**
   * Atomic weights in g/mol that replace ATOMIC_WEIGHTS for the elements they name.
   * @default {}
   */
  atomicWeights?: Readonly<Record<string, number>>;
}

/**
 * Computes the molar mass of an oxide E_aO_b in g/mol as a * Ar(E) + b * Ar(O), e.g.
 * Al2O3 = 2 * 26.982 + 3 * 15.999 = 101.961.
 * @throws RangeError for an invalid formula or an element without an atomic weight.
 */
export function oxideMolarMass(
  formula: string | OxideFormula,
  options: OxideMolarMassOptions = {},
): number {
  const { atomicWeights = {} } = options;

  const { element, elementAtoms, oxygenAtoms } =
    typeof formula === "string" ? parseOxideFormula(formula) : formula;

  return (
    elementAtoms * atomicWeight(element, atomicWeights) +
    oxygenAtoms * atomicWeight("O", atomicWeights)
  );
}
