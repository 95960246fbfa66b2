/**
 * Measures microseconds per Adam step of the 6-20-6-17 network with batch norm.
 * The data are 80 synthetic rows in batches of 10, so 8 steps per epoch. The
 * figures are the fused engine with one model and with 30 models trained
 * together, the TensorFlow.js engine, and the PyTorch reference in
 * torch_reference.py on one thread.
 *
 * Usage: npx tsx bench/train-speed/measureTrainSpeed.ts [--repeats 3] [--python /usr/bin/python3]
 */
import { execFileSync } from "node:child_process";
import { availableParallelism, cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import {
  createFusedEngine,
  createMatrix,
  createRandom,
  createTfjsEngine,
  type Matrix,
  type NetworkOptions,
  trainNetworks,
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

interface Figure {
  /** Wall-clock microseconds per step, per model for the group. */
  wall: number;
  /** Process CPU microseconds per step, per model for the group. */
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
  },
});
const repeats = Number(args.repeats);
if (!Number.isInteger(repeats) || repeats < 1) {
  throw new RangeError(`--repeats must be a positive integer, got ${args.repeats}`);
}

const { x, y } = syntheticData();
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
