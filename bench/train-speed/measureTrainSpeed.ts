/**
 * Measures microseconds per Adam step of the 6-20-6-17 network with batch norm.
 * The data are 80 synthetic rows in batches of 10, so 8 steps per epoch. The
 * figures are the fused engine with one model and with 30 models trained
 * together, the TensorFlow.js engine, and the PyTorch reference in
 * torch_reference.py on one thread.
 *
 * With `--threads 1,2`, it instead times two workloads on the fused engine with
 * each listed number of worker threads (createNetworkEngine's `threads`). The
 * first is evaluateRepeated with 30 repetitions of LINEAR, SINGLE_TASK and
 * MULTI_TASK on every target, the second runSelection's feature elimination
 * with 100 repetitions, both on THREADS_DATA_FILE with the default network. It prints the wall-clock
 * and process CPU seconds (all threads) of each run and of the start-up of the
 * workers, the medians, the speed-up over the first listed thread count, and
 * whether every thread count gave the same results.
 *
 * Usage: npx tsx bench/train-speed/measureTrainSpeed.ts [--repeats 3] [--python /usr/bin/python3]
 *   [--threads 1,2]
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import {
  createFusedEngine,
  createMatrix,
  createNetworkEngine,
  createRandom,
  createTfjsEngine,
  evaluateRepeated,
  type Matrix,
  type NetworkEngine,
  type NetworkOptions,
  parseTable,
  resolveEvaluationConfig,
  runSelection,
  trainNetworks,
  type TrainingJob,
} from "../../packages/core-ml/src/index.js";

const ROWS = 80;
const INPUTS = 6;
const OUTPUTS = 17;
const BATCH_SIZE = 10;
const STEPS_PER_EPOCH = Math.ceil(ROWS / BATCH_SIZE);
const GROUP_SIZE = 30;

/** Epochs timed per figure. Each figure took 0.2 to 2 s on the machine of bench/RESULTS.md. */
const EPOCHS = { fusedOne: 2000, fusedGroup: 400, tfjs: 40 };
const TORCH_STEPS = 3000;

/** Data of the --threads workloads: 10 samples, 10 oxide features, 17 targets. */
const THREADS_DATA_FILE = "data/song2024_doe_demo10pct_molar.csv";

interface Figure {
  /** Wall-clock microseconds per step, per model for the group. */
  wall: number;
  /** Process CPU microseconds per step, per model for the group. */
  cpu: number;
}

/** Wall-clock and process CPU seconds of one --threads stage; CPU adds up every thread. */
interface StageSeconds {
  wall: number;
  cpu: number;
}

interface TorchResult {
  torch: string;
  microsecondsPerStep: number;
  cpuMicrosecondsPerStep: number;
}

const { values: args } = parseArgs({
  options: {
    repeats: { type: "string", default: "3" },
    python: { type: "string", default: "/usr/bin/python3" },
    threads: { type: "string" },
  },
});
const repeats = Number(args.repeats);
if (!Number.isInteger(repeats) || repeats < 1) {
  throw new RangeError(`--repeats must be a positive integer, got ${args.repeats}`);
}

const { x, y } = syntheticData();

if (args.threads !== undefined) {
  await measureThreadSpeedup(parseThreadCounts(args.threads));
  // Skips the per-step figures below; idle training workers would exit on their own.
  process.exit();
}

const tfjsEngine = await createTfjsEngine();
const fusedEngine = createFusedEngine();

// Warm-up: JIT compilation, WebAssembly compilation, TensorFlow.js kernels.
await fusedEngine.train(x, y, options(0, 50));
await trainNetworks(groupJobs(10));
await tfjsEngine.train(x, y, options(0, 3));

const runs: Record<"fusedOne" | "fusedGroup" | "tfjs" | "torch", Figure>[] = [];
let torchVersion = "unknown";
for (let run = 1; run <= repeats; run++) {
  const fusedOne = await time(EPOCHS.fusedOne * STEPS_PER_EPOCH, () =>
    fusedEngine.train(x, y, options(run, EPOCHS.fusedOne)),
  );
  const fusedGroup = await time(EPOCHS.fusedGroup * STEPS_PER_EPOCH * GROUP_SIZE, () =>
    trainNetworks(groupJobs(EPOCHS.fusedGroup)),
  );
  const tfjs = await time(EPOCHS.tfjs * STEPS_PER_EPOCH, () =>
    tfjsEngine.train(x, y, options(run, EPOCHS.tfjs)),
  );
  const torchResult = runTorch(args.python);
  torchVersion = torchResult.torch;
  const torch = {
    wall: torchResult.microsecondsPerStep,
    cpu: torchResult.cpuMicrosecondsPerStep,
  };
  runs.push({ fusedOne, fusedGroup, tfjs, torch });
  console.log(`run ${run}/${repeats}: ${JSON.stringify({ fusedOne, fusedGroup, tfjs, torch })}`);
}

const median = (pick: (run: (typeof runs)[number]) => number) => {
  const sorted = runs.map(pick).sort((a, b) => a - b);

  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};

const rows = [
  ["fused-f64, 1 model", "fusedOne"],
  [`fused-f64, ${GROUP_SIZE} models together (per model-step)`, "fusedGroup"],
  [`${tfjsEngine.name}, 1 model`, "tfjs"],
  [`PyTorch ${torchVersion}, 1 model, 1 thread`, "torch"],
] as const;
const torchWall = median((run) => run.torch.wall);
const torchCpu = median((run) => run.torch.cpu);

console.log(
  `\nMachine: ${availableParallelism()} CPUs, ${cpus()[0]?.model ?? "unknown CPU"}, ` +
    `Node ${process.version}, load average at the end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
);
console.log(`Median of ${repeats} run(s), microseconds per Adam step:\n`);
console.log("| Engine | wall µs | CPU µs | PyTorch / this, wall | PyTorch / this, CPU |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const [label, key] of rows) {
  const wall = median((run) => run[key].wall);
  const cpu = median((run) => run[key].cpu);
  console.log(
    `| ${label} | ${wall.toFixed(1)} | ${cpu.toFixed(1)} | ` +
      `${(torchWall / wall).toFixed(1)} | ${(torchCpu / cpu).toFixed(1)} |`,
  );
}

function syntheticData(): { x: Matrix; y: Matrix } {
  const random = createRandom(2024);
  const draw = (length: number) => Float64Array.from({ length }, () => 2 * random.next() - 1);

  return {
    x: createMatrix(ROWS, INPUTS, draw(ROWS * INPUTS)),
    y: createMatrix(ROWS, OUTPUTS, draw(ROWS * OUTPUTS)),
  };
}

function options(seed: number, epochs: number): NetworkOptions {
  return {
    hiddenUnits: [20, 6],
    learningRate: 10 ** -3.33,
    weightDecay: 1e-2,
    batchSize: BATCH_SIZE,
    epochs,
    lossWeights: new Array<number>(OUTPUTS).fill(1),
    seed,
  };
}

function groupJobs(epochs: number) {
  return Array.from({ length: GROUP_SIZE }, (_, i) => ({ x, y, options: options(i, epochs) }));
}

/** Runs `train` once and returns its wall-clock and CPU time per step in microseconds. */
async function time(steps: number, train: () => Promise<unknown>): Promise<Figure> {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  await train();
  const wall = ((performance.now() - wallStart) * 1000) / steps;
  const { user, system } = process.cpuUsage(cpuStart);

  return { wall, cpu: (user + system) / steps };
}

function runTorch(python: string): TorchResult {
  const script = fileURLToPath(new URL("torch_reference.py", import.meta.url));
  const command = [python, script, "--steps", String(TORCH_STEPS)];
  let output: string;
  try {
    output = execFileSync(command[0] ?? python, command.slice(1), { encoding: "utf8" });
  } catch (error) {
    throw new Error(
      `the PyTorch reference failed (${command.join(" ")}); install PyTorch for that ` +
        "interpreter (Debian: apt-get install -y python3-torch) or pass --python PATH",
      { cause: error },
    );
  }

  return JSON.parse(output) as TorchResult;
}

function parseThreadCounts(list: string): number[] {
  const counts = list.split(",").map(Number);
  if (counts.some((count) => !Number.isInteger(count) || count < 1)) {
    throw new RangeError(
      `--threads must be a comma-separated list of positive integers, such as 1,2; got "${list}"`,
    );
  }

  return counts;
}

/**
 * Times the evaluation and the feature elimination with each thread count,
 * `repeats` times. Each repeat creates a new engine per thread count and first
 * times a warm-up call (30 jobs of one epoch), which starts its worker threads
 * and compiles the kernels. The two workloads thus exclude that start-up, as the
 * per-step figures exclude JIT and WebAssembly compilation. Idle workers stay
 * for 5 s, and the workloads follow each other within that time.
 */
async function measureThreadSpeedup(threadCounts: readonly number[]): Promise<void> {
  const path = fileURLToPath(new URL(`../../${THREADS_DATA_FILE}`, import.meta.url));
  const table = parseTable(readFileSync(path, "utf8"));
  const evaluationConfig = resolveEvaluationConfig(
    { seed: 0, models: ["LINEAR", "SINGLE_TASK", "MULTI_TASK"] },
    table.columns,
  );
  const eliminationConfig = resolveEvaluationConfig(
    { seed: 0, task: "FEATURE_ELIMINATION" },
    table.columns,
  );
  console.log(
    `Machine: ${availableParallelism()} CPUs, ${cpus()[0]?.model ?? "unknown CPU"}, ` +
      `Node ${process.version}, load average at the start ${formatLoad()}`,
  );
  console.log(
    `Data: ${THREADS_DATA_FILE}; evaluation: ${evaluationConfig.repetitions} repetitions of ` +
      `${evaluationConfig.models.join(", ")} on ${evaluationConfig.targets.length} targets; ` +
      `feature elimination: ${eliminationConfig.selection.repetitions} repetitions from ` +
      `${eliminationConfig.features.length} features; ${evaluationConfig.network.epochs} epochs\n`,
  );

  const stages = ["start-up", "evaluation", "feature elimination"] as const;
  const times = new Map<string, StageSeconds[]>();
  const outputs = new Map<string, Set<string>>();
  const record = (stage: string, threads: number, figure: StageSeconds, output: string) => {
    const key = `${stage}/${threads}`;
    times.set(key, [...(times.get(key) ?? []), figure]);
    outputs.set(stage, (outputs.get(stage) ?? new Set()).add(output));
    // CPU / wall is the number of CPUs kept busy; below the thread count, other processes
    // or waiting took the rest.
    console.log(
      `${stage}, ${threads} thread(s): ${figure.wall.toFixed(2)} s wall, ` +
        `${figure.cpu.toFixed(2)} s CPU (${(figure.cpu / figure.wall).toFixed(2)} CPUs busy), ` +
        `load ${formatLoad()}`,
    );
  };

  for (let run = 1; run <= repeats; run++) {
    console.log(`run ${run}/${repeats}`);
    for (const threads of threadCounts) {
      const engine = await createNetworkEngine("fused", { threads });
      const warmUp = await timeSeconds(() => trainNetworksOn(engine, groupJobs(1)));
      record("start-up", threads, warmUp.figure, warmUp.output);
      const evaluation = await timeSeconds(async () => {
        const results = await evaluateRepeated(table, evaluationConfig, { engine });

        return JSON.stringify(results.map((result) => result.artifact));
      });
      record("evaluation", threads, evaluation.figure, evaluation.output);
      const elimination = await timeSeconds(async () =>
        JSON.stringify(await runSelection(table, eliminationConfig, { engine })),
      );
      record("feature elimination", threads, elimination.figure, elimination.output);
    }
  }

  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;
  console.log(`\nMedian of ${repeats} run(s), seconds:\n`);
  console.log("| Stage | Threads | wall s | CPU s | Speed-up, wall | Same results |");
  console.log("| --- | ---: | ---: | ---: | ---: | --- |");
  for (const stage of stages) {
    const wallOf = (threads: number | undefined) =>
      median((times.get(`${stage}/${threads}`) ?? []).map((figure) => figure.wall));
    const same = outputs.get(stage)?.size === 1 ? "yes" : "no";
    for (const threads of threadCounts) {
      const cpu = median((times.get(`${stage}/${threads}`) ?? []).map((figure) => figure.cpu));
      const speedUp =
        stage === "start-up" ? "-" : (wallOf(threadCounts[0]) / wallOf(threads)).toFixed(2);
      console.log(
        `| ${stage} | ${threads} | ${wallOf(threads).toFixed(2)} | ${cpu.toFixed(2)} | ` +
          `${speedUp} | ${same} |`,
      );
    }
  }
}

/** Trains the jobs with the engine's trainMany, as trainAll does for engines that have it. */
async function trainNetworksOn(engine: NetworkEngine, jobs: TrainingJob[]): Promise<string> {
  if (engine.trainMany === undefined) {
    throw new Error(`the ${engine.name} engine has no trainMany`);
  }

  return JSON.stringify(await engine.trainMany(jobs));
}

/** Runs `work` once and returns its output with its wall-clock and process CPU seconds. */
async function timeSeconds(
  work: () => Promise<string>,
): Promise<{ figure: StageSeconds; output: string }> {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const output = await work();
  const wall = (performance.now() - wallStart) / 1000;
  const { user, system } = process.cpuUsage(cpuStart);

  return { figure: { wall, cpu: (user + system) / 1e6 }, output };
}

function formatLoad(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(" ");
}
