/**
 * Names of total-iron quantities and the oxide each is expressed as: all iron of the sample,
 * Fe2+ and Fe3+ together, written as if it were all Fe2O3 (Fe2O3T) or all FeO (FeOT).
 */
export const TOTAL_IRON_FORMULAS: Readonly<Record<string, string>> = {
  Fe2O3T: "Fe2O3",
  FeOT: "FeO",
};
