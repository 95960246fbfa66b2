/**
 * Compares packages/core-ml's evaluation with an independent PyTorch and scikit-learn
 * implementation (reference_protocol.py) on the same train/test splits.
 *
 * For each data file, evaluateRepeated runs LINEAR, SINGLE_TASK and the baselines
 * (RANDOM_FOREST, GRADIENT_BOOSTING, SVR) on the total REE and MULTI_TASK on every target
 * with EQUAL and with MEAN loss weights, on the fused engine. The reference fits
 * scikit-learn's RandomForestRegressor, GradientBoostingRegressor and SVR with the same
 * settings. Its random forests draw other bootstrap samples, so only their distributions
 * can agree.
 * It uses the default config: the study's 6 oxides, stratified 80/20 splits and the
 * study's network. evaluateRepeated draws its splits from the config's seed and takes no fixed
 * splits. So this script reads each repetition's split back from the returned
 * predictions, checks that the three calls drew the same ones, and writes them to JSON
 * for the reference. The table gives mean ± sample sd over the repetitions of R2 and
 * MAPE (%) of the total REE. A mean agrees when it lies within one reference sd of the
 * reference mean. LINEAR is deterministic, so its per-repetition scores must also match
 * to 1e-6. The reference trains with stock PyTorch batch norm, whose running variance
 * follows the unbiased batch variance as the engine's does; --moving-variance biased
 * switches it to the biased convention of TensorFlow.js.
 *
 * The replay then trains each network model on the first --replay splits with
 * trainNetworks, and replay_networks.py repeats those trainings in PyTorch from the same
 * initial weights and batch order. In float64 with the engine's batch norm convention, the
 * predictions must match to 1e-6. The exit code is 1 when any check fails.
 *
 * Usage: npx tsx bench/reference/compareFidelity.ts [--repetitions 30] [--seed 0]
 *   [--data FILE]... [--python /usr/bin/python3] [--moving-variance unbiased|biased]
 *   [--replay 3] [--out DIR]
 * --seed sets both the config seed, which fixes the splits, and the base of the reference's
 * torch.manual_seed. --out keeps the splits and outputs (default: a new temporary folder).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import {
  createFusedEngine,
  type EvaluationConfig,
  evaluateRepeated,
  meanAbsolutePercentageError,
  type ModelEvaluation,
  parseTable,
  r2Score,
  resolveEvaluationConfig,
  type Split,
  summarize,
  type Summary,
  type Table,
  TOTAL_REE_COLUMN,
} from "../../packages/core-ml/src/index.js";
import { buildReplayJobs } from "./buildReplayJobs.js";

const DATA_FILES = [
  "data/song2024_doe_demo10pct_molar.csv",
  "data/song2024_franus2015_polish_molar.csv",
];

/** Models of the comparison, named as reference_protocol.py names them. */
const MODELS = [
  "LINEAR",
  "SINGLE_TASK",
  "MULTI_TASK_EQUAL",
  "MULTI_TASK_MEAN",
  "RANDOM_FOREST",
  "GRADIENT_BOOSTING",
  "SVR",
] as const;
type ModelName = (typeof MODELS)[number];
const SETS = ["TRAIN", "TEST"] as const;
type SetName = (typeof SETS)[number];
const METRICS = ["r2", "mape"] as const;
type MetricName = (typeof METRICS)[number];

/** Largest per-repetition difference of a LINEAR score, small because both sides solve in float64. */
const LINEAR_TOLERANCE = 1e-6;

/**
 * Largest difference of a replayed float64 prediction, in z-score units. The engine and
 * PyTorch add in different orders, so they differ by rounding. After 500 Adam steps on the
 * bundled US and Polish data, the largest difference was 8e-15.
 */
const REPLAY_TOLERANCE = 1e-6;
const REPLAY_CHECKED_VARIANT = "float64, unbiased";

/** Per-repetition scores of the total REE: scores[set][metric][repetition]. */
type Scores = Record<SetName, Record<MetricName, (number | null)[]>>;

interface ReplayOutput {
  torch: string;
  jobs: {
    model: string;
    repetition: number;
    /** Max |PyTorch - engine| per variant ("float64, biased", ...), z-score units. */
    maxDifference: Record<string, number>;
  }[];
}

interface ReferenceOutput {
  torch: string;
  sklearn: string;
  movingVariance: string;
  seconds: number;
  /** Per-repetition scores, and their mean and sample sd as numpy computes them. */
  models: Record<
    ModelName,
    Record<SetName, Record<MetricName, number[]> & Record<`${MetricName}Summary`, Summary>>
  >;
}

const { values: args } = parseArgs({
  options: {
    repetitions: { type: "string", default: "30" },
    seed: { type: "string", default: "0" },
    data: { type: "string", multiple: true, default: DATA_FILES },
    python: { type: "string", default: "/usr/bin/python3" },
    "moving-variance": { type: "string", default: "unbiased" },
    replay: { type: "string", default: "3" },
    out: { type: "string" },
  },
});
const repetitions = parseInteger("repetitions", args.repetitions, 2);
const seed = parseInteger("seed", args.seed, 0);
const replayCount = Math.min(parseInteger("replay", args.replay, 0), repetitions);
const movingVariance = args["moving-variance"];
if (movingVariance !== "unbiased" && movingVariance !== "biased") {
  throw new RangeError(`--moving-variance must be unbiased or biased, got "${movingVariance}"`);
}

const outDirectory = args.out ?? mkdtempSync(join(tmpdir(), "ree-fidelity-"));
mkdirSync(outDirectory, { recursive: true });

console.log(
  `Machine: ${availableParallelism()} CPUs, ${cpus()[0]?.model ?? "unknown CPU"}, ` +
    `Node ${process.version}, load average ${formatLoad()}`,
);
let failures = 0;
for (const dataPath of args.data) {
  failures += await compareDataSet(dataPath);
}

console.log(`\nLoad average at the end: ${formatLoad()}. Splits and outputs in ${outDirectory}`);
if (failures > 0) {
  console.log(`${failures} check(s) failed`);
  process.exitCode = 1;
}

/** Runs both implementations on one data file, prints its table and returns the failed checks. */
async function compareDataSet(dataPath: string): Promise<number> {
  const table = parseTable(readFileSync(dataPath, "utf8"));
  const config = resolveEvaluationConfig({ repetitions, seed }, table.columns);
  if (config.targets[0] !== TOTAL_REE_COLUMN) {
    throw new RangeError(`${dataPath}: expected a ${TOTAL_REE_COLUMN} column to score`);
  }

  const started = performance.now();
  const ours = await evaluateOurs(table, config);
  const ourSeconds = (performance.now() - started) / 1000;

  const splitsPath = join(outDirectory, `${basename(dataPath, ".csv")}.splits.json`);
  const { lossWeighting: _lossWeighting, ...network } = config.network;
  const protocol = {
    features: config.features,
    targets: config.targets,
    network,
    baselines: config.baselines,
  };
  writeFileSync(splitsPath, `${JSON.stringify({ ...protocol, splits: ours.splits })}\n`);
  const reference = JSON.parse(
    runPython("reference_protocol.py", [
      "--data",
      dataPath,
      "--splits",
      splitsPath,
      "--seed",
      String(seed),
      "--moving-variance",
      movingVariance,
    ]),
  ) as ReferenceOutput;
  writeFileSync(
    splitsPath.replace(/\.splits\.json$/, ".reference.json"),
    JSON.stringify(reference),
  );

  console.log(
    `\n## ${dataPath}: ${table.labels.length} samples, ${ours.splits[0]?.test.length} test ` +
      `rows per split, ${repetitions} repetitions, features ${config.features.join(" ")}`,
  );
  console.log(
    `ours: fused engine, ${ourSeconds.toFixed(1)} s; reference: PyTorch ${reference.torch} ` +
      `(float32, 1 thread, ${reference.movingVariance} moving variance), ` +
      `scikit-learn ${reference.sklearn}, ${reference.seconds.toFixed(1)} s\n`,
  );

  let failures = printComparison(ours.scores, reference) + checkLinear(ours.scores, reference);
  printPairedDifferences(ours.scores, reference);
  if (replayCount > 0) {
    const jobs = await buildReplayJobs(table, config, ours.splits, replayCount);
    const jobsPath = splitsPath.replace(/\.splits\.json$/, ".replay-jobs.json");
    writeFileSync(jobsPath, JSON.stringify(jobs));
    const replay = runPython("replay_networks.py", ["--jobs", jobsPath]);
    failures += printReplay(JSON.parse(replay) as ReplayOutput);
  }

  return failures;
}

/** Runs evaluateRepeated three times on the same splits and scores each repetition. */
async function evaluateOurs(
  table: Table,
  config: EvaluationConfig,
): Promise<{ splits: Split[]; scores: Record<ModelName, Scores> }> {
  const engine = createFusedEngine();
  const evaluate = (partial: Partial<EvaluationConfig>) =>
    evaluateRepeated(table, { ...config, ...partial }, { engine });
  // The total alone for LINEAR and SINGLE_TASK, so that SINGLE_TASK trains only its network.
  const [linear, single] = await evaluate({
    targets: [TOTAL_REE_COLUMN],
    models: ["LINEAR", "SINGLE_TASK"],
  });
  const [equal] = await evaluate({
    models: ["MULTI_TASK"],
    network: { ...config.network, lossWeighting: "EQUAL" },
  });
  const [mean] = await evaluate({
    models: ["MULTI_TASK"],
    network: { ...config.network, lossWeighting: "MEAN" },
  });
  const [forest, boosting, svr] = await evaluate({
    targets: [TOTAL_REE_COLUMN],
    models: ["RANDOM_FOREST", "GRADIENT_BOOSTING", "SVR"],
  });
  const evaluations: Record<ModelName, ModelEvaluation | undefined> = {
    LINEAR: linear,
    SINGLE_TASK: single,
    MULTI_TASK_EQUAL: equal,
    MULTI_TASK_MEAN: mean,
    RANDOM_FOREST: forest,
    GRADIENT_BOOSTING: boosting,
    SVR: svr,
  };

  const values = getTotals(table);
  const splits = readSplits(defined(linear, "LINEAR"));
  const scores = {} as Record<ModelName, Scores>;
  for (const name of MODELS) {
    const evaluation = defined(evaluations[name], name);
    const own = readSplits(evaluation);
    if (JSON.stringify(own) !== JSON.stringify(splits)) {
      throw new Error(
        `${name} was evaluated on other splits than LINEAR, but the comparison needs one set`,
      );
    }

    scores[name] = scoreRepetitions(evaluation, values);
    checkAgainstSummary(name, evaluation, scores[name]);
  }

  return { splits, scores };
}

/** Runs a script of this folder with --python and returns its standard output. */
function runPython(script: string, scriptArgs: string[]): string {
  const command = [fileURLToPath(new URL(script, import.meta.url)), ...scriptArgs];
  try {
    return execFileSync(args.python, command, {
      encoding: "utf8",
      // replay_networks.py imports reference_protocol.py; keep its bytecode out of the tree.
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(
      `the reference failed (${args.python} ${command.join(" ")}). Run that command to see ` +
        "its error. It needs PyTorch and scikit-learn for that interpreter (Debian: " +
        "apt-get install -y python3-torch python3-sklearn), or pass --python PATH",
      { cause: error },
    );
  }
}

/** Reads each repetition's train and test rows, in ascending order, back from the predictions. */
function readSplits(evaluation: ModelEvaluation): Split[] {
  const splits = Array.from({ length: repetitions }, (): Split => ({ train: [], test: [] }));
  for (const { repetition, sample, split } of evaluation.predictions) {
    const target = defined(splits[repetition - 1], `split of repetition ${repetition}`);
    (split === "TRAIN" ? target.train : target.test).push(sample);
  }

  for (const split of splits) {
    split.train.sort((a, b) => a - b);
    split.test.sort((a, b) => a - b);
  }

  return splits;
}

function getTotals(table: Table): Float64Array {
  const column = table.columns.findIndex((c) => c.name === TOTAL_REE_COLUMN);

  return Float64Array.from(
    { length: table.values.rows },
    (_, i) => table.values.data[i * table.values.columns + column] ?? NaN,
  );
}

/** R2 and MAPE of the total REE (the first output) per repetition, from the stored predictions. */
function scoreRepetitions(evaluation: ModelEvaluation, totals: Float64Array): Scores {
  const scores: Scores = { TRAIN: { r2: [], mape: [] }, TEST: { r2: [], mape: [] } };
  for (let repetition = 1; repetition <= repetitions; repetition++) {
    for (const set of SETS) {
      const rows = evaluation.predictions.filter(
        (p) => p.repetition === repetition && p.split === set,
      );
      const measured = rows.map((p) => totals[p.sample] ?? NaN);
      const predicted = rows.map((p) => p.values[0] ?? NaN);
      scores[set].r2.push(r2Score(measured, predicted));
      scores[set].mape.push(meanAbsolutePercentageError(measured, predicted));
    }
  }

  return scores;
}

/** Checks that the per-repetition scores reproduce evaluateRepeated's own summary of the total. */
function checkAgainstSummary(name: ModelName, evaluation: ModelEvaluation, scores: Scores): void {
  for (const set of SETS) {
    const reported = evaluation.metrics.find(
      (m) => m.target === TOTAL_REE_COLUMN && m.split === set,
    );
    for (const metric of METRICS) {
      const expected = reported?.[metric].mean ?? NaN;
      const recomputed = summarize(scores[set][metric]).mean ?? NaN;
      if (!(Math.abs(expected - recomputed) <= 1e-9 * Math.max(1, Math.abs(expected)))) {
        throw new Error(
          `${name} ${set} ${metric}: mean of the rescored repetitions is ${recomputed}, ` +
            `but evaluateRepeated reported ${expected}`,
        );
      }
    }
  }
}

/**
 * Prints the table of one data set and returns the number of means outside one reference sd.
 * The difference column is |ours - reference| / reference sd.
 */
function printComparison(ours: Record<ModelName, Scores>, reference: ReferenceOutput): number {
  const header = ["Model", "Set", "Metric", "Ours (mean ± sd)", "Reference (mean ± sd)"];
  console.log(`| ${[...header, "Difference / ref sd", "Agrees"].join(" | ")} |`);
  console.log("| --- | --- | --- | ---: | ---: | ---: | --- |");
  let disagreements = 0;
  for (const name of MODELS) {
    for (const set of SETS) {
      for (const metric of METRICS) {
        const own = summarize(ours[name][set][metric]);
        const ref = reference.models[name][set][`${metric}Summary`];
        const distance = Math.abs((own.mean ?? NaN) - (ref.mean ?? NaN)) / (ref.sd ?? NaN);
        const agrees = distance <= 1;
        disagreements += agrees ? 0 : 1;
        const cells = [name, set, metric === "r2" ? "R2" : "MAPE %", format(own), format(ref)];
        console.log(`| ${[...cells, distance.toFixed(2), agrees ? "yes" : "NO"].join(" | ")} |`);
      }
    }
  }

  return disagreements;
}

/** Compares LINEAR per repetition, where both sides must give the same least-squares fit. */
function checkLinear(ours: Record<ModelName, Scores>, reference: ReferenceOutput): number {
  let largest = 0;
  for (const set of SETS) {
    for (const metric of METRICS) {
      ours.LINEAR[set][metric].forEach((value, r) => {
        const difference = Math.abs(
          (value ?? NaN) - (reference.models.LINEAR[set][metric][r] ?? NaN),
        );
        largest = Number.isNaN(difference) ? Infinity : Math.max(largest, difference);
      });
    }
  }

  const passed = largest <= LINEAR_TOLERANCE;
  console.log(
    `\nLINEAR per repetition, largest |ours - scikit-learn| over R2 and MAPE: ` +
      `${largest.toExponential(1)} (${passed ? "within" : "OUTSIDE"} ${LINEAR_TOLERANCE})`,
  );

  return passed ? 0 : 1;
}

/**
 * Prints, for information, the largest per-repetition difference of each deterministic
 * baseline. SVR runs the same libsvm solver on both sides. Boosting without subsamples
 * grows the same greedy trees unless two splits tie.
 */
function printPairedDifferences(ours: Record<ModelName, Scores>, reference: ReferenceOutput) {
  for (const name of ["GRADIENT_BOOSTING", "SVR"] as const) {
    let largest = 0;
    for (const set of SETS) {
      for (const metric of METRICS) {
        ours[name][set][metric].forEach((value, r) => {
          const difference = Math.abs(
            (value ?? NaN) - (reference.models[name][set][metric][r] ?? NaN),
          );
          largest = Number.isNaN(difference) ? Infinity : Math.max(largest, difference);
        });
      }
    }

    console.log(
      `${name} per repetition, largest |ours - scikit-learn| over R2 and MAPE: ` +
        largest.toExponential(1),
    );
  }
}

/** Prints the replay's differences and returns 1 when the float64 replay misses the tolerance. */
function printReplay(replay: ReplayOutput): number {
  const variants = Object.keys(replay.jobs[0]?.maxDifference ?? {});
  console.log(
    `\nReplay in PyTorch ${replay.torch} from the engine's initial weights and batch order: ` +
      "max |PyTorch - engine| over all samples and outputs, z-score units\n",
  );
  console.log(`| Model | Repetition | ${variants.join(" | ")} |`);
  console.log(`| --- | ---: | ${variants.map(() => "---:").join(" | ")} |`);
  let largest = 0;
  for (const { model, repetition, maxDifference } of replay.jobs) {
    const cells = variants.map((variant) => (maxDifference[variant] ?? NaN).toExponential(1));
    console.log(`| ${model} | ${repetition} | ${cells.join(" | ")} |`);
    const checked = maxDifference[REPLAY_CHECKED_VARIANT] ?? NaN;
    largest = Number.isNaN(checked) ? Infinity : Math.max(largest, checked);
  }

  const passed = largest <= REPLAY_TOLERANCE;
  console.log(
    `\n${REPLAY_CHECKED_VARIANT}: largest difference ${largest.toExponential(1)} ` +
      `(${passed ? "within" : "OUTSIDE"} ${REPLAY_TOLERANCE})`,
  );

  return passed ? 0 : 1;
}

function format({ mean, sd }: Summary): string {
  const digits = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(3));

  return mean === null ? "n/a" : `${digits(mean)} ± ${sd === null ? "n/a" : digits(sd)}`;
}

function formatLoad(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(" ");
}

function defined<T>(value: T | undefined, description: string): T {
  if (value === undefined) {
    throw new Error(`missing ${description}`);
  }

  return value;
}

function parseInteger(name: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`--${name} must be an integer of at least ${minimum}, got "${text}"`);
  }

  return value;
}
