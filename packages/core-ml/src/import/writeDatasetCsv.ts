import { type TableColumn } from "../table/parseTable.js";
import { atomicWeight } from "../units/atomicWeights.js";
import { oxideMolarMass } from "../units/oxideMolarMass.js";
import { readOxideFormula } from "../units/parseOxideFormula.js";

/** Units of an exported table: as stored, or mass contents (oxides in wt%, REE in ppm). */
export type ExportUnits = "molar" | "mass";

export interface ExportedSample {
  label: string;
  values: readonly number[];
  metadata: Readonly<Record<string, unknown>>;
}

export interface WriteDatasetCsvOptions {
  /**
   * Units of the contents.
   * @default "molar"
   */
  units?: ExportUnits;
  /**
   * Metadata keys written as columns after the sample id, in this order.
   * @default []
   */
  metadataColumns?: readonly string[];
}

/**
 * Writes a stored table as CSV lines (each ending in "\n"), header first. "molar" writes the
 * stored columns as they are. "mass" writes each major oxide in wt% and each REE in ppm of
 * the element, both per mass of the listed oxides. It adds `oxide_sum_mol_pct`, the sum of
 * the stored molar contents, and keeps the REE total in molar ppm. Importing either file gives
 * back the stored numbers, because the import scales each sample's molar fractions to that sum.
 * Numbers are written in the shortest form that reads back exactly.
 */
export function* writeDatasetCsv(
  columns: readonly TableColumn[],
  samples: Iterable<ExportedSample>,
  options: WriteDatasetCsvOptions = {},
): Generator<string> {
  const { units = "molar", metadataColumns = [] } = options;
  const contents = columns.map((column) => describeContent(column, units));
  yield csvLine([
    "sample_id",
    ...metadataColumns,
    ...contents.map(({ header }) => header),
    ...(units === "mass" ? ["oxide_sum_mol_pct"] : []),
  ]);

  for (const sample of samples) {
    const metadata = metadataColumns.map((key) => String(sample.metadata[key] ?? ""));
    const values = units === "mass" ? toMass(contents, sample.values) : [...sample.values];
    yield csvLine([sample.label, ...metadata, ...values.map(String)]);
  }
}

/** Joins cells with commas, quoting those that hold a comma, a quote or a line break. */
function csvLine(cells: readonly string[]): string {
  const quoted = cells.map((cell) =>
    /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell,
  );

  return `${quoted.join(",")}\n`;
}

interface ExportedContent {
  header: string;
  /** Mole fraction of the oxide per stored value: 1e-2 for mol %, 1e-6 for molar ppm. */
  fractionPerUnit: number;
  /** Molar mass of the oxide in g/mol; 0 for a column written as stored. */
  oxideMolarMass: number;
  /** Grams of the written species (oxide or element) per mole of oxide. */
  writtenMolarMass: number;
  /** Written value per mass fraction: 100 for wt%, 1e6 for ppm. */
  unitPerMassFraction: number;
}

function describeContent(column: TableColumn, units: ExportUnits): ExportedContent {
  const fractionPerUnit = column.unit === "mol %" ? 1e-2 : 1e-6;
  const oxide = readOxideFormula(column.quantity);
  if (units === "molar" || column.quantity === "REE_total" || oxide === undefined) {
    return {
      header: column.name,
      fractionPerUnit,
      oxideMolarMass: 0,
      writtenMolarMass: 0,
      unitPerMassFraction: 1,
    };
  }

  const molarMass = oxideMolarMass(oxide);
  if (column.role === "FEATURE") {
    return {
      header: `${column.quantity} (wt%)`,
      fractionPerUnit,
      oxideMolarMass: molarMass,
      writtenMolarMass: molarMass,
      unitPerMassFraction: 100,
    };
  }

  return {
    header: `${oxide.element} (ppm)`,
    fractionPerUnit,
    oxideMolarMass: molarMass,
    writtenMolarMass: oxide.elementAtoms * atomicWeight(oxide.element),
    unitPerMassFraction: 1e6,
  };
}

/** Mass contents per mass of the listed oxides, then the oxide sum in mol %. */
function toMass(contents: readonly ExportedContent[], values: readonly number[]): number[] {
  const fractions = contents.map(({ fractionPerUnit }, j) => (values[j] ?? 0) * fractionPerUnit);
  const sum = (term: (content: ExportedContent, j: number) => number) =>
    contents.reduce((total, content, j) => total + term(content, j), 0);
  // Grams of all listed oxides per mole of them: the reference mass of the written contents.
  const oxideMass = sum(({ oxideMolarMass }, j) => (fractions[j] ?? 0) * oxideMolarMass);
  const oxideSum = sum(({ oxideMolarMass }, j) => (oxideMolarMass === 0 ? 0 : (fractions[j] ?? 0)));
  const written = contents.map(({ oxideMolarMass, writtenMolarMass, unitPerMassFraction }, j) =>
    oxideMolarMass === 0
      ? (values[j] ?? 0)
      : ((fractions[j] ?? 0) * writtenMolarMass * unitPerMassFraction) / oxideMass,
  );

  return [...written, 100 * oxideSum];
}
