import { UNIT_ALIASES } from "../curation/headerAliases.js";
import { type HeaderProposal, recognizeHeader } from "../curation/recognizeHeader.js";
import { type ImportColumn } from "./ImportTypes.js";

/** Header spellings of the sum that molar contents are scaled to, after normalisation. */
const OXIDE_SUM_HEADERS = ["oxide sum mol pct", "oxide sum mol%", "oxide sum"];

/** Cell texts, lower case, that mark a value below detection or not analysed. */
const NUMBER_LIKE = /^[+-]?[\d.,\s']*\d[\d.,\s']*([eE][+-]?\d+)?$/;
const NUMERIC_MARKS = /^(<.*|bdl|b\.d\.l\.|n\.d\.|nd|-|n\.a\.|na|n\/a|<lod|<dl)$/i;

export interface ImportMappingProposal {
  columns: ImportColumn[];
  /** true when the second row of the file gives the units of the columns. */
  unitsRow: boolean;
}

/**
 * Proposes the reading of every column of an imported table from its header, the units row
 * when the file has one, and the first data rows. Contents are read by recognizeHeader. Text
 * columns that no rule recognises become free-form metadata. Numeric columns that no rule
 * recognises are ignored and marked unrecognised, so that the report requests a mapping.
 */
export function proposeImportMapping(
  header: readonly string[],
  secondRow: readonly string[] | undefined,
  firstRows: readonly (readonly string[])[],
): ImportMappingProposal {
  const unitsRow = secondRow !== undefined && isUnitsRow(secondRow);
  const columns = header.map((text, j) => {
    const unit = unitsRow ? (secondRow[j] ?? "").trim() : "";
    const proposal = recognizeHeader(unit === "" ? text : `${text} (${unit})`);
    const cells = firstRows.map((row) => (row[j] ?? "").trim());

    return { ...readProposal(proposal, cells), header: text };
  });

  return { columns, unitsRow };
}

function readProposal(proposal: HeaderProposal, cells: readonly string[]): ImportColumn {
  const { header, confidence, reason } = proposal;
  switch (proposal.kind) {
    case "metadata":
      return {
        header,
        role: proposal.field === "sampleId" ? "id" : "metadata",
        confidence,
        reason,
      };
    case "ashYield":
      return {
        header,
        role: "metadata",
        confidence,
        reason: `${reason}; kept as metadata, as molar fractions do not depend on the basis`,
      };
    case "total":
      return { header, role: "total", confidence, reason };
    case "quantity":
      return readQuantity(proposal);
    case "unknown":
      return readUnknown(proposal, cells);
  }
}

function readQuantity(proposal: Extract<HeaderProposal, { kind: "quantity" }>): ImportColumn {
  const { header, quantity, unit, confidence, reason } = proposal;
  const molar = unit === "mol %" || unit === "ppm (molar)";
  if (quantity === "REE_total" && !molar) {
    return {
      header,
      role: "ignored",
      quantity,
      unit,
      confidence,
      reason: `${reason}; the REE total in molar ppm is summed from the REE columns`,
    };
  }

  if (proposal.role === "OTHER") {
    return {
      header,
      role: "ignored",
      quantity,
      unit,
      confidence,
      reason: `${reason}; left out of the molar fractions, which cover the major oxides and the REE`,
    };
  }

  return {
    header,
    role: proposal.role === "FEATURE" ? "feature" : "target",
    quantity,
    unit,
    confidence,
    reason,
  };
}

function readUnknown(
  proposal: Extract<HeaderProposal, { kind: "unknown" }>,
  cells: readonly string[],
): ImportColumn {
  const { header, reason } = proposal;
  if (OXIDE_SUM_HEADERS.includes(normalise(header))) {
    return {
      header,
      role: "oxideSum",
      unit: "mol %",
      confidence: "high",
      reason: "sum in mol % that the molar contents of each sample are scaled to",
    };
  }

  const filled = cells.filter((cell) => cell !== "");
  const numeric = filled.length > 0 && filled.every(isNumericCell);
  if (numeric) {
    return { header, role: "ignored", confidence: "low", reason, unrecognised: true };
  }

  return {
    header,
    role: "metadata",
    confidence: "medium",
    reason: "a text column no rule recognises, kept as free-form metadata",
  };
}

/** Tests for a row of units under the header: unit spellings only, and at least one. */
function isUnitsRow(row: readonly string[]): boolean {
  const filled = row.map((cell) => cell.trim()).filter((cell) => cell !== "");
  const units = filled.filter(isUnitSpelling);

  return units.length > 0 && units.length >= filled.length / 2 && !filled.some(isNumericCell);
}

function isUnitSpelling(cell: string): boolean {
  const key = normalise(cell).replace(/\./g, "").replace(/μ/g, "µ");

  return UNIT_ALIASES.some(({ spellings }) => spellings.includes(key));
}

/** Tests for a number in any locale, or a below-detection or not-analysed mark. */
function isNumericCell(cell: string): boolean {
  return NUMERIC_MARKS.test(cell) || NUMBER_LIKE.test(cell);
}

/** Lower-cases a header and reads "_", "-", brackets, "," and ":" as single spaces. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[_\-()[\],:]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
