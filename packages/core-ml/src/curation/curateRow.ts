import { TableError } from "../table/TableError.js";
import { MASS_FRACTION_PER_UNIT } from "../units/massUnits.js";
import { type MassComponent } from "./MassComponent.js";
import { sampleOxideMoles, type SampleOxideMolesOptions } from "./sampleOxideMoles.js";
import { type ContentColumn, type CuratedSample } from "./tableToMolarFractions.js";

export interface CurateRowContext {
  sampleId: string;
  columns: readonly ContentColumn[];
  /** true for an excluded column such as LOI. */
  excludedColumns: readonly boolean[];
  missing: "reject" | "omit";
  options: Omit<SampleOxideMolesOptions, "sample">;
}

/**
 * Converts one sample of a ContentTable into molar oxide fractions; see tableToMolarFractions.
 * @throws TableError naming the sample, and the column where one value is at fault.
 */
export function curateRow(
  row: readonly (number | null)[],
  context: CurateRowContext,
): CuratedSample {
  const { sampleId, columns, excludedColumns, missing, options } = context;
  const components: MassComponent[] = [];
  const dropped: string[] = [];
  const omitted: string[] = [];
  let keptMass = 0;
  let droppedMass = 0;
  columns.forEach(({ header, quantity, unit }, j) => {
    const value = row[j] ?? null;
    const isExcluded = excludedColumns[j] ?? false;
    if (value === null) {
      if (missing === "reject" && !isExcluded) {
        throw new TableError(
          `sample "${sampleId}", column "${header}": the value is missing; fill it in, or ` +
            `set missing to "omit" to renormalise the sample without it`,
          undefined,
          header,
        );
      }

      omitted.push(header);
      return;
    }

    // LOI is negative when the sample gains mass by oxidation on ignition, and it is dropped.
    if (!(Number.isFinite(value) && (value >= 0 || isExcluded))) {
      throw new TableError(
        `sample "${sampleId}", column "${header}": ${value} is not a valid content; ` +
          `contents must be finite numbers of zero or more`,
        undefined,
        header,
        String(value),
      );
    }

    const mass = value * MASS_FRACTION_PER_UNIT[unit];
    if (isExcluded) {
      dropped.push(header);
      droppedMass += mass;
    } else {
      components.push({ quantity, value, unit });
      keptMass += mass;
    }
  });

  const moles = convertToMoles(components, sampleId, options);
  const fractions = Object.fromEntries(
    Object.entries(moles.molesPerKg).map(([oxide, n]) => [oxide, n / moles.totalMolesPerKg]),
  );

  return {
    sampleId,
    fractions,
    totalOxideMolesPerKg: moles.totalMolesPerKg,
    dropped,
    droppedMassShare: droppedMass / (keptMass + droppedMass),
    omitted,
    iron: moles.iron,
  };
}

function convertToMoles(
  components: readonly MassComponent[],
  sampleId: string,
  options: Omit<SampleOxideMolesOptions, "sample">,
): ReturnType<typeof sampleOxideMoles> {
  let moles;
  try {
    moles = sampleOxideMoles(components, { ...options, sample: sampleId });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new TableError(error.message);
    }

    throw error;
  }

  if (!(moles.totalMolesPerKg > 0)) {
    throw new TableError(
      `sample "${sampleId}": no oxide has a positive content, so it cannot be renormalised`,
    );
  }

  return moles;
}
