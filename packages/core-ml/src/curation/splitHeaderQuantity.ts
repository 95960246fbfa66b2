import { ATOMIC_WEIGHTS } from "../units/atomicWeights.js";
import { DEFAULT_OXIDE_FORMULAS } from "../units/oxideFormulas.js";
import { readOxideFormula } from "../units/parseOxideFormula.js";

const TOTAL_IRON =
  /^(?:T|Σ)?(Fe2O3|FeO)(?:\s*\(\s*(?:T|t|tot|total)\s*\)|T|t|tot|\s+total|\*)?(?=$|[\s_([,])/;
const REE_TOTAL = /^(?:REE[_\s]?total|total[_\s]REE|TREE|ΣREE|TREY|REY)(?=$|[\s_([,])/i;
const LEADING_TOKEN = /^([A-Za-z][A-Za-z0-9]*)(.*)$/;
const CHEMICAL_NAMES = [...Object.keys(ATOMIC_WEIGHTS), ...Object.values(DEFAULT_OXIDE_FORMULAS)];

export interface SplitQuantity {
  /** The recognised quantity, or undefined when the header starts with none. */
  quantity?: string;
  /** The text after the quantity, which contains the unit if the header gives one. */
  rest: string;
  /** Text that starts the reason, e.g. how total iron or capitalisation was read. */
  note: string;
  /** true when the quantity was matched ignoring capitalisation. */
  guessed: boolean;
}

/**
 * Splits the leading quantity of a header from the unit text that follows it. It reads total
 * iron ("Fe2O3T", "TFe2O3", "Fe2O3 (T)"), the REE total, LOI, element symbols and oxide
 * formulas, and falls back to a case-insensitive match that it marks as guessed.
 */
export function splitHeaderQuantity(text: string): SplitQuantity {
  const iron = TOTAL_IRON.exec(text);
  if (iron !== null && iron[0] !== iron[1]) {
    const quantity = `${iron[1]}T`;
    const note = `"${iron[0]}" read as total iron expressed as ${iron[1]} (${quantity}); `;

    return { quantity, rest: text.slice(iron[0].length), note, guessed: false };
  }

  const ree = REE_TOTAL.exec(text);
  if (ree !== null) {
    return { quantity: "REE_total", rest: text.slice(ree[0].length), note: "", guessed: false };
  }

  const [, token = "", rest = ""] = LEADING_TOKEN.exec(text) ?? [];
  if (token.toUpperCase() === "LOI") {
    return { quantity: "LOI", rest, note: "loss on ignition; ", guessed: false };
  }

  if (isChemicalName(token)) {
    return { quantity: token, rest, note: "", guessed: false };
  }

  const match = CHEMICAL_NAMES.find((name) => name.toLowerCase() === token.toLowerCase());
  if (match !== undefined) {
    const note = `"${token}" matched ${match} ignoring capitalisation; `;

    return { quantity: match, rest, note, guessed: true };
  }

  return { rest, note: "", guessed: false };
}

/** Tests for an element symbol, or an oxide of an element that has a default oxide formula. */
function isChemicalName(token: string): boolean {
  if (Object.hasOwn(ATOMIC_WEIGHTS, token)) {
    return true;
  }

  const oxide = readOxideFormula(token);

  return oxide !== undefined && Object.hasOwn(DEFAULT_OXIDE_FORMULAS, oxide.element);
}
