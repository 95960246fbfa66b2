import { resolveMeasuredSpecies } from "../units/resolveMeasuredSpecies.js";
import { type HeaderProposal, recognizeHeader } from "./recognizeHeader.js";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A reading the user sets for one header; it replaces the proposal. */
export type HeaderOverride = DistributiveOmit<HeaderProposal, "header" | "confidence" | "reason">;

export interface ProposeColumnMappingOptions {
  /**
   * Readings set by the user, keyed by header. They take confidence "high" and the reason
   * "set by the user".
   * @default {}
   */
  overrides?: Readonly<Record<string, HeaderOverride>>;
}

export interface ColumnMapping {
  /** One proposal per header, in file order. */
  columns: HeaderProposal[];
  /** Headers that no rule recognised and no override set; they are reported, not dropped. */
  unknown: string[];
  /** Headers that appear more than once. */
  repeatedHeaders: string[];
  /** Groups of content headers that give the same element, e.g. "Al2O3 %" and "Al (ppm)". */
  conflicts: { element: string; headers: string[] }[];
  /** The first header read as the sample id, or undefined when none is. */
  sampleIdColumn?: string;
}

/**
 * Proposes a reading for every header of an imported table and applies the user's overrides.
 * It also reports the points a UI should ask about: unknown headers, repeated headers, several
 * columns of one element (iron in more than one form included) and a missing sample id.
 */
export function proposeColumnMapping(
  headers: readonly string[],
  options: ProposeColumnMappingOptions = {},
): ColumnMapping {
  const { overrides = {} } = options;

  const columns = headers.map((header): HeaderProposal => {
    const override = Object.hasOwn(overrides, header) ? overrides[header] : undefined;

    return override === undefined
      ? recognizeHeader(header)
      : { ...override, header, confidence: "high", reason: "set by the user" };
  });

  const seen = new Set<string>();
  const repeatedHeaders = new Set<string>();
  for (const header of headers) {
    if (seen.has(header)) {
      repeatedHeaders.add(header);
    }

    seen.add(header);
  }

  return {
    columns,
    unknown: columns.filter((column) => column.kind === "unknown").map((column) => column.header),
    repeatedHeaders: [...repeatedHeaders],
    conflicts: findConflicts(columns),
    sampleIdColumn: columns.find(
      (column) => column.kind === "metadata" && column.field === "sampleId",
    )?.header,
  };
}

function findConflicts(columns: readonly HeaderProposal[]): ColumnMapping["conflicts"] {
  const headersByElement = new Map<string, string[]>();
  for (const column of columns) {
    if (column.kind !== "quantity") {
      continue;
    }

    const element = elementOf(column.quantity);
    if (element !== undefined) {
      headersByElement.set(element, [...(headersByElement.get(element) ?? []), column.header]);
    }
  }

  return [...headersByElement]
    .filter(([, headers]) => headers.length > 1)
    .map(([element, headers]) => ({ element, headers }));
}

/** Returns the element a content measures, or undefined for LOI and the REE total. */
function elementOf(quantity: string): string | undefined {
  try {
    return resolveMeasuredSpecies(quantity).element;
  } catch (error) {
    if (error instanceof RangeError) {
      return undefined;
    }

    throw error;
  }
}
