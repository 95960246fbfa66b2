import { type ContentUnit } from "../curation/headerAliases.js";
import { MASS_FRACTION_PER_UNIT } from "../units/massUnits.js";
import { resolveOxideFormula, SONG2024_OXIDE_FORMULAS } from "../units/oxideFormulas.js";
import { formatOxideFormula } from "../units/parseOxideFormula.js";
import { resolveMeasuredSpecies } from "../units/resolveMeasuredSpecies.js";
import { type TableColumn } from "../table/parseTable.js";
import {
  IMPORT_ROLES,
  type ImportColumn,
  type ImportColumnOverride,
  type ImportProblem,
} from "./ImportTypes.js";

const MOLAR_UNITS: readonly string[] = ["mol %", "ppm (molar)"];
const CONTENT_UNITS: readonly string[] = [...Object.keys(MASS_FRACTION_PER_UNIT), ...MOLAR_UNITS];

/** A content column to read, and where its value goes. */
export interface PlannedContent {
  index: number;
  header: string;
  quantity: string;
  unit: ContentUnit;
  role: "feature" | "target";
  /** Index in ImportPlan.outputColumns. */
  output: number;
}

/** Plan of the conversion of a table's rows into stored samples. */
export interface ImportPlan {
  /** The reading of every column after the user's overrides, in file order. */
  columns: ImportColumn[];
  /** "mass": contents are curated into molar units; "molar": they are stored as given. */
  mode: "mass" | "molar";
  /** The stored columns: mol % features, then the REE total, then molar ppm targets. */
  outputColumns: TableColumn[];
  contents: PlannedContent[];
  /** Index of the stored REE total that is summed from the targets; undefined when none is. */
  summedTotal?: number;
  idColumn?: number;
  totalColumn?: number;
  oxideSumColumn?: number;
  /** Columns with a mass unit that count toward the analytical total. */
  massColumns: { index: number; unit: keyof typeof MASS_FRACTION_PER_UNIT }[];
  /** Problems of the mapping itself, which block the import. */
  problems: ImportProblem[];
}

/**
 * Applies the user's overrides to the proposed columns and plans the stored table. A table
 * is in mass units (curated into molar fractions as Y. Song et al. do) or in molar units
 * (stored as given), never both; an REE total in molar ppm may accompany mass contents.
 */
export function planImport(
  proposed: readonly ImportColumn[],
  overrides: readonly ImportColumnOverride[] = [],
): ImportPlan {
  const problems: ImportProblem[] = [];
  const columns = applyOverrides(proposed, overrides, problems);
  checkHeaders(columns, problems);

  const ids = columns.flatMap((column, j) => (column.role === "id" ? [j] : []));
  if (ids.length !== 1) {
    problems.push({
      severity: "error",
      reason:
        ids.length === 0
          ? "no column gives the sample id"
          : `${ids.length} columns give the sample id: ${ids.map((j) => `"${columns[j]?.header}"`).join(", ")}`,
      fix: 'set the role "id" on exactly one column',
    });
  }

  const mode = chooseMode(columns, problems);
  const plan = planOutputs(columns, mode, problems);
  const indexOf = (role: ImportColumn["role"]) => columns.findIndex((c) => c.role === role);

  return {
    columns,
    mode,
    ...plan,
    idColumn: ids[0],
    totalColumn: indexOf("total") < 0 ? undefined : indexOf("total"),
    oxideSumColumn: indexOf("oxideSum") < 0 ? undefined : indexOf("oxideSum"),
    massColumns: columns.flatMap((column, index) =>
      column.quantity !== undefined &&
      column.quantity !== "REE_total" &&
      column.unit !== undefined &&
      Object.hasOwn(MASS_FRACTION_PER_UNIT, column.unit)
        ? [{ index, unit: column.unit as keyof typeof MASS_FRACTION_PER_UNIT }]
        : [],
    ),
    problems,
  };
}

function applyOverrides(
  proposed: readonly ImportColumn[],
  overrides: readonly ImportColumnOverride[],
  problems: ImportProblem[],
): ImportColumn[] {
  const byHeader = new Map(overrides.map((override) => [override.header, override]));
  for (const header of byHeader.keys()) {
    if (!proposed.some((column) => column.header === header)) {
      problems.push({
        severity: "error",
        column: header,
        reason: `the mapping names a column "${header}" that the file does not have`,
        fix: "remove that mapping, or check the header's spelling",
      });
    }
  }

  return proposed.map((column) => {
    const override = byHeader.get(column.header);
    if (override === undefined) {
      if (column.unrecognised === true) {
        problems.push({
          severity: "error",
          column: column.header,
          reason: `unknown column: ${column.reason}`,
          fix: 'set its role, quantity and unit, or set the role "ignored" or "metadata"',
        });
      }

      return column;
    }

    return readOverride(column, override, problems);
  });
}

function readOverride(
  column: ImportColumn,
  override: ImportColumnOverride,
  problems: ImportProblem[],
): ImportColumn {
  const { header } = column;
  const fail = (reason: string, fix: string): ImportColumn => {
    problems.push({ severity: "error", column: header, reason, fix });

    return { ...column, role: "ignored" };
  };

  if (!IMPORT_ROLES.includes(override.role)) {
    return fail(
      `role "${override.role}" is not a role`,
      `choose one of ${IMPORT_ROLES.join(", ")}`,
    );
  }

  const reading: ImportColumn = {
    header,
    role: override.role,
    quantity: override.quantity ?? column.quantity,
    unit: (override.unit ?? column.unit) as ContentUnit | undefined,
    confidence: "high",
    reason: "set by the user",
  };
  if (reading.role !== "feature" && reading.role !== "target") {
    return reading;
  }

  const { quantity, unit } = reading;
  if (unit === undefined || !CONTENT_UNITS.includes(unit)) {
    return fail(
      `unit "${unit ?? ""}" is not a content unit`,
      `choose one of ${CONTENT_UNITS.join(", ")}`,
    );
  }

  if (quantity === undefined || !isQuantity(quantity)) {
    return fail(
      `quantity "${quantity ?? ""}" is not an element, an oxide or REE_total`,
      'write an element symbol or oxide formula, e.g. "La" or "La2O3"',
    );
  }

  return reading;
}

function isQuantity(quantity: string): boolean {
  if (quantity === "REE_total") {
    return true;
  }

  try {
    resolveMeasuredSpecies(quantity);

    return true;
  } catch {
    return false;
  }
}

function checkHeaders(columns: readonly ImportColumn[], problems: ImportProblem[]): void {
  const seen = new Set<string>();
  for (const { header, role } of columns) {
    if (seen.has(header) && role !== "ignored") {
      problems.push({
        severity: "error",
        column: header,
        reason: `the header "${header}" appears more than once`,
        fix: "rename one of the columns, or ignore it",
      });
    }

    seen.add(header);
  }

  const byElement = new Map<string, string>();
  for (const { header, role, quantity } of columns) {
    if ((role !== "feature" && role !== "target") || quantity === undefined) {
      continue;
    }

    const element = quantity === "REE_total" ? quantity : resolveMeasuredSpecies(quantity).element;
    const earlier = byElement.get(element);
    if (earlier !== undefined && element !== "Fe") {
      problems.push({
        severity: "error",
        column: header,
        reason: `columns "${earlier}" and "${header}" both give ${element}`,
        fix: 'keep one of them and set the role "ignored" on the other',
      });
    }

    byElement.set(element, header);
  }
}

function chooseMode(columns: readonly ImportColumn[], problems: ImportProblem[]): "mass" | "molar" {
  const contents = columns.filter(
    ({ role, quantity }) => (role === "feature" || role === "target") && quantity !== "REE_total",
  );
  if (contents.length === 0) {
    problems.push({
      severity: "error",
      reason: "no column gives an oxide or REE content",
      fix: 'set the role "feature" or "target" on the content columns, with quantity and unit',
    });

    return "mass";
  }

  const molar = contents.filter(({ unit }) => MOLAR_UNITS.includes(unit ?? ""));
  if (molar.length > 0 && molar.length < contents.length) {
    problems.push({
      severity: "error",
      column: molar[0]?.header,
      reason:
        `the table mixes molar units ("${molar[0]?.header}") and mass units ` +
        `("${contents.find((column) => !molar.includes(column))?.header}")`,
      fix: "give every content in mass units (wt%, ppm) or every content in molar units",
    });
  }

  return molar.length === contents.length ? "molar" : "mass";
}

function planOutputs(
  columns: readonly ImportColumn[],
  mode: "mass" | "molar",
  problems: ImportProblem[],
): Pick<ImportPlan, "outputColumns" | "contents" | "summedTotal"> {
  const read = columns.flatMap((column, index) => {
    const { role, quantity, unit, header } = column;
    if ((role !== "feature" && role !== "target") || quantity === undefined || unit === undefined) {
      return [];
    }

    if (quantity === "REE_total" && !MOLAR_UNITS.includes(unit)) {
      problems.push({
        severity: "error",
        column: header,
        reason: "an REE total in mass units cannot be stored in molar ppm",
        fix: 'set the role "ignored": the REE total is summed from the REE columns',
      });

      return [];
    }

    return [{ index, header, quantity, unit, role }];
  });
  const features = read.filter(({ role }) => role === "feature");
  const targets = read.filter(
    ({ role, quantity }) => role === "target" && quantity !== "REE_total",
  );
  const givenTotal = read.find(({ quantity }) => quantity === "REE_total");
  const sumTotal = givenTotal === undefined && mode === "mass" && targets.length > 0;

  const outputColumns: TableColumn[] = [];
  const contents: PlannedContent[] = [];
  // FeO and Fe2O3 columns share one stored column: the iron policy combines them.
  const add = (content: (typeof read)[number]) => {
    const column = outputColumn(content, mode);
    const existing = outputColumns.findIndex(({ name }) => name === column.name);
    contents.push({ ...content, output: existing < 0 ? outputColumns.length : existing });
    if (existing < 0) {
      outputColumns.push(column);
    }
  };

  features.forEach(add);
  if (givenTotal !== undefined) {
    add(givenTotal);
  }

  const summedTotal = sumTotal ? outputColumns.length : undefined;
  if (sumTotal) {
    outputColumns.push({
      name: "REE_total_ppm_mol",
      quantity: "REE_total",
      unit: "ppm (molar)",
      role: "TARGET",
    });
  }

  targets.forEach(add);

  return { outputColumns, contents, summedTotal };
}

function outputColumn(
  content: { quantity: string; unit: ContentUnit; role: "feature" | "target" },
  mode: "mass" | "molar",
): TableColumn {
  const role = content.role === "feature" ? "FEATURE" : "TARGET";
  if (mode === "molar" || content.quantity === "REE_total") {
    const suffix = content.unit === "mol %" ? "mol_pct" : "ppm_mol";

    return {
      name: `${content.quantity}_${suffix}`,
      quantity: content.quantity,
      unit: content.unit,
      role,
    };
  }

  const { element } = resolveMeasuredSpecies(content.quantity);
  const oxide = formatOxideFormula(resolveOxideFormula(element, SONG2024_OXIDE_FORMULAS));

  return role === "FEATURE"
    ? { name: `${oxide}_mol_pct`, quantity: oxide, unit: "mol %", role }
    : { name: `${oxide}_ppm_mol`, quantity: oxide, unit: "ppm (molar)", role };
}
