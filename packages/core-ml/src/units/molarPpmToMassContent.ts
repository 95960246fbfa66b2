import { assertContent } from "./assertContent.js";
import {
  assertTotalOxideMoles,
  type MassContentToMolarPpmOptions,
} from "./massContentToMolarPpm.js";
import { oxideMolesToMass } from "./oxideMolesToMass.js";

export interface MolarPpmToMassContentInput {
  /** Moles of the element's oxide per million moles of all oxides of the sample. */
  molarPpm: number;
  /** Analyte of the returned content: an element ("La") or one of its oxides ("La2O3"). */
  quantity: string;
  /** Moles of all oxides of the sample per kilogram, REE oxides included. */
  totalOxideMolesPerKg: number;
}

/**
 * Converts molar ppm back into a mass content in `options.unit`; the inverse of
 * massContentToMolarPpm with the same options and total.
 * @throws RangeError for a total that is not positive, or an invalid value or quantity.
 */
export function molarPpmToMassContent(
  input: MolarPpmToMassContentInput,
  options: MassContentToMolarPpmOptions = {},
): number {
  const { molarPpm, quantity, totalOxideMolesPerKg } = input;
  assertContent(molarPpm, `molar ppm of ${quantity}`);
  assertTotalOxideMoles(totalOxideMolesPerKg);

  return oxideMolesToMass((molarPpm * totalOxideMolesPerKg) / 1e6, quantity, options);
}
