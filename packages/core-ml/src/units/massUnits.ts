/** Units of mass content: mass of the analyte per mass of sample. */
export type MassUnit = "wt%" | "ppm" | "mg/kg" | "µg/g" | "ppb" | "ng/g";

/** Mass fraction (g/g) that one unit of each MassUnit stands for. */
export const MASS_FRACTION_PER_UNIT: Readonly<Record<MassUnit, number>> = {
  "wt%": 1e-2,
  ppm: 1e-6,
  "mg/kg": 1e-6,
  "µg/g": 1e-6,
  ppb: 1e-9,
  "ng/g": 1e-9,
};

/**
 * Checks at run time that a unit read from user input is a MassUnit.
 * @throws RangeError naming the accepted units.
 */
export function assertMassUnit(unit: string): asserts unit is MassUnit {
  if (!Object.hasOwn(MASS_FRACTION_PER_UNIT, unit)) {
    const units = Object.keys(MASS_FRACTION_PER_UNIT).join(", ");
    throw new RangeError(`unit must be one of ${units}, got "${unit}"`);
  }
}
