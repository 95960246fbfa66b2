/**
 * Transfers the study's 30-member ensemble to the 12 Polish fly ashes with the three
 * approaches of evaluateTransfer (as is, from scratch, fine-tuned) over many random draws
 * of training samples. Fine-tuning runs in five variants: the output layer with the MSE
 * (the study's transfer), the same with the frozen batch norm in training mode, the output
 * and last hidden layer, and the output layer with the asymmetric loss penalising over- and
 * under-prediction.
 *
 * Per variant and approach it prints the test R2 and MAPE of the total REE (mean ± sd over
 * the draws) and the confusion matrix summed over the draws. Then it scores the study's
 * published Polish models on all 12 samples, the study's own figures for comparison.
 *
 * Usage: npx tsx bench/transfer/compareTransfer.ts [--draws 30] [--training-size 6]
 *   [--epochs 500] [--seed 0] [--threshold 157]
 */
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";

import {
  countConfusion,
  createFusedEngine,
  getColumn,
  importTorchEnsemble,
  importTorchTransferModels,
  meanAbsolutePercentageError,
  type ModelArtifact,
  type PartialEvaluationConfig,
  parseTable,
  predictWithArtifact,
  r2Score,
  resolveTransferConfig,
  selectColumns,
  type Summary,
  type Table,
  type TransferConfig,
  evaluateTransfer,
} from "../../packages/core-ml/src/index.js";

const { values: args } = parseArgs({
  options: {
    draws: { type: "string", default: "30" },
    "training-size": { type: "string", default: "6" },
    epochs: { type: "string", default: "500" },
    seed: { type: "string", default: "0" },
    threshold: { type: "string" },
  },
});

const VARIANTS: { name: string; transfer: Partial<TransferConfig> }[] = [
  { name: "output layer, MSE (the study's transfer)", transfer: {} },
  {
    name: "output layer, MSE, frozen batch norm in training mode",
    transfer: { frozenBatchNorm: "TRAINING" },
  },
  { name: "output and last hidden layer, MSE", transfer: { fineTunedHiddenLayers: 1 } },
  { name: "output layer, asymmetric loss OVER", transfer: { asymmetricLoss: "OVER" } },
  { name: "output layer, asymmetric loss UNDER", transfer: { asymmetricLoss: "UNDER" } },
];

function readData(path: string): string {
  return readFileSync(new URL(`../../data/${path}`, import.meta.url), "utf8");
}

function integerArgument(name: keyof typeof args): number {
  const value = Number(args[name]);
  if (!Number.isInteger(value)) {
    throw new RangeError(`--${name} must be an integer, got "${args[name]}"`);
  }

  return value;
}

function formatSummary({ mean, sd }: Summary, decimals: number): string {
  if (mean === null) {
    return "-";
  }

  return sd === null
    ? mean.toFixed(decimals)
    : `${mean.toFixed(decimals)} ± ${sd.toFixed(decimals)}`;
}

/** Median of the defined values; R2 over 6 test samples has a long negative tail that drags the mean. */
function median(values: readonly (number | null)[]): number {
  const sorted = values.filter((value) => value !== null).sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;

  return ((sorted[Math.floor(middle)] ?? NaN) + (sorted[Math.ceil(middle)] ?? NaN)) / 2;
}

function columnsOf(table: Table, names: readonly string[]): number[] {
  return names.map((name) => table.columns.findIndex((column) => column.name === name));
}

/** Scores a published model on every Polish sample, as the study's reference figures are given. */
function scoreOnAll(artifact: ModelArtifact, table: Table, threshold: number): string {
  const x = selectColumns(table.values, columnsOf(table, artifact.features));
  const measured = getColumn(table.values, columnsOf(table, [artifact.targets[0] ?? ""])[0] ?? -1);
  const predicted = getColumn(predictWithArtifact(artifact, x).mean, 0);
  const confusion = countConfusion(measured, predicted, threshold, threshold);
  const r2 = r2Score(measured, predicted);
  const mape = meanAbsolutePercentageError(measured, predicted);

  return `${r2?.toFixed(3) ?? "-"} | ${mape?.toFixed(1) ?? "-"} | ${[
    confusion.truePositives,
    confusion.falseNegatives,
    confusion.falsePositives,
    confusion.trueNegatives,
  ].join(" / ")}`;
}

const draws = integerArgument("draws");
const trainingSize = integerArgument("training-size");
const seed = integerArgument("seed");
const epochs = integerArgument("epochs");
const polish = parseTable(readData("song2024_franus2015_polish_molar.csv"));
const ensemble = importTorchEnsemble(JSON.parse(readData("pretrained/study_ensemble_30.json")));
const screeningThreshold = args.threshold === undefined ? null : Number(args.threshold);
const engine = createFusedEngine();

console.log(
  `Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${availableParallelism()} CPUs, ` +
    `load average ${loadavg()[0]?.toFixed(1)}, Node ${process.version}, engine ${engine.name}`,
);
console.log(
  `Study ensemble (${ensemble.members.length} members) -> 12 Polish fly ashes: ${draws} draws of ` +
    `${trainingSize} training samples, the other ${12 - trainingSize} testing; ${epochs} epochs, seed ${seed}`,
);

let threshold = NaN;
for (const variant of VARIANTS) {
  const partial: PartialEvaluationConfig = {
    seed,
    screeningThreshold,
    network: { epochs },
    transfer: { parentModelId: "study ensemble", draws, trainingSize, ...variant.transfer },
  };
  const config = resolveTransferConfig(partial, polish.columns, ensemble, polish.labels.length);
  const started = performance.now();
  const result = await evaluateTransfer(polish, ensemble, config, { engine });
  const seconds = (performance.now() - started) / 1000;
  threshold = result.threshold;

  console.log(
    `\n### Fine-tuning: ${variant.name}\n\n` +
      `${seconds.toFixed(1)} s for ${2 * draws * ensemble.members.length} networks; ` +
      `threshold ${result.threshold.toFixed(1)} ppm (molar)\n`,
  );
  console.log(
    "| Approach | Test R2 | Median test R2 | Test MAPE % | TP / FN / FP / TN, all draws |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const approach of result.approaches) {
    const { truePositives, falseNegatives, falsePositives, trueNegatives } =
      approach.confusionTotal;
    console.log(
      `| ${approach.approach} | ${formatSummary(approach.r2, 3)} | ` +
        `${median(approach.draws.map((draw) => draw.r2)).toFixed(3)} | ` +
        `${formatSummary(approach.mape, 1)} | ` +
        `${truePositives} / ${falseNegatives} / ${falsePositives} / ${trueNegatives} |`,
    );
  }
}

console.log(
  `\n### The study's published Polish models, on all 12 samples (6 of them trained the ` +
    `non-transferred and transferred models), threshold ${threshold.toFixed(1)}\n`,
);
console.log("| Model | R2 | MAPE % | TP / FN / FP / TN |");
console.log("| --- | ---: | ---: | ---: |");
console.log(`| study ensemble, mean of 30 | ${scoreOnAll(ensemble, polish, threshold)} |`);
for (const { name, artifact } of importTorchTransferModels(
  JSON.parse(readData("pretrained/study_transfer_models.json")),
)) {
  console.log(`| ${name} | ${scoreOnAll(artifact, polish, threshold)} |`);
}
