import { type OxideFormula, parseOxideFormula } from "./parseOxideFormula.js";

/**
 * The oxide each element's mass content is converted to by default. Majors follow XRF
 * reporting: iron as Fe2O3 (total iron, since ICP-MS and XRF measure all iron without
 * telling Fe2+ from Fe3+) and sulfur as SO3. Every rare earth element is R2O3, its usual
 * oxidation state. Trace elements take their common reporting oxide. Their choice matters
 * little: for an element at 1000 ppm with Ar near 100, moving from EO to E2O3 changes the
 * total oxide moles of an ash (about 16 mol/kg) by an estimated 0.03 %.
 */
export const DEFAULT_OXIDE_FORMULAS: Readonly<Record<string, string>> = {
  Si: "SiO2",
  Al: "Al2O3",
  Ca: "CaO",
  Fe: "Fe2O3",
  Mg: "MgO",
  Na: "Na2O",
  K: "K2O",
  Ti: "TiO2",
  P: "P2O5",
  Mn: "MnO",
  S: "SO3",
  La: "La2O3",
  Ce: "Ce2O3",
  Pr: "Pr2O3",
  Nd: "Nd2O3",
  Sm: "Sm2O3",
  Eu: "Eu2O3",
  Gd: "Gd2O3",
  Tb: "Tb2O3",
  Dy: "Dy2O3",
  Ho: "Ho2O3",
  Er: "Er2O3",
  Tm: "Tm2O3",
  Yb: "Yb2O3",
  Lu: "Lu2O3",
  Y: "Y2O3",
  Sc: "Sc2O3",
  Li: "Li2O",
  Be: "BeO",
  B: "B2O3",
  V: "V2O5",
  Cr: "Cr2O3",
  Co: "CoO",
  Ni: "NiO",
  Cu: "CuO",
  Zn: "ZnO",
  Ga: "Ga2O3",
  Ge: "GeO2",
  As: "As2O3",
  Se: "SeO2",
  Rb: "Rb2O",
  Sr: "SrO",
  Zr: "ZrO2",
  Nb: "Nb2O5",
  Mo: "MoO3",
  Ag: "Ag2O",
  Cd: "CdO",
  In: "In2O3",
  Sn: "SnO2",
  Sb: "Sb2O3",
  Te: "TeO2",
  Cs: "Cs2O",
  Ba: "BaO",
  Hf: "HfO2",
  Ta: "Ta2O5",
  W: "WO3",
  Hg: "HgO",
  Tl: "Tl2O",
  Pb: "PbO",
  Bi: "Bi2O3",
  Th: "ThO2",
  U: "UO2",
};

/**
 * The ten major oxides that the study uses as candidate features, in mol %: more than 98 % of
 * the oxides of each sample, and all measurable by XRF.
 */
export const MAJOR_OXIDES = [
  "SiO2", "Al2O3", "CaO", "Fe2O3", "MgO", "Na2O", "K2O", "TiO2", "P2O5", "MnO",
] as const; // prettier-ignore

/** Other oxides of rare earth elements that labs report, offered as choices in place of R2O3. */
export const REE_OXIDE_ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  Ce: ["CeO2"],
  Pr: ["Pr6O11"],
  Tb: ["Tb4O7"],
  Eu: ["EuO"],
};

/**
 * The REE oxides named in the released tables of Y. Song et al., Mater. Horiz. 11 (2024)
 * 1448: Ce as CeO2 and Eu as EuO, the others as R2O3. Pass it as `oxideFormulas` to produce
 * columns comparable with data/song2024_*.csv.
 */
export const SONG2024_OXIDE_FORMULAS: Readonly<Record<string, string>> = {
  Ce: "CeO2",
  Eu: "EuO",
};

/**
 * Resolves the oxide formula an element converts to: `overrides[element]` when given, else
 * DEFAULT_OXIDE_FORMULAS.
 * @throws RangeError for an element without a formula, or an override of another element.
 */
export function resolveOxideFormula(
  element: string,
  overrides: Readonly<Record<string, string>> = {},
): OxideFormula {
  const table = Object.hasOwn(overrides, element) ? overrides : DEFAULT_OXIDE_FORMULAS;
  const text = Object.hasOwn(table, element) ? table[element] : undefined;
  if (text === undefined) {
    throw new RangeError(
      `element "${element}" has no default oxide formula: ` +
        `pass one in oxideFormulas, e.g. { ${element}: "${element}O" }`,
    );
  }

  const formula = parseOxideFormula(text);
  if (formula.element !== element) {
    throw new RangeError(
      `oxideFormulas.${element} is "${text}", an oxide of ${formula.element}: ` +
        `give an oxide of ${element} such as "${DEFAULT_OXIDE_FORMULAS[element] ?? `${element}O`}"`,
    );
  }

  return formula;
}
