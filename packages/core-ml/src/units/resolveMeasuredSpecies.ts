import { ATOMIC_WEIGHTS, atomicWeight } from "./atomicWeights.js";
import { oxideMolarMass } from "./oxideMolarMass.js";
import { readOxideFormula } from "./parseOxideFormula.js";
import { TOTAL_IRON_FORMULAS } from "./totalIron.js";

/** Analyte of a mass content: an element alone or one of its oxides. */
export interface MeasuredSpecies {
  element: string;
  /** Atoms of the element per formula unit of the analyte (1 for the element). */
  elementAtoms: number;
  /** Molar mass of the analyte in g/mol. */
  molarMass: number;
}

/**
 * Resolves a quantity name to the analyte of its mass content: an element symbol
 * ("La"), an oxide formula ("La2O3", "CeO2") or a total-iron name ("Fe2O3T", "FeOT").
 * @throws RangeError for a name that matches none of these.
 */
export function resolveMeasuredSpecies(
  quantity: string,
  atomicWeights: Readonly<Record<string, number>> = {},
): MeasuredSpecies {
  if (Object.hasOwn(ATOMIC_WEIGHTS, quantity) || Object.hasOwn(atomicWeights, quantity)) {
    return { element: quantity, elementAtoms: 1, molarMass: atomicWeight(quantity, atomicWeights) };
  }

  const totalIron = Object.hasOwn(TOTAL_IRON_FORMULAS, quantity)
    ? TOTAL_IRON_FORMULAS[quantity]
    : undefined;
  const formula = readOxideFormula(totalIron ?? quantity);
  if (formula === undefined) {
    throw new RangeError(
      `quantity "${quantity}" is not an element symbol, an oxide formula or a total-iron name ` +
        `(Fe2O3T, FeOT): check its capitalisation, e.g. "La", "La2O3"`,
    );
  }

  return {
    element: formula.element,
    elementAtoms: formula.elementAtoms,
    molarMass: oxideMolarMass(formula, { atomicWeights }),
  };
}
