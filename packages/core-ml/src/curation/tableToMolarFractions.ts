import { TableError } from "../table/TableError.js";
import { type ChemistryOptions } from "../units/ChemistryOptions.js";
import { assertMassUnit, type MassUnit } from "../units/massUnits.js";
import { resolveOxideFormula } from "../units/oxideFormulas.js";
import { formatOxideFormula } from "../units/parseOxideFormula.js";
import { resolveMeasuredSpecies } from "../units/resolveMeasuredSpecies.js";
import { type IronCombination } from "./combineIronOxides.js";
import { curateRow } from "./curateRow.js";
import { type SampleOxideMolesOptions } from "./sampleOxideMoles.js";

export interface ContentColumn {
  /** The header as written in the file, quoted in messages. */
  header: string;
  /** An element ("La"), an oxide ("Al2O3"), "Fe2O3T", "FeOT", or an excluded name ("LOI"). */
  quantity: string;
  unit: MassUnit;
}

/** Mass contents of several samples: one row per sample, one cell per column. */
export interface ContentTable {
  sampleIds: readonly string[];
  columns: readonly ContentColumn[];
  /** null marks a missing value, e.g. a blank cell read with the "missing" policy. */
  rows: readonly (readonly (number | null)[])[];
}

export interface TableToMolarFractionsOptions extends Omit<SampleOxideMolesOptions, "sample"> {
  /**
   * Quantities left out before renormalising: matched against the column's quantity and
   * against the oxide it converts to, so "SO3" also drops a column of S.
   * @default ["LOI", "SO3"]
   */
  exclude?: readonly string[];
  /**
   * "reject" raises an error on a missing value. "omit" renormalises that sample without the
   * column and lists it in `omitted`.
   * @default "reject"
   */
  missing?: "reject" | "omit";
}

export interface CuratedSample {
  sampleId: string;
  /** Molar fraction of each oxide among all oxides of the sample; they sum to 1. */
  fractions: Record<string, number>;
  /** Moles of all oxides per kilogram of sample, the denominator of `fractions`. */
  totalOxideMolesPerKg: number;
  /** Headers of the excluded columns with a value in this sample. */
  dropped: string[];
  /** Excluded mass over the summed mass of all columns of this sample, as a fraction. */
  droppedMassShare: number;
  /** Headers of the columns without a value in this sample; an empty LOI is never rejected. */
  omitted: string[];
  iron?: IronCombination;
}

export interface MolarFractionTable {
  /** Oxide formulas in the order their columns first appear. */
  oxides: string[];
  samples: CuratedSample[];
}

/**
 * Curates a table of mass contents the way Y. Song et al., Mater. Horiz. 11 (2024) 1448 do:
 * each content becomes moles of its oxide, and the oxide moles of each sample are
 * renormalised to sum to 1. Major oxides in mol % are 100 * fraction; REE contents in molar
 * ppm are 1e6 * fraction. Columns may mix elements and oxides and any MassUnit, on one basis.
 * @throws TableError naming the column (and the sample) of an invalid column or value.
 */
export function tableToMolarFractions(
  table: ContentTable,
  options: TableToMolarFractionsOptions = {},
): MolarFractionTable {
  const { exclude = ["LOI", "SO3"], missing = "reject", ...sampleOptions } = options;
  const { sampleIds, columns, rows } = table;
  if (rows.length !== sampleIds.length) {
    throw new TableError(`the table has ${rows.length} rows but ${sampleIds.length} sample ids`);
  }

  const excluded = new Set(exclude);
  const { ironAs, oxideFormulas = {}, atomicWeights } = sampleOptions;
  const formulas = ironAs === undefined ? oxideFormulas : { ...oxideFormulas, Fe: ironAs };
  const read = columns.map((column) =>
    readColumn(column, excluded, { oxideFormulas: formulas, atomicWeights }),
  );
  checkDuplicateElements(columns, read);
  const excludedColumns = read.map((column) => column === undefined);
  const samples = rows.map((row, i) => {
    const sampleId = sampleIds[i] ?? "";
    if (row.length !== columns.length) {
      throw new TableError(
        `sample "${sampleId}" has ${row.length} values but the table has ${columns.length} columns`,
      );
    }

    return curateRow(row, { sampleId, columns, excludedColumns, missing, options: sampleOptions });
  });

  const oxides = new Set<string>();
  for (const sample of samples) {
    Object.keys(sample.fractions).forEach((oxide) => oxides.add(oxide));
  }

  return { oxides: [...oxides], samples };
}

interface ReadColumn {
  element: string;
  oxide: string;
}

/** Returns the element and oxide a column converts to, or undefined for an excluded column. */
function readColumn(
  column: ContentColumn,
  excluded: ReadonlySet<string>,
  options: ChemistryOptions,
): ReadColumn | undefined {
  const { header, quantity, unit } = column;
  try {
    assertMassUnit(unit);
    if (excluded.has(quantity)) {
      return undefined;
    }

    const { element } = resolveMeasuredSpecies(quantity, options.atomicWeights);
    const oxide = formatOxideFormula(resolveOxideFormula(element, options.oxideFormulas));

    return excluded.has(oxide) ? undefined : { element, oxide };
  } catch (error) {
    if (error instanceof RangeError) {
      throw new TableError(`column "${header}": ${error.message}`, undefined, header);
    }

    throw error;
  }
}

/** Rejects two columns of one element; iron forms are left to the iron policy. */
function checkDuplicateElements(
  columns: readonly ContentColumn[],
  read: readonly (ReadColumn | undefined)[],
): void {
  const headerByElement = new Map<string, string>();
  read.forEach((column, j) => {
    const header = columns[j]?.header ?? "";
    if (column === undefined || column.element === "Fe") {
      return;
    }

    const earlier = headerByElement.get(column.element);
    if (earlier !== undefined) {
      throw new TableError(
        `columns "${earlier}" and "${header}" both give ${column.element}: keep one of them`,
        undefined,
        header,
      );
    }

    headerByElement.set(column.element, header);
  });
}
