export type ColumnRole = "FEATURE" | "TARGET";

/** Header suffixes that declare a numeric column, and the unit each one means. */
export const UNIT_SUFFIXES: Readonly<Record<string, string>> = {
  mol_pct: "mol %",
  ppm_mol: "ppm (molar)",
};

/**
 * Element symbols of the rare earth elements as the study counts them: the
 * lanthanides without Pm (absent in nature), plus Y and Sc.
 */
export const REE_SYMBOLS = [
  "La", "Ce", "Pr", "Nd", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Y", "Sc",
] as const; // prettier-ignore

/** Name of the column that contains the sum of the 16 REE contents. */
export const TOTAL_REE_COLUMN = "REE_total_ppm_mol";

export interface ColumnUnit {
  /** The header without its unit suffix, e.g. "SiO2" or "La2O3". */
  quantity: string;
  unit: string;
  role: ColumnRole;
}

/**
 * Reads the unit and role from a header such as "SiO2_mol_pct" or
 * "La2O3_ppm_mol"; returns undefined for a text (metadata) column.
 */
export function parseColumnUnit(header: string): ColumnUnit | undefined {
  for (const [suffix, unit] of Object.entries(UNIT_SUFFIXES)) {
    if (header.endsWith(`_${suffix}`)) {
      const quantity = header.slice(0, -(suffix.length + 1));

      return { quantity, unit, role: isReeQuantity(quantity) ? "TARGET" : "FEATURE" };
    }
  }

  return undefined;
}

function isReeQuantity(quantity: string): boolean {
  if (quantity === "REE_total") {
    return true;
  }

  const element = /^([A-Z][a-z]?)\d*O?\d*$/.exec(quantity)?.[1];

  return element !== undefined && (REE_SYMBOLS as readonly string[]).includes(element);
}
