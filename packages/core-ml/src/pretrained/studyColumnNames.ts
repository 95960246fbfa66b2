import { TOTAL_REE_COLUMN } from "../table/columnUnits.js";

/**
 * Product column of each feature name that the study's model exports use: the
 * ten major oxides of the product's tables, in molar percent.
 */
export const STUDY_FEATURE_COLUMNS: Readonly<Record<string, string>> = {
  SiO2: "SiO2_mol_pct",
  Al2O3: "Al2O3_mol_pct",
  CaO: "CaO_mol_pct",
  Fe2O3: "Fe2O3_mol_pct",
  MgO: "MgO_mol_pct",
  Na2O: "Na2O_mol_pct",
  K2O: "K2O_mol_pct",
  TiO2: "TiO2_mol_pct",
  P2O5: "P2O5_mol_pct",
  MnO: "MnO_mol_pct",
};

/**
 * Product column of each target name in the exports: the total and the 16 REE
 * oxide species as the study writes them (Ce as CeO2, Eu as EuO, the others as
 * R2O3), in molar ppm.
 */
export const STUDY_TARGET_COLUMNS: Readonly<Record<string, string>> = {
  REE_total: TOTAL_REE_COLUMN,
  La2O3: "La2O3_ppm_mol",
  CeO2: "CeO2_ppm_mol",
  Pr2O3: "Pr2O3_ppm_mol",
  Nd2O3: "Nd2O3_ppm_mol",
  Sm2O3: "Sm2O3_ppm_mol",
  EuO: "EuO_ppm_mol",
  Gd2O3: "Gd2O3_ppm_mol",
  Tb2O3: "Tb2O3_ppm_mol",
  Dy2O3: "Dy2O3_ppm_mol",
  Ho2O3: "Ho2O3_ppm_mol",
  Er2O3: "Er2O3_ppm_mol",
  Tm2O3: "Tm2O3_ppm_mol",
  Yb2O3: "Yb2O3_ppm_mol",
  Lu2O3: "Lu2O3_ppm_mol",
  Y2O3: "Y2O3_ppm_mol",
  Sc2O3: "Sc2O3_ppm_mol",
};

/** Product unit, as in UNIT_SUFFIXES, of each `feature_unit` value the exports may contain. */
export const STUDY_FEATURE_UNITS: Readonly<Record<string, string>> = {
  "mol %": "mol %",
};

/** Product unit, as in UNIT_SUFFIXES, of each `target_unit` value the exports may contain. */
export const STUDY_TARGET_UNITS: Readonly<Record<string, string>> = {
  "ppm by moles (oxide species)": "ppm (molar)",
};
