import { REE_SYMBOLS } from "../table/columnUnits.js";
import { ATOMIC_WEIGHTS } from "../units/atomicWeights.js";
import { MAJOR_OXIDES } from "../units/oxideFormulas.js";
import { readOxideFormula } from "../units/parseOxideFormula.js";
import { TOTAL_IRON_FORMULAS } from "../units/totalIron.js";
import {
  ASH_YIELD_ALIASES,
  type ContentUnit,
  METADATA_ALIASES,
  type MetadataField,
  TOTAL_ALIASES,
  UNIT_ALIASES,
  WEAK_METADATA_ALIASES,
} from "./headerAliases.js";
import { splitHeaderQuantity } from "./splitHeaderQuantity.js";

export type Confidence = "high" | "medium" | "low";

/** FEATURE: a major oxide or its element. TARGET: an REE or the REE total. OTHER: the rest. */
export type QuantityRole = "FEATURE" | "TARGET" | "OTHER";

interface ProposalBase {
  /** The header as written in the file. */
  header: string;
  confidence: Confidence;
  /** Explanation of the reading, for the user to check. */
  reason: string;
}

/** A proposed reading of one header, for a user to confirm or override. */
export type HeaderProposal =
  | (ProposalBase & {
      kind: "quantity";
      /** Element ("La"), oxide ("SiO2"), "Fe2O3T", "FeOT", "LOI" or "REE_total". */
      quantity: string;
      unit: ContentUnit;
      role: QuantityRole;
    })
  | (ProposalBase & { kind: "metadata"; field: MetadataField })
  | (ProposalBase & { kind: "ashYield"; unit: "wt%" })
  | (ProposalBase & { kind: "total" })
  | (ProposalBase & { kind: "unknown" });

const MAJOR_ELEMENTS = new Set(MAJOR_OXIDES.map((oxide) => readOxideFormula(oxide)?.element));

/**
 * Proposes what a column header means: a content with its quantity and unit ("SiO2 (wt.%)",
 * "La_ppm", "Y (µg/g)", "Fe2O3T"), a metadata field ("Sample ID", "Coal rank"), the ash
 * yield, an analytical total, or unknown. Confidence is high when the header names both
 * quantity and unit, medium when the unit is the usual one for that quantity but not written,
 * low when the reading is a guess, and `reason` explains the reading.
 */
export function recognizeHeader(header: string): HeaderProposal {
  const text = header.normalize("NFKC").replace(/\s+/g, " ").trim();
  const key = normaliseKey(text);

  const field = (Object.keys(METADATA_ALIASES) as MetadataField[]).find((name) =>
    METADATA_ALIASES[name].includes(key),
  );
  if (field !== undefined) {
    return {
      header,
      kind: "metadata",
      field,
      confidence: "high",
      reason: `"${key}" names ${field}`,
    };
  }

  const weakField = Object.hasOwn(WEAK_METADATA_ALIASES, key)
    ? WEAK_METADATA_ALIASES[key]
    : undefined;
  if (weakField !== undefined) {
    return {
      header,
      kind: "metadata",
      field: weakField,
      confidence: "medium",
      reason: `"${key}" usually names ${weakField}`,
    };
  }

  if (ASH_YIELD_ALIASES.includes(key)) {
    return {
      header,
      kind: "ashYield",
      unit: "wt%",
      confidence: "high",
      reason: "ash yield of the coal, in wt%",
    };
  }

  if (TOTAL_ALIASES.includes(key)) {
    return {
      header,
      kind: "total",
      confidence: "high",
      reason: "analytical total; not a component",
    };
  }

  if (key === "ash") {
    return {
      header,
      kind: "unknown",
      confidence: "low",
      reason: `"${text}" may name the ash type or the ash yield; map it by hand`,
    };
  }

  return recognizeQuantity(header, text);
}

function recognizeQuantity(header: string, text: string): HeaderProposal {
  const { quantity, rest, note, guessed } = splitHeaderQuantity(text);
  if (quantity === undefined) {
    return {
      header,
      kind: "unknown",
      confidence: "low",
      reason: `"${text}" is not a known element, oxide or metadata field; map it by hand`,
    };
  }

  const unitText = normaliseKey(rest).replace(/\./g, "").replace(/μ/g, "µ");
  const alias = UNIT_ALIASES.find(({ spellings }) => spellings.includes(unitText));
  if (unitText !== "" && alias === undefined) {
    return {
      header,
      kind: "unknown",
      confidence: "low",
      reason: `${quantity} with unit "${unitText}", which is not recognised; give the unit by hand`,
    };
  }

  const role = roleOf(quantity);
  if (alias === undefined) {
    const unit = defaultUnit(quantity);

    return {
      header,
      kind: "quantity",
      quantity,
      unit: unit.unit,
      role,
      confidence: guessed ? "low" : unit.confidence,
      reason: `${note}${unit.reason}`,
    };
  }

  let confidence: Confidence = alias.explicit ? "high" : "medium";
  if (guessed) {
    confidence = "low";
  }

  const reason = alias.explicit
    ? `${quantity} in ${alias.unit}`
    : `${quantity} with "${unitText}", read as ${alias.unit}`;

  return {
    header,
    kind: "quantity",
    quantity,
    unit: alias.unit,
    role,
    confidence,
    reason: `${note}${reason}`,
  };
}

function roleOf(quantity: string): QuantityRole {
  const formula = Object.hasOwn(TOTAL_IRON_FORMULAS, quantity)
    ? TOTAL_IRON_FORMULAS[quantity]
    : quantity;
  const element = Object.hasOwn(ATOMIC_WEIGHTS, quantity)
    ? quantity
    : readOxideFormula(formula ?? quantity)?.element;
  if (quantity === "REE_total" || (REE_SYMBOLS as readonly string[]).includes(element ?? "")) {
    return "TARGET";
  }

  return MAJOR_ELEMENTS.has(element) ? "FEATURE" : "OTHER";
}

function defaultUnit(quantity: string): {
  unit: ContentUnit;
  confidence: Confidence;
  reason: string;
} {
  if (!Object.hasOwn(ATOMIC_WEIGHTS, quantity) && quantity !== "REE_total") {
    return {
      unit: "wt%",
      confidence: "medium",
      reason: `${quantity} without a unit, read as wt%, the unit of XRF oxide tables`,
    };
  }

  if (MAJOR_ELEMENTS.has(quantity) || quantity === "S") {
    return {
      unit: "ppm",
      confidence: "low",
      reason: `${quantity} without a unit; major elements come in wt% or ppm, so check it`,
    };
  }

  return {
    unit: "ppm",
    confidence: "medium",
    reason: `${quantity} without a unit, read as ppm (mg/kg), the unit of ICP-MS trace tables`,
  };
}

/** Lower-cases a header and reads "_", "-", brackets, "," and ":" as single spaces. */
function normaliseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[_\-()[\],:]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
