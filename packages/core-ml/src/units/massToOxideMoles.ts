import { assertContent } from "./assertContent.js";
import { type ChemistryOptions } from "./ChemistryOptions.js";
import { assertMassUnit, MASS_FRACTION_PER_UNIT, type MassUnit } from "./massUnits.js";
import { resolveOxideFormula } from "./oxideFormulas.js";
import { resolveMeasuredSpecies } from "./resolveMeasuredSpecies.js";

export interface MassToOxideMolesOptions extends ChemistryOptions {
  /**
   * Unit of the content.
   * @default "ppm"
   */
  unit?: MassUnit;
}

/**
 * Converts a mass content into moles of the element's oxide per kilogram of sample. The
 * analyte `quantity` is an element ("La"), one of its oxides ("La2O3", "CeO2") or total
 * iron ("Fe2O3T"). The target oxide E_aO_b comes from `oxideFormulas`, so moles of oxide =
 * mass fraction * 1000 / M(quantity) * (atoms of E in quantity) / a. Example: 10 wt% Al gives
 * 0.1 * 1000 / 26.982 / 2 = 1.8531 mol Al2O3 per kg.
 * @throws RangeError for a negative or non-finite content, an unknown unit or quantity.
 */
export function massToOxideMoles(
  content: number,
  quantity: string,
  options: MassToOxideMolesOptions = {},
): number {
  const { unit = "ppm", oxideFormulas = {}, atomicWeights = {} } = options;
  assertContent(content, `content of ${quantity}`);
  assertMassUnit(unit);

  const species = resolveMeasuredSpecies(quantity, atomicWeights);
  const target = resolveOxideFormula(species.element, oxideFormulas);
  const elementMolesPerKg =
    ((content * MASS_FRACTION_PER_UNIT[unit] * 1000) / species.molarMass) * species.elementAtoms;

  return elementMolesPerKg / target.elementAtoms;
}
