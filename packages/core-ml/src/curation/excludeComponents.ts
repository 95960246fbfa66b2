export interface ExcludeComponentsOptions {
  /**
   * Names of the components to drop. LOI (loss on ignition) is not part of the ash as
   * analysed. SO3 is left out of the study's oxides because ICP-MS does not report sulfur and
   * coal ash contains little of it.
   * @default ["LOI", "SO3"]
   */
  exclude?: readonly string[];
  /**
   * Sum that the kept components are scaled to, e.g. 100 for wt% or 1 for fractions.
   * @default 100
   */
  total?: number;
}

export interface ExcludedComponents {
  /** The kept components, scaled to sum to `total`. */
  composition: Record<string, number>;
  /** The dropped components with their values as given. */
  dropped: Record<string, number>;
  /** Sum of the dropped values over the sum of all values, as a fraction. */
  droppedShare: number;
}

/**
 * Drops components such as LOI and SO3 from one sample and renormalises the rest to `total`,
 * reporting the share that was dropped. Dropped values may be negative, as LOI is for samples
 * that gain mass by oxidation on ignition; kept values must be zero or more.
 * @throws RangeError for a non-finite value, a negative kept value, or nothing left to keep.
 */
export function excludeComponents(
  composition: Readonly<Record<string, number>>,
  options: ExcludeComponentsOptions = {},
): ExcludedComponents {
  const { exclude = ["LOI", "SO3"], total = 100 } = options;
  const excluded = new Set(exclude);

  const keptEntries: [string, number][] = [];
  const dropped: Record<string, number> = {};
  for (const [name, value] of Object.entries(composition)) {
    if (!Number.isFinite(value)) {
      throw new RangeError(`${name} must be a finite number, got ${value}`);
    }

    if (excluded.has(name)) {
      dropped[name] = value;
    } else if (value < 0) {
      throw new RangeError(`${name} must be zero or more, got ${value}`);
    } else {
      keptEntries.push([name, value]);
    }
  }

  const keptSum = keptEntries.reduce((sum, [, value]) => sum + value, 0);
  const droppedSum = Object.values(dropped).reduce((sum, value) => sum + value, 0);
  if (keptSum === 0) {
    throw new RangeError(
      `nothing is left after excluding ${[...excluded].join(", ")}: ` +
        `give at least one other component with a positive value`,
    );
  }

  return {
    composition: Object.fromEntries(
      keptEntries.map(([name, value]) => [name, (total * value) / keptSum]),
    ),
    dropped,
    droppedShare: droppedSum / (keptSum + droppedSum),
  };
}
