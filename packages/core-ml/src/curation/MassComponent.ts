import { type MassUnit } from "../units/massUnits.js";

/** One measured mass content of a sample. */
export interface MassComponent {
  /** Analyte: an element ("La"), an oxide ("Al2O3") or total iron ("Fe2O3T", "FeOT"). */
  quantity: string;
  value: number;
  unit: MassUnit;
}
