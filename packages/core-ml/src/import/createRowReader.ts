import { parseCell, type ParsedCell } from "../curation/parseCell.js";
import { type MassComponent } from "../curation/MassComponent.js";
import {
  type DecimalSeparator,
  type LocaleNumber,
  readLocaleNumber,
} from "../curation/readLocaleNumber.js";
import { sampleOxideMoles } from "../curation/sampleOxideMoles.js";
import { TableError } from "../table/TableError.js";
import { assertMassUnit, MASS_FRACTION_PER_UNIT } from "../units/massUnits.js";
import { massToOxideMoles } from "../units/massToOxideMoles.js";
import { SONG2024_OXIDE_FORMULAS } from "../units/oxideFormulas.js";
import { resolveMeasuredSpecies } from "../units/resolveMeasuredSpecies.js";
import { type ImportedSample, type ImportOptions, type ImportProblem } from "./ImportTypes.js";
import { type ImportPlan, type PlannedContent } from "./planImport.js";
import { type ImportRecord } from "./readImportRecords.js";

/** Ids of rows that labs add under the header to give detection or quantification limits. */
const LIMIT_ROW_IDS = /^(lod|lld|dl|mdl|loq|d\.l\.|detection limits?|limits? of detection)$/i;

const PLAIN_NUMBER = /^\d+(?:[.,]\d+)?$/;
/** A number whose one separator may be a decimal or a thousands separator: "1.234". */
const AMBIGUOUS_NUMBER = /^[1-9]\d{0,2}[.,]\d{3}$/;

/** Highest oxide sum accepted, in mol %: curated tables may exceed 100 by their rounding. */
const MAX_OXIDE_SUM = 110;

/** Highest plausible REE content of a coal ash, as a mass fraction: 1 wt%. */
const MAX_REE_MASS_FRACTION = 0.01;

export interface RowResult {
  /** The sample to store; undefined when the row has an error or a content left missing. */
  sample?: ImportedSample;
  problems: ImportProblem[];
}

/**
 * Returns a function that checks one data row against the plan and converts it into a
 * sample. It remembers the sample ids it has seen, to report duplicates by row.
 */
export function createRowReader(
  plan: ImportPlan,
  options: ImportOptions = {},
): (record: ImportRecord) => RowResult {
  const seenIds = new Map<string, number>();
  const molesPerUnit = oxideMolesPerUnit(plan);
  const headerCount = plan.columns.length;

  return (record) => {
    const problems: ImportProblem[] = [];
    const { row, cells } = record;
    // The sample id, quoted in the problems found once it is read.
    const place: { sample?: string } = {};
    const problem = (
      column: string | undefined,
      value: string | undefined,
      reason: string,
      fix: string,
      severity: "error" | "warning" = "error",
    ) => problems.push({ severity, row, sample: place.sample, column, value, reason, fix });

    if (cells.length > headerCount && cells.slice(headerCount).some((cell) => cell !== "")) {
      problem(
        undefined,
        undefined,
        `the row has ${cells.length} cells but the header has ${headerCount}`,
        "remove the extra cells, or add headers for them",
      );
    }

    const label = readId(record, plan, seenIds, problem);
    place.sample = label;
    const parsed = plan.contents.map((content) => readContent(record, content, options, problem));
    const oxideSum = readOxideSum(record, plan, options, problem);
    // A mapping with errors gives no totals or molar contents worth reporting on.
    if (plan.problems.length > 0) {
      return { problems };
    }

    checkTotal(record, plan, parsed, options, problem);
    if (problems.some(({ severity }) => severity === "error") || label === undefined) {
      return { problems };
    }

    const skipped = plan.contents.filter((_, k) => parsed[k]?.value === null);
    if (skipped.length > 0) {
      problem(
        skipped[0]?.header,
        cells[skipped[0]?.index ?? 0],
        `sample "${label}" is left out: ${skipped.map(({ header }) => `"${header}"`).join(", ")} ${skipped.length === 1 ? "has" : "have"} no value`,
        "fill in the values to import the sample",
        "warning",
      );

      return { problems };
    }

    const values = convert(
      plan,
      parsed as ParsedCell[],
      { oxideSum, label, options, molesPerUnit },
      problem,
    );
    if (values === undefined) {
      return { problems };
    }

    return { sample: { label, values, metadata: readMetadata(record, plan) }, problems };
  };
}

type Report = (
  column: string | undefined,
  value: string | undefined,
  reason: string,
  fix: string,
  severity?: "error" | "warning",
) => void;

function readId(
  { cells, row }: ImportRecord,
  plan: ImportPlan,
  seenIds: Map<string, number>,
  problem: Report,
): string | undefined {
  if (plan.idColumn === undefined) {
    return undefined;
  }

  const header = plan.columns[plan.idColumn]?.header;
  const label = (cells[plan.idColumn] ?? "").trim();
  if (label === "") {
    problem(header, "", "the sample id is empty", "give every sample a unique id");

    return undefined;
  }

  if (LIMIT_ROW_IDS.test(label)) {
    problem(
      header,
      cells[plan.idColumn],
      `"${label}" names a row of detection limits, not a sample`,
      'remove the row from the table; give below-detection cells as "<limit"',
    );

    return undefined;
  }

  const earlier = seenIds.get(label);
  if (earlier !== undefined) {
    problem(
      header,
      cells[plan.idColumn],
      `sample id "${label}" repeats row ${earlier} (spaces around ids are ignored)`,
      "give every sample a unique id, or remove the repeated row",
    );

    return undefined;
  }

  seenIds.set(label, row);

  return label;
}

function readContent(
  { cells, numbers }: ImportRecord,
  content: PlannedContent,
  options: ImportOptions,
  problem: Report,
): ParsedCell | undefined {
  const text = cells[content.index] ?? "";
  const stored = numbers?.[content.index];
  const plain = stored ?? readPlainNumber(text, options.decimalSeparator);
  if (plain !== undefined) {
    const cell: ParsedCell = { value: plain, status: "measured" };
    checkPlausible(cell, content, text, problem);

    return cell;
  }

  let cell: ParsedCell;
  try {
    cell =
      stored === undefined
        ? parseCell(text, {
            belowDetection: options.belowDetection,
            missing: options.missing,
            decimalSeparator: options.decimalSeparator,
          })
        : parseCell(String(stored), { decimalSeparator: "." });
  } catch (error) {
    if (!(error instanceof TableError)) {
      throw error;
    }

    const [reason = "", fix = "correct the value"] = splitMessage(
      error.message.replace(/^cell: /, ""),
    );
    problem(content.header, text, reason, fix);

    return undefined;
  }

  checkPlausible(cell, content, text, problem);

  return cell;
}

/**
 * Reads a number without sign, exponent or thousands separators ("12", "0.5", "0,5") as
 * parseCell does, only faster. Returns undefined for any other text and for an ambiguous
 * number, so that parseCell reads or reports them.
 */
function readPlainNumber(
  text: string,
  decimalSeparator: DecimalSeparator | undefined,
): number | undefined {
  if (!PLAIN_NUMBER.test(text)) {
    return undefined;
  }

  const separator = text.includes(",") ? "," : text.includes(".") ? "." : undefined;
  if (separator === undefined) {
    return Number(text);
  }

  const readsTwoWays =
    decimalSeparator === undefined ? AMBIGUOUS_NUMBER.test(text) : separator !== decimalSeparator;

  return readsTwoWays ? undefined : Number(text.replace(",", "."));
}

/** Reads a number as readLocaleNumber does, plain numbers first because they are most cells. */
function readNumber(text: string, decimalSeparator: DecimalSeparator | undefined): LocaleNumber {
  const plain = readPlainNumber(text, decimalSeparator);

  return plain === undefined ? readLocaleNumber(text, decimalSeparator) : { value: plain };
}

/** Splits a parseCell message into the reason and the fix it suggests after "; ". */
function splitMessage(message: string): [string, string] {
  const at = message.indexOf("; ");

  return at < 0 ? [message, "correct the value"] : [message.slice(0, at), message.slice(at + 2)];
}

function checkPlausible(
  cell: ParsedCell,
  content: PlannedContent,
  text: string,
  problem: Report,
): void {
  const { value } = cell;
  if (value === null) {
    return;
  }

  const { unit, header, role, quantity } = content;
  if (unit === "mol %" || unit === "ppm (molar)") {
    const percent = unit === "mol %" ? value : value / 1e4;
    if (percent > 100) {
      problem(
        header,
        text,
        `${value} ${unit} is more than the whole sample`,
        "check the unit of the column",
      );
    }

    return;
  }

  assertMassUnit(unit);
  const fraction = value * MASS_FRACTION_PER_UNIT[unit];
  if (fraction > 1) {
    problem(
      header,
      text,
      `${value} ${unit} is more than 100 wt%`,
      "check the value and the unit of the column",
    );
  } else if (role === "target" && quantity !== "REE_total" && fraction > MAX_REE_MASS_FRACTION) {
    problem(
      header,
      text,
      `${value} ${unit} is above 1 wt%, far more than any coal ash holds`,
      "check the unit of the column (ppm, ppb or wt%)",
    );
  }
}

function readOxideSum(
  { cells }: ImportRecord,
  plan: ImportPlan,
  options: ImportOptions,
  problem: Report,
): number | undefined {
  if (plan.oxideSumColumn === undefined) {
    return undefined;
  }

  const text = cells[plan.oxideSumColumn] ?? "";
  const read = readLocaleNumber(text, options.decimalSeparator);
  if ("error" in read || !(read.value > 0 && read.value <= MAX_OXIDE_SUM)) {
    problem(
      plan.columns[plan.oxideSumColumn]?.header,
      text,
      `the oxide sum "${text}" is not a number in (0, ${MAX_OXIDE_SUM}] mol %`,
      "correct the value, or ignore the column",
    );

    return undefined;
  }

  return read.value;
}

/**
 * Checks the analytical total of a row in mass units against 100 wt%. The total is the file's
 * total column when it has one, else the sum of every mass content (LOI and SO3 included).
 * Tables with fewer than 3 major oxides are not checked, so that trace-element tables pass.
 */
function checkTotal(
  { cells }: ImportRecord,
  plan: ImportPlan,
  parsed: readonly (ParsedCell | undefined)[],
  options: ImportOptions,
  problem: Report,
): void {
  const { totalTolerance = 10 } = options;
  const features = plan.contents.filter(({ role }) => role === "feature").length;
  if (
    totalTolerance === null ||
    plan.mode !== "mass" ||
    (features < 3 && plan.totalColumn === undefined) ||
    parsed.some((cell) => cell === undefined || cell.value === null)
  ) {
    return;
  }

  let total = 0;
  let header = "the contents";
  if (plan.totalColumn === undefined) {
    for (const { index, unit } of plan.massColumns) {
      const read = readNumber(cells[index] ?? "", options.decimalSeparator);
      total += "value" in read ? read.value * MASS_FRACTION_PER_UNIT[unit] * 100 : 0;
    }
  } else {
    header = plan.columns[plan.totalColumn]?.header ?? "";
    const read = readNumber(cells[plan.totalColumn] ?? "", options.decimalSeparator);
    if ("error" in read) {
      return;
    }

    total = read.value;
  }

  if (Math.abs(total - 100) > totalTolerance) {
    const rounded = Number(total.toPrecision(6));
    problem(
      plan.totalColumn === undefined ? undefined : header,
      String(rounded),
      `the analytical total of ${header} is ${rounded} wt%, outside 100 ± ${totalTolerance} wt%`,
      "check the units and the columns of the row, or widen the total tolerance",
    );
  }
}

interface ConvertContext {
  oxideSum: number | undefined;
  label: string;
  options: ImportOptions;
  /** Oxide and moles of it per kg for one unit of each component; see oxideMolesPerUnit. */
  molesPerUnit: readonly { oxide: string; moles: number }[] | undefined;
}

/**
 * Returns, for each mass content of the plan, its oxide and the moles of that oxide per kg
 * that one unit of the content gives, so that rows convert by multiplication. Returns
 * undefined when iron comes in more than one column: the iron policy then combines them
 * row by row.
 */
function oxideMolesPerUnit(plan: ImportPlan): ConvertContext["molesPerUnit"] {
  if (plan.mode === "molar" || plan.problems.length > 0) {
    return undefined;
  }

  const contents = plan.contents.filter(({ quantity }) => quantity !== "REE_total");
  const ironColumns = contents.filter(
    ({ quantity }) => resolveMeasuredSpecies(quantity).element === "Fe",
  );
  if (ironColumns.length > 1) {
    return undefined;
  }

  return contents.map(({ quantity, unit, output }) => {
    assertMassUnit(unit);

    return {
      oxide: plan.outputColumns[output]?.quantity ?? quantity,
      moles: massToOxideMoles(1, quantity, { unit, oxideFormulas: SONG2024_OXIDE_FORMULAS }),
    };
  });
}

/** Converts the mass contents of one row into moles of oxide per kg, by the unit factors. */
function sumOxideMoles(
  components: readonly MassComponent[],
  molesPerUnit: NonNullable<ConvertContext["molesPerUnit"]>,
): { molesPerKg: Record<string, number>; totalMolesPerKg: number } {
  const molesPerKg: Record<string, number> = {};
  let totalMolesPerKg = 0;
  components.forEach(({ value }, k) => {
    const { oxide = "", moles = 0 } = molesPerUnit[k] ?? {};
    molesPerKg[oxide] = value * moles;
    totalMolesPerKg += value * moles;
  });

  return { molesPerKg, totalMolesPerKg };
}

function convert(
  plan: ImportPlan,
  parsed: readonly ParsedCell[],
  { oxideSum, label, options, molesPerUnit }: ConvertContext,
  problem: Report,
): number[] | undefined {
  const values = new Array<number>(plan.outputColumns.length).fill(0);
  if (plan.mode === "molar") {
    plan.contents.forEach(({ output }, k) => (values[output] = parsed[k]?.value ?? 0));

    return values;
  }

  const components: MassComponent[] = [];
  plan.contents.forEach(({ quantity, unit, output }, k) => {
    const value = parsed[k]?.value ?? 0;
    if (quantity === "REE_total") {
      values[output] = value;
    } else {
      assertMassUnit(unit);
      components.push({ quantity, value, unit });
    }
  });

  let moles;
  try {
    moles =
      molesPerUnit === undefined
        ? sampleOxideMoles(components, {
            oxideFormulas: SONG2024_OXIDE_FORMULAS,
            iron: options.iron,
            sample: label,
          })
        : sumOxideMoles(components, molesPerUnit);
  } catch (error) {
    if (!(error instanceof RangeError)) {
      throw error;
    }

    const fix = /iron|Fe/.test(error.message)
      ? 'choose an iron policy ("sum" or "preferTotal"), or keep one iron column'
      : "keep one column per element";
    problem(undefined, undefined, error.message, fix);

    return undefined;
  }

  if (!(moles.totalMolesPerKg > 0)) {
    problem(undefined, undefined, `sample "${label}" has no positive content`, "check the row");

    return undefined;
  }

  const scale = (oxideSum ?? 100) / 100;
  plan.outputColumns.forEach(({ quantity, unit }, j) => {
    const moleFraction = ((moles.molesPerKg[quantity] ?? 0) / moles.totalMolesPerKg) * scale;
    if (quantity !== "REE_total") {
      values[j] = unit === "mol %" ? 100 * moleFraction : 1e6 * moleFraction;
    }
  });
  if (plan.summedTotal !== undefined) {
    values[plan.summedTotal] = plan.outputColumns.reduce(
      (sum, { role, quantity }, j) =>
        role === "TARGET" && quantity !== "REE_total" ? sum + (values[j] ?? 0) : sum,
      0,
    );
  }

  return values;
}

function readMetadata({ cells }: ImportRecord, plan: ImportPlan): Record<string, string> {
  const metadata: Record<string, string> = {};
  plan.columns.forEach(({ role, header }, j) => {
    if (role === "metadata") {
      metadata[header] = (cells[j] ?? "").trim();
    }
  });

  return metadata;
}
