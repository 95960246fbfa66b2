#!/usr/bin/env node
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";

import { SingleBar } from "cli-progress";

import { BASELINE_KINDS } from "../artifact/ModelArtifact.js";
import {
  resolveEvaluationConfig,
  type PartialEvaluationConfig,
} from "../evaluation/EvaluationConfig.js";
import { evaluateRepeated } from "../evaluation/evaluateRepeated.js";
import { createNetworkEngine } from "../network/createNetworkEngine.js";
import { parseTable } from "../table/parseTable.js";
import { TableError } from "../table/TableError.js";

const USAGE = `Usage: ree-evaluate <table.csv> [options]

Trains and scores the models of a run config on a CSV table, without a server,
and writes metrics, per-sample predictions and the trained ensembles as JSON.
The ensembles of RANDOM_FOREST, GRADIENT_BOOSTING and SVR are left out (null):
their trees run to tens of megabytes even on small tables.

Options:
  --config <file>       run config as JSON (features, targets, split, testFraction,
                        repetitions, seed, models, network, baselines); fields left
                        out take defaults
  --repetitions <n>     overrides the config's repetitions (default 30)
  --seed <n>            overrides the config's seed (default 0)
  --engine <name>       training engine: fused (default) or tfjs
  --out <file>          where to write the results (default: results.json)
  --help                shows this text`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    config: { type: "string" },
    repetitions: { type: "string" },
    seed: { type: "string" },
    engine: { type: "string", default: "fused" },
    out: { type: "string", default: "results.json" },
    help: { type: "boolean", default: false },
  },
});

const [tablePath] = positionals;
if (values.help || tablePath === undefined) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

try {
  await evaluate(tablePath);
} catch (error) {
  // Bad input (a table cell, an unknown column, a config value) is reported without a stack trace.
  if (error instanceof TableError || error instanceof RangeError || error instanceof SyntaxError) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }

  throw error;
}

async function evaluate(path: string): Promise<void> {
  const table = parseTable(await readFile(path, "utf8"));
  const partial: PartialEvaluationConfig = values.config
    ? (JSON.parse(await readFile(values.config, "utf8")) as PartialEvaluationConfig)
    : {};
  const config = resolveEvaluationConfig(
    {
      ...partial,
      ...(values.repetitions !== undefined && {
        repetitions: parseInteger("repetitions", values.repetitions),
      }),
      ...(values.seed !== undefined && { seed: parseInteger("seed", values.seed) }),
    },
    table.columns,
  );

  const engine = await createNetworkEngine(values.engine);
  console.error(
    `${table.labels.length} samples, ${config.features.length} features, ` +
      `${config.targets.length} targets; ${config.repetitions} repetitions of ` +
      `${config.models.join(", ")} on ${engine.name}`,
  );

  const bar = new SingleBar({
    format: "[{bar}] {percentage}% | {message}",
    stream: process.stderr,
    hideCursor: true,
  });
  bar.start(1000, 0, { message: "starting" });
  const results = await evaluateRepeated(table, config, {
    engine,
    onProgress: (progress) =>
      bar.update(Math.round(progress.fraction * 1000), { message: progress.message }),
  });
  bar.stop();

  const output = {
    table: path,
    engine: engine.name,
    config,
    results: results.map((result) =>
      (BASELINE_KINDS as readonly string[]).includes(result.kind)
        ? { ...result, artifact: null }
        : result,
    ),
  };
  await writeFile(values.out, `${JSON.stringify(output, null, 2)}\n`);
  console.error(`wrote ${values.out}`);
}

function parseInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value)) {
    throw new RangeError(`--${name} must be an integer, got "${text}"`);
  }

  return value;
}
