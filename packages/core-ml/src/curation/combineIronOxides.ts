import { type ChemistryOptions } from "../units/ChemistryOptions.js";
import { MASS_FRACTION_PER_UNIT } from "../units/massUnits.js";
import { parseOxideFormula } from "../units/parseOxideFormula.js";
import { oxideMolarMass } from "../units/oxideMolarMass.js";
import { resolveMeasuredSpecies } from "../units/resolveMeasuredSpecies.js";
import { type MassComponent } from "./MassComponent.js";

/**
 * Policy for a sample that reports iron in more than one form:
 * - "reject": raise an error, so that the user picks one of the others.
 * - "sum": convert FeO and Fe2O3 to the equivalent of `ironAs` and add them (Fe2O3T =
 *   Fe2O3 + 1.1113 FeO). Rejected when a total-iron form is also given, which would count
 *   iron twice.
 * - "preferTotal": keep the total-iron form (Fe, Fe2O3T or FeOT) and drop FeO and Fe2O3;
 *   where no total is given, sum as "sum" does.
 */
export type IronPolicy = "reject" | "sum" | "preferTotal";

export interface CombineIronOxidesOptions extends Pick<ChemistryOptions, "atomicWeights"> {
  /**
   * Policy for a sample with more than one iron form.
   * @default "reject"
   */
  policy?: IronPolicy;
  /**
   * Oxide that the combined total iron is expressed as and named by.
   * @default "Fe2O3"
   */
  ironAs?: string;
  /**
   * Sample name quoted in error messages.
   * @default undefined
   */
  sample?: string;
}

/** Result of combining the iron forms of one sample. */
export interface IronCombination {
  /** The quantity of the combined component, e.g. "Fe2O3", standing for total iron. */
  quantity: string;
  /** Iron forms that went into it. */
  sources: string[];
  /** Iron forms left out under "preferTotal". */
  dropped: string[];
}

export interface CombinedIron {
  components: MassComponent[];
  /** Undefined when the sample reports no iron. */
  iron?: IronCombination;
}

const TOTAL_IRON_QUANTITIES = new Set(["Fe", "Fe2O3T", "FeOT"]);

/**
 * Replaces every iron form of a sample (Fe, FeO, Fe2O3, Fe2O3T, FeOT) by one component of
 * total iron expressed as `ironAs`, in the unit of the first iron component. A single iron
 * form is read as the total iron, because XRF and ICP-MS report all iron in one form.
 * NOTE: a table that gives only FeO from titration, with ferric iron not reported, is also read
 * as total iron, which understates it.
 * Conversion goes through moles of Fe: w(ironAs) = w(form) / M(form) * a(form) / a(ironAs)
 * * M(ironAs).
 * @throws RangeError when forms conflict under the policy; the message names the fix.
 */
export function combineIronOxides(
  components: readonly MassComponent[],
  options: CombineIronOxidesOptions = {},
): CombinedIron {
  const { policy = "reject", ironAs = "Fe2O3", sample, atomicWeights = {} } = options;
  const target = parseOxideFormula(ironAs);
  if (target.element !== "Fe") {
    throw new RangeError(`ironAs must be an iron oxide such as "Fe2O3" or "FeO", got "${ironAs}"`);
  }

  const isIron = (component: MassComponent): boolean =>
    resolveMeasuredSpecies(component.quantity, atomicWeights).element === "Fe";
  const iron = components.filter(isIron);
  const first = iron[0];
  if (first === undefined) {
    return { components: [...components] };
  }

  const where = sample === undefined ? "" : `sample "${sample}": `;
  const selected = selectIronForms(iron, policy, where);
  const targetMassPerFe = oxideMolarMass(target, { atomicWeights }) / target.elementAtoms;
  let massFraction = 0;
  for (const { quantity, value, unit } of selected) {
    const species = resolveMeasuredSpecies(quantity, atomicWeights);
    const feMoles =
      (value * MASS_FRACTION_PER_UNIT[unit] * species.elementAtoms) / species.molarMass;
    massFraction += feMoles * targetMassPerFe;
  }

  const combined = {
    quantity: ironAs,
    value: massFraction / MASS_FRACTION_PER_UNIT[first.unit],
    unit: first.unit,
  };
  const index = components.indexOf(first);

  return {
    components: [
      ...components.slice(0, index),
      combined,
      ...components.slice(index + 1).filter((component) => !isIron(component)),
    ],
    iron: {
      quantity: ironAs,
      sources: selected.map((component) => component.quantity),
      dropped: iron
        .filter((component) => !selected.includes(component))
        .map((component) => component.quantity),
    },
  };
}

function selectIronForms(
  iron: readonly MassComponent[],
  policy: IronPolicy,
  where: string,
): readonly MassComponent[] {
  if (iron.length === 1) {
    return iron;
  }

  const forms = iron
    .map(({ quantity, value, unit }) => `${quantity} = ${value} ${unit}`)
    .join(", ");
  const totals = iron.filter((component) => TOTAL_IRON_QUANTITIES.has(component.quantity));
  const parts = iron.filter((component) => !TOTAL_IRON_QUANTITIES.has(component.quantity));
  if (totals.length > 1) {
    throw new RangeError(`${where}total iron is given more than once (${forms}): keep one of them`);
  }

  switch (policy) {
    case "reject":
      throw new RangeError(
        `${where}iron is given in more than one form (${forms}): choose iron policy "sum" ` +
          `to add FeO and Fe2O3 as total iron, or "preferTotal" to keep only the total`,
      );
    case "sum":
      if (totals.length > 0) {
        throw new RangeError(
          `${where}iron policy "sum" would count iron twice because a total is given ` +
            `(${forms}): choose "preferTotal"`,
        );
      }

      return parts;
    case "preferTotal":
      return totals.length > 0 ? totals : parts;
    default:
      throw new RangeError(
        `iron policy must be "reject", "sum" or "preferTotal", got "${String(policy)}"`,
      );
  }
}
