/**
 * Times the study's whole protocol on one data file, stage by stage, on the fused engine:
 *
 * 1. recursive feature elimination: 100 repetitions from every oxide, single-task network
 *    on the total REE, validation MAPE (runSelection, task FEATURE_ELIMINATION);
 * 2. grid search over the study's 6400-point grid on the study's 6 oxides
 *    (runSelection, task GRID_SEARCH, which runs gridSearch with STUDY_GRID);
 * 3. evaluation: evaluateRepeated with 30 repetitions of LINEAR, SINGLE_TASK and MULTI_TASK
 *    with EQUAL loss weights, then of MULTI_TASK with MEAN loss weights, on every target;
 * 4. analyses: SHAP, feature effects, noise and screening of each of the four ensembles.
 *
 * evaluateRepeated runs the analyses inside its call. To time them as a stage of their
 * own, this script calls evaluateRepeated without analyses and then analyzeModel on each
 * ensemble with the inputs that evaluateRepeated passes it. Every stage prints its
 * wall-clock and process CPU seconds, and the total is compared with a 5-minute target.
 *
 * Usage: npx tsx bench/protocol/timeProtocol.ts [--data data/song2024_doe_demo10pct_molar.csv]
 *   [--seed 0]
 */
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";

import {
  analyzeModel,
  createFusedEngine,
  type EvaluationConfig,
  evaluateRepeated,
  getColumn,
  type ModelAnalyses,
  type ModelEvaluation,
  type PartialEvaluationConfig,
  parseTable,
  resolveEvaluationConfig,
  type RfeResult,
  runSelection,
  selectColumns,
  type GridSearchResult,
} from "../../packages/core-ml/src/index.js";

/** Target wall-clock time of the whole protocol, 5 minutes. */
const TARGET_SECONDS = 300;
const KEPT_FEATURES = 6;
const ANALYSES = ["SHAP", "FEATURE_EFFECTS", "NOISE", "SCREENING"] as const;

interface StageTime {
  stage: string;
  wall: number;
  cpu: number;
}

const { values: args } = parseArgs({
  options: {
    data: { type: "string", default: "data/song2024_doe_demo10pct_molar.csv" },
    seed: { type: "string", default: "0" },
  },
});
const seed = Number(args.seed);
if (!Number.isInteger(seed)) {
  throw new RangeError(`--seed must be an integer, got "${args.seed}"`);
}

const table = parseTable(readFileSync(args.data, "utf8"));
const engine = createFusedEngine();
const resolve = (partial: PartialEvaluationConfig) =>
  resolveEvaluationConfig({ seed, ...partial }, table.columns);
const times: StageTime[] = [];

console.log(
  `Machine: ${availableParallelism()} CPUs, ${cpus()[0]?.model ?? "unknown CPU"}, ` +
    `Node ${process.version}, load average ${formatLoad()}`,
);
console.log(`Data: ${args.data}, ${table.labels.length} samples, seed ${seed}\n`);

const eliminationConfig = resolve({ task: "FEATURE_ELIMINATION" });
const { featureElimination } = await timeStage("feature elimination", () =>
  runSelection(table, eliminationConfig, { engine }),
);
printElimination(defined(featureElimination, "feature elimination result"));

const gridConfig = resolve({ task: "GRID_SEARCH" });
const { gridSearch } = await timeStage("grid search", () =>
  runSelection(table, gridConfig, { engine }),
);
printGrid(defined(gridSearch, "grid search result"), gridConfig);

const equalConfig = resolve({
  models: ["LINEAR", "SINGLE_TASK", "MULTI_TASK"],
  network: { lossWeighting: "EQUAL" },
});
const meanConfig = resolve({ models: ["MULTI_TASK"], network: { lossWeighting: "MEAN" } });
const evaluations = await timeStage("evaluation", async () => [
  ...(await evaluateRepeated(table, equalConfig, { engine })),
  ...(await evaluateRepeated(table, meanConfig, { engine })),
]);
const labels = ["LINEAR", "SINGLE_TASK", "MULTI_TASK (EQUAL)", "MULTI_TASK (MEAN)"];
printEvaluations(evaluations, labels, equalConfig.targets[0] ?? "");

await timeStage("analyses", async () =>
  evaluations.map((evaluation) => analyze(evaluation, equalConfig)),
);

printTimes();

/** Runs one stage and records its wall-clock and process CPU seconds. */
async function timeStage<T>(stage: string, run: () => Promise<T>): Promise<T> {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const result = await run();
  const { user, system } = process.cpuUsage(cpuStart);
  const time = { stage, wall: (performance.now() - wallStart) / 1000, cpu: (user + system) / 1e6 };
  times.push(time);
  console.log(`${stage}: ${time.wall.toFixed(1)} s wall, ${time.cpu.toFixed(1)} s CPU\n`);

  return result;
}

/** Runs the four analyses on the first target, with the inputs evaluateRepeated gives analyzeModel. */
function analyze(evaluation: ModelEvaluation, config: EvaluationConfig): ModelAnalyses {
  const column = (name: string) => table.columns.findIndex((c) => c.name === name);
  const x = selectColumns(table.values, config.features.map(column));
  const measured = getColumn(selectColumns(table.values, [column(config.targets[0] ?? "")]), 0);
  const tests = evaluation.predictions.filter((prediction) => prediction.split === "TEST");

  return analyzeModel(
    {
      artifact: evaluation.artifact,
      x,
      measured,
      testMeasured: tests.map((prediction) => measured[prediction.sample] ?? NaN),
      testPredicted: tests.map((prediction) => prediction.values[0] ?? NaN),
    },
    { analyses: ANALYSES, screeningThreshold: config.screeningThreshold, seed: config.seed },
  );
}

function printElimination(result: RfeResult): void {
  console.log("Normalised validation MAPE (error with n features / error with all), mean ± sd:");
  result.counts.forEach((count, step) => {
    const { mean, sd } = result.normalizedError[step] ?? { mean: null, sd: null };
    console.log(`  ${String(count).padStart(2)} features: ${formatSummary(mean, sd)}`);
  });

  const step = result.counts.indexOf(KEPT_FEATURES);
  const kept = (result.keptProbability[step] ?? [])
    .map((probability, feature) => ({ name: result.features[feature] ?? "?", probability }))
    .sort((a, b) => b.probability - a.probability)
    .slice(0, KEPT_FEATURES);
  console.log(`The ${KEPT_FEATURES} features most often kept at ${KEPT_FEATURES} features:`);
  for (const { name, probability } of kept) {
    console.log(`  ${name}: ${(100 * probability).toFixed(0)} % of repetitions`);
  }
}

function printGrid(result: GridSearchResult, config: EvaluationConfig): void {
  const { hiddenUnits, learningRate, weightDecay, error } = result.best;
  console.log(
    `Grid of ${result.points.length} points on ${config.features.join(" ")}, ` +
      `${config.selection.repetitions} validation split(s)`,
  );
  console.log(
    `Best: hidden units ${hiddenUnits.join("-")}, learning rate 10^${Math.log10(learningRate).toFixed(2)}, ` +
      `weight decay 10^${Math.log10(weightDecay).toFixed(2)}, validation MAPE ` +
      `${formatSummary(error.mean, error.sd)} %, test MAPE retrained on fit + validation rows ` +
      `${formatSummary(result.bestTestError.mean, result.bestTestError.sd)} %`,
  );
}

function printEvaluations(
  results: readonly ModelEvaluation[],
  names: readonly string[],
  target: string,
): void {
  console.log(`${target}, ${equalConfig.repetitions} repetitions, test set, mean ± sd:`);
  results.forEach((evaluation, i) => {
    const test = evaluation.metrics.find((m) => m.target === target && m.split === "TEST");
    console.log(
      `  ${names[i] ?? evaluation.kind}: R2 ${formatSummary(test?.r2.mean ?? null, test?.r2.sd ?? null)}, ` +
        `MAPE ${formatSummary(test?.mape.mean ?? null, test?.mape.sd ?? null)}`,
    );
  });
}

function printTimes(): void {
  const wall = times.reduce((sum, time) => sum + time.wall, 0);
  const cpu = times.reduce((sum, time) => sum + time.cpu, 0);
  console.log("| Stage | Wall s | CPU s |");
  console.log("| --- | ---: | ---: |");
  for (const time of times) {
    console.log(`| ${time.stage} | ${time.wall.toFixed(1)} | ${time.cpu.toFixed(1)} |`);
  }

  console.log(`| total | ${wall.toFixed(1)} | ${cpu.toFixed(1)} |`);
  const verdict = wall <= TARGET_SECONDS ? "within" : "OVER";
  console.log(
    `\nTotal ${wall.toFixed(1)} s wall: ${verdict} the ${TARGET_SECONDS} s target. ` +
      `Load average at the end: ${formatLoad()}`,
  );
}

function formatSummary(mean: number | null, sd: number | null): string {
  return `${mean === null ? "n/a" : mean.toFixed(3)} ± ${sd === null ? "n/a" : sd.toFixed(3)}`;
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
