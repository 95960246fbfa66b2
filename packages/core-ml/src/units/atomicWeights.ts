/**
 * Standard atomic weights in g/mol, from the IUPAC CIAAW table of 2021 abridged to five
 * significant figures: T. Prohaska et al., "Standard atomic weights of the elements 2021
 * (IUPAC Technical Report)", Pure Appl. Chem. 94 (2022) 573-600, doi:10.1515/pac-2019-0603.
 *
 * Rounding to five figures changes a weight by at most 5e-5 relative. CIAAW gives an interval,
 * not one value, for H, Li, B, C, N, O, Mg, Si, S, Cl, Br, Tl and Pb, and for the first twelve
 * the abridged value used here equals CIAAW's conventional atomic weight (e.g. O 15.999 for
 * [15.99903, 15.99977]). Their natural spread reaches 6e-4 for S and 1 % for Li. All of these
 * are far under the few-percent uncertainty of ICP-MS and XRF contents.
 *
 * NOTE: Pb is taken as 207.2, the abridged value, but its interval [206.14, 207.94] means a
 * lead-rich sample may differ by up to 0.5 %. CIAAW revised Gd, Lu and Zr in 2024. Gd and Lu
 * still round to the values below, and Zr moved from 91.224 to 91.222.
 */
export const ATOMIC_WEIGHTS: Readonly<Record<string, number>> = {
  H: 1.008,
  Li: 6.94,
  Be: 9.0122,
  B: 10.81,
  C: 12.011,
  N: 14.007,
  O: 15.999,
  F: 18.998,
  Na: 22.99,
  Mg: 24.305,
  Al: 26.982,
  Si: 28.085,
  P: 30.974,
  S: 32.06,
  Cl: 35.45,
  K: 39.098,
  Ca: 40.078,
  Sc: 44.956,
  Ti: 47.867,
  V: 50.942,
  Cr: 51.996,
  Mn: 54.938,
  Fe: 55.845,
  Co: 58.933,
  Ni: 58.693,
  Cu: 63.546,
  Zn: 65.38,
  Ga: 69.723,
  Ge: 72.63,
  As: 74.922,
  Se: 78.971,
  Br: 79.904,
  Rb: 85.468,
  Sr: 87.62,
  Y: 88.906,
  Zr: 91.224,
  Nb: 92.906,
  Mo: 95.95,
  Ag: 107.87,
  Cd: 112.41,
  In: 114.82,
  Sn: 118.71,
  Sb: 121.76,
  Te: 127.6,
  Cs: 132.91,
  Ba: 137.33,
  La: 138.91,
  Ce: 140.12,
  Pr: 140.91,
  Nd: 144.24,
  Sm: 150.36,
  Eu: 151.96,
  Gd: 157.25,
  Tb: 158.93,
  Dy: 162.5,
  Ho: 164.93,
  Er: 167.26,
  Tm: 168.93,
  Yb: 173.05,
  Lu: 174.97,
  Hf: 178.49,
  Ta: 180.95,
  W: 183.84,
  Hg: 200.59,
  Tl: 204.38,
  Pb: 207.2,
  Bi: 208.98,
  Th: 232.04,
  U: 238.03,
};

/**
 * Looks up the atomic weight of an element in g/mol, first in `overrides`, then in
 * ATOMIC_WEIGHTS. Symbols are case-sensitive ("Co" is cobalt, "CO" is not a symbol).
 * @throws RangeError for a symbol in neither table, or an override that is not positive.
 */
export function atomicWeight(
  symbol: string,
  overrides: Readonly<Record<string, number>> = {},
): number {
  const table = Object.hasOwn(overrides, symbol) ? overrides : ATOMIC_WEIGHTS;
  const weight = Object.hasOwn(table, symbol) ? table[symbol] : undefined;
  if (weight === undefined) {
    throw new RangeError(
      `element "${symbol}" has no atomic weight: check the symbol's capitalisation ` +
        `or pass its weight in g/mol in atomicWeights`,
    );
  }

  if (!(Number.isFinite(weight) && weight > 0)) {
    throw new RangeError(`atomicWeights.${symbol} must be a positive number, got ${weight}`);
  }

  return weight;
}
