import { assertContent } from "./assertContent.js";
import { assertMassUnit, MASS_FRACTION_PER_UNIT } from "./massUnits.js";
import { type MassToOxideMolesOptions } from "./massToOxideMoles.js";
import { resolveOxideFormula } from "./oxideFormulas.js";
import { resolveMeasuredSpecies } from "./resolveMeasuredSpecies.js";

export type OxideMolesToMassOptions = MassToOxideMolesOptions;

/**
 * Converts moles of an element's oxide per kilogram of sample back into the mass content of
 * `quantity`, the element or one of its oxides, in `unit`. It is the inverse of
 * massToOxideMoles with the same options.
 * @throws RangeError for negative or non-finite moles, an unknown unit or quantity.
 */
export function oxideMolesToMass(
  molesPerKg: number,
  quantity: string,
  options: OxideMolesToMassOptions = {},
): number {
  const { unit = "ppm", oxideFormulas = {}, atomicWeights = {} } = options;
  assertContent(molesPerKg, `moles of oxide of ${quantity}`);
  assertMassUnit(unit);

  const species = resolveMeasuredSpecies(quantity, atomicWeights);
  const target = resolveOxideFormula(species.element, oxideFormulas);
  const speciesMolesPerKg = (molesPerKg * target.elementAtoms) / species.elementAtoms;

  return (speciesMolesPerKg * species.molarMass) / 1000 / MASS_FRACTION_PER_UNIT[unit];
}
