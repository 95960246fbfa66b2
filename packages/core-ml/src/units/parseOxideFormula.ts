/** An oxide E_aO_b of one element E, such as Al2O3 (a = 2, b = 3). */
export interface OxideFormula {
  /** Symbol of the element combined with oxygen, e.g. "Al". */
  element: string;
  /** Atoms of the element per formula unit (a). */
  elementAtoms: number;
  /** Atoms of oxygen per formula unit (b). */
  oxygenAtoms: number;
}

const OXIDE_PATTERN = /^([A-Z][a-z]?)(\d*)O(\d*)$/;

/**
 * Parses a formula such as "SiO2", "Al2O3", "FeO" or "Pr6O11". Symbols are case-sensitive,
 * and an omitted count means 1.
 * @throws RangeError for text that is not E_aO_b with positive counts.
 */
export function parseOxideFormula(formula: string): OxideFormula {
  const parsed = readOxideFormula(formula);
  if (parsed === undefined) {
    throw new RangeError(
      `"${formula}" is not an oxide formula: write one element and oxygen with positive ` +
        `counts and standard capitalisation, e.g. "Al2O3" or "Pr6O11"`,
    );
  }

  return parsed;
}

/** Parses like parseOxideFormula but returns undefined for text that is not an oxide formula. */
export function readOxideFormula(formula: string): OxideFormula | undefined {
  const [, element, elementCount, oxygenCount] = OXIDE_PATTERN.exec(formula) ?? [];
  const elementAtoms = elementCount ? Number(elementCount) : 1;
  const oxygenAtoms = oxygenCount ? Number(oxygenCount) : 1;
  if (element === undefined || element === "O" || elementAtoms === 0 || oxygenAtoms === 0) {
    return undefined;
  }

  return { element, elementAtoms, oxygenAtoms };
}

/** Writes a formula in standard notation, omitting counts of 1 ("FeO", "Fe2O3"). */
export function formatOxideFormula({ element, elementAtoms, oxygenAtoms }: OxideFormula): string {
  const count = (atoms: number): string => (atoms === 1 ? "" : String(atoms));

  return `${element}${count(elementAtoms)}O${count(oxygenAtoms)}`;
}
