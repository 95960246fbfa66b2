/** Choices of chemistry shared by the conversions between mass contents and oxide moles. */
export interface ChemistryOptions {
  /**
   * Oxide formula per element symbol, replacing DEFAULT_OXIDE_FORMULAS for the elements it
   * names, e.g. `{ Ce: "CeO2" }` or SONG2024_OXIDE_FORMULAS.
   * @default {}
   */
  oxideFormulas?: Readonly<Record<string, string>>;
  /**
   * Atomic weights in g/mol that replace ATOMIC_WEIGHTS for the elements they name.
   * @default {}
   */
  atomicWeights?: Readonly<Record<string, number>>;
}
