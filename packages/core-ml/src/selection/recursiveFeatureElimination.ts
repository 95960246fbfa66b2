import { summarize, type Summary } from "../evaluation/summarize.js";
import type { EvaluationData } from "../evaluation/evaluateRepeated.js";
import { DEFAULT_NETWORK, type NetworkConfig } from "../evaluation/EvaluationConfig.js";
import { getColumn, selectColumns } from "../matrix/Matrix.js";
import { createRandom } from "../random/createRandom.js";
import { repetitionSeeds } from "../random/repetitionSeeds.js";
import { drawValidationSplit, type ValidationSplit } from "./drawValidationSplit.js";
import {
  type FeatureSetCandidate,
  scoreFeatureSets,
  type SelectionMetric,
  type SelectionModel,
  type TrainMany,
} from "./scoreFeatureSets.js";

export interface RfeOptions {
  /** Trains the networks; pass the fused engine's trainNetworks. */
  trainMany: TrainMany;
  /**
   * Features to start from.
   * @default every FEATURE column
   */
  features?: string[];
  /**
   * Target whose validation error decides each elimination.
   * @default the first TARGET column
   */
  target?: string;
  /**
   * Model refitted for every candidate set.
   * @default "NETWORK"
   */
  model?: SelectionModel;
  /**
   * Network settings of the single-task network.
   * @default the study's network
   */
  network?: Partial<Omit<NetworkConfig, "lossWeighting">>;
  /**
   * Whole eliminations, each on a new split and with new initial weights.
   * eliminateFeatures takes the repetition indices instead.
   * @default 100
   */
  repetitions?: number;
  /** @default 0.2 */
  testFraction?: number;
  /**
   * Share of the training rows that validates each candidate.
   * @default 0.2
   */
  validationFraction?: number;
  /** @default "MAPE" */
  metric?: SelectionMetric;
  /** @default 0 */
  seed?: number;
  /** Called after each elimination step with the share of the work done, from 0 to 1. */
  onProgress?: (fraction: number, message: string) => void;
}

export interface RfeResult {
  features: string[];
  /** Features kept at each step: n, n - 1, ..., 1. */
  counts: number[];
  /** Validation error (%) at each count, over the repetitions. */
  error: Summary[];
  /** Error at each count divided by the error with all n features, over the repetitions. */
  normalizedError: Summary[];
  /** keptProbability[step][feature]: share of repetitions that keep the feature at that step. */
  keptProbability: number[][];
  /** Features in the order each repetition removed them, the last one kept. */
  eliminationOrders: string[][];
}

/** One repetition of the elimination, as eliminateFeatures returns it. */
export interface RfeRepetition {
  /** Repetition index, from 0. */
  repetition: number;
  /** Validation error (%) at each count from n down to 1, or null where the model did not fit. */
  errors: (number | null)[];
  /** Feature indices in the order they were removed. */
  removed: number[];
  /** Feature indices never removed: the last one standing. */
  kept: number[];
}

/**
 * Recursive feature elimination with repetitions: from all features, each step
 * refits the model once per remaining feature with that feature left out and
 * drops the one whose removal gives the lowest validation error. Repetitions
 * run in lockstep, so one step of all repetitions trains as one batch.
 * @see I. Guyon, J. Weston, S. Barnhill, V. Vapnik, "Gene selection for cancer
 *   classification using support vector machines", Machine Learning 46 (2002) 389.
 */
export async function recursiveFeatureElimination(
  data: EvaluationData,
  options: RfeOptions,
): Promise<RfeResult> {
  const { repetitions = 100 } = options;
  const all = Array.from({ length: repetitions }, (_, r) => r);

  return summarizeEliminations(
    featureNames(data, options),
    await eliminateFeatures(data, all, options),
  );
}

/**
 * Runs the repetitions `indices` (from 0) of a recursive feature elimination.
 * Each repetition draws its split and initial weights from `seed` and its index
 * alone, so repetitions eliminated in separate calls, on separate machines,
 * summarise to the result of one call over all of them.
 */
export async function eliminateFeatures(
  data: EvaluationData,
  indices: readonly number[],
  options: RfeOptions,
): Promise<RfeRepetition[]> {
  const {
    trainMany,
    target = data.columns.find((c) => c.role === "TARGET")?.name ?? "",
    model = "NETWORK",
    network = {},
    testFraction = 0.2,
    validationFraction = 0.2,
    metric = "MAPE",
    seed = 0,
    onProgress,
  } = options;
  const features = featureNames(data, options);
  if (features.length < 2) {
    throw new RangeError(`features must list at least 2 columns, got [${features.join(", ")}]`);
  }

  const x = selectColumns(
    data.values,
    features.map((name) => columnIndex(data, name)),
  );
  const y = selectColumns(data.values, [columnIndex(data, target)]);
  const settings = { ...DEFAULT_NETWORK, ...network };
  const seeds = repetitionSeeds(seed, indices);
  const runs = indices.map((repetition, r) => {
    const runSeed = seeds[r] ?? 0;

    return {
      repetition,
      seed: runSeed,
      split: drawValidationSplit(
        getColumn(y, 0),
        createRandom(runSeed),
        testFraction,
        validationFraction,
      ),
      kept: features.map((_, j) => j),
      errors: [] as number[],
      removed: [] as number[],
    };
  });
  const context = { x, y, model, metric, trainMany };
  const candidate = (
    split: ValidationSplit,
    kept: number[],
    candidateSeed: number,
  ): FeatureSetCandidate => ({
    features: kept,
    fitRows: split.fit,
    validationRows: split.validation,
    network: { ...settings, seed: candidateSeed },
  });

  const baseline = await scoreFeatureSets(
    runs.map((run) => candidate(run.split, run.kept, run.seed)),
    context,
  );
  runs.forEach((run, r) => run.errors.push(baseline[r] ?? NaN));

  const totalSteps = features.length - 1;
  for (let step = 1; step <= totalSteps; step++) {
    const candidates = runs.flatMap((run) =>
      run.kept.map((left, i) =>
        candidate(
          run.split,
          run.kept.filter((_, k) => k !== i),
          run.seed + 7919 * step + 104_729 * left,
        ),
      ),
    );
    const errors = await scoreFeatureSets(candidates, context);
    let offset = 0;
    for (const run of runs) {
      const own = errors.slice(offset, offset + run.kept.length);
      offset += run.kept.length;
      const best = own.indexOf(Math.min(...own));
      run.removed.push(run.kept[best] ?? -1);
      run.kept = run.kept.filter((_, k) => k !== best);
      run.errors.push(own[best] ?? NaN);
    }

    onProgress?.(step / totalSteps, `eliminated ${step} of ${totalSteps} features`);
  }

  return runs.map(({ repetition, errors, removed, kept }) => ({
    repetition,
    errors: errors.map(finite),
    removed,
    kept,
  }));
}

/**
 * Summarises the repetitions of an elimination over the `features` it started
 * from, in repetition order whatever the order of `runs`.
 */
export function summarizeEliminations(
  features: string[],
  runs: readonly RfeRepetition[],
): RfeResult {
  const ordered = [...runs].sort((a, b) => a.repetition - b.repetition);
  const counts = features.map((_, step) => features.length - step);
  const at = (step: number) => ordered.map((run) => finite(run.errors[step]));

  return {
    features,
    counts,
    error: counts.map((_, step) => summarize(at(step))),
    normalizedError: counts.map((_, step) =>
      summarize(ordered.map((run) => ratio(run.errors[step], run.errors[0]))),
    ),
    keptProbability: counts.map((_, step) =>
      features.map(
        (_, feature) =>
          ordered.filter((run) => !run.removed.slice(0, step).includes(feature)).length /
          ordered.length,
      ),
    ),
    eliminationOrders: ordered.map((run) =>
      [...run.removed, ...run.kept].map((feature) => features[feature] ?? String(feature)),
    ),
  };
}

function featureNames(data: EvaluationData, options: RfeOptions): string[] {
  return options.features ?? data.columns.filter((c) => c.role === "FEATURE").map((c) => c.name);
}

function finite(value: number | null | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

function ratio(
  value: number | null | undefined,
  reference: number | null | undefined,
): number | null {
  const top = finite(value);
  const bottom = finite(reference);

  return top === null || bottom === null || bottom === 0 ? null : top / bottom;
}

function columnIndex(data: EvaluationData, name: string): number {
  const index = data.columns.findIndex((column) => column.name === name);
  if (index < 0) {
    const available = data.columns.map((column) => column.name).join(", ");
    throw new RangeError(`unknown column "${name}"; available: ${available}`);
  }

  return index;
}
