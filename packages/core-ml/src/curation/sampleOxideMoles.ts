import { type ChemistryOptions } from "../units/ChemistryOptions.js";
import { massToOxideMoles } from "../units/massToOxideMoles.js";
import { resolveOxideFormula } from "../units/oxideFormulas.js";
import { formatOxideFormula } from "../units/parseOxideFormula.js";
import { resolveMeasuredSpecies } from "../units/resolveMeasuredSpecies.js";
import {
  combineIronOxides,
  type CombineIronOxidesOptions,
  type IronCombination,
} from "./combineIronOxides.js";
import { type MassComponent } from "./MassComponent.js";

export interface SampleOxideMolesOptions extends ChemistryOptions {
  /**
   * Policy for a sample that reports iron in more than one form; see IronPolicy.
   * @default "reject"
   */
  iron?: CombineIronOxidesOptions["policy"];
  /**
   * Oxide that total iron is expressed as; when oxideFormulas.Fe is also set, both must agree.
   * @default oxideFormulas.Fe, else "Fe2O3"
   */
  ironAs?: string;
  /**
   * Sample name quoted in error messages.
   * @default undefined
   */
  sample?: string;
}

export interface SampleOxideMoles {
  /** Moles of each oxide per kilogram of sample, keyed by oxide formula. */
  molesPerKg: Record<string, number>;
  /** Sum of molesPerKg: the reference total of molar fractions and molar ppm. */
  totalMolesPerKg: number;
  /** Undefined when the sample reports no iron. */
  iron?: IronCombination;
}

/**
 * Converts the mass contents of one sample into moles of oxide per kilogram, the first step
 * of the curation in Y. Song et al., Mater. Horiz. 11 (2024) 1448: element mass / molar mass
 * / atoms of the element per oxide formula unit. Iron forms are combined first.
 * @throws RangeError for an element given twice, conflicting iron forms or an invalid
 * component.
 */
export function sampleOxideMoles(
  components: readonly MassComponent[],
  options: SampleOxideMolesOptions = {},
): SampleOxideMoles {
  const { oxideFormulas = {}, atomicWeights = {}, iron, sample } = options;
  const { ironAs = oxideFormulas.Fe ?? "Fe2O3" } = options;
  const where = sample === undefined ? "" : `sample "${sample}": `;
  if (oxideFormulas.Fe !== undefined && oxideFormulas.Fe !== ironAs) {
    throw new RangeError(
      `ironAs is "${ironAs}" but oxideFormulas.Fe is "${oxideFormulas.Fe}": set one of them`,
    );
  }

  const combined = combineIronOxides(components, { policy: iron, ironAs, sample, atomicWeights });
  const formulas = { ...oxideFormulas, Fe: ironAs };
  const molesPerKg: Record<string, number> = {};
  const sourceByElement = new Map<string, string>();
  for (const { quantity, value, unit } of combined.components) {
    const { element } = resolveMeasuredSpecies(quantity, atomicWeights);
    const earlier = sourceByElement.get(element);
    if (earlier !== undefined) {
      throw new RangeError(
        `${where}${element} is given twice, as "${earlier}" and "${quantity}": keep one of them`,
      );
    }

    sourceByElement.set(element, quantity);
    const oxide = formatOxideFormula(resolveOxideFormula(element, formulas));
    molesPerKg[oxide] = massToOxideMoles(value, quantity, {
      unit,
      oxideFormulas: formulas,
      atomicWeights,
    });
  }

  const totalMolesPerKg = Object.values(molesPerKg).reduce((total, moles) => total + moles, 0);

  return { molesPerKg, totalMolesPerKg, iron: combined.iron };
}
