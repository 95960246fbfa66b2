import { massToOxideMoles, type MassToOxideMolesOptions } from "./massToOxideMoles.js";

export interface MassContentToMolarPpmInput {
  /** Mass content of `quantity` in `options.unit`. */
  content: number;
  /** Analyte whose mass the content gives: an element ("La") or one of its oxides ("La2O3"). */
  quantity: string;
  /**
   * Moles of all oxides of the sample per kilogram, REE oxides included, on the same basis
   * (ash or whole coal) as `content`. sampleOxideMoles returns it as totalMolesPerKg.
   */
  totalOxideMolesPerKg: number;
}

export type MassContentToMolarPpmOptions = MassToOxideMolesOptions;

/**
 * Converts a mass content into molar ppm: moles of the element's oxide per million moles of
 * all oxides of the sample, 1e6 * n(oxide) / n(all oxides). This is the reference of the
 * molar REE contents in Y. Song et al., Mater. Horiz. 11 (2024) 1448, whose curation
 * renormalises the oxide moles of each sample to sum to 1.
 * @throws RangeError for a total that is not positive, or an invalid content or quantity.
 */
export function massContentToMolarPpm(
  input: MassContentToMolarPpmInput,
  options: MassContentToMolarPpmOptions = {},
): number {
  const { content, quantity, totalOxideMolesPerKg } = input;
  assertTotalOxideMoles(totalOxideMolesPerKg);

  return (1e6 * massToOxideMoles(content, quantity, options)) / totalOxideMolesPerKg;
}

/** @throws RangeError unless the total is a positive finite number. */
export function assertTotalOxideMoles(totalOxideMolesPerKg: number): void {
  if (!(Number.isFinite(totalOxideMolesPerKg) && totalOxideMolesPerKg > 0)) {
    throw new RangeError(
      `totalOxideMolesPerKg must be a positive number of moles of oxides per kg of sample, ` +
        `got ${totalOxideMolesPerKg}`,
    );
  }
}
