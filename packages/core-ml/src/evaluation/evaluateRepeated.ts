import { analyzeModel, type ModelAnalyses } from "../analysis/analyzeModel.js";
import {
  MODEL_ARTIFACT_FORMAT,
  MODEL_ARTIFACT_VERSION,
  type ModelArtifact,
  type ModelKind,
  type ModelMember,
  type Predictor,
} from "../artifact/ModelArtifact.js";
import { computeTrainingDomain } from "../artifact/computeTrainingDomain.js";
import { predictWithMember } from "../artifact/predictWithMember.js";
import { percentile } from "../analysis/percentile.js";
import { getColumn, type Matrix, selectColumns, selectRows } from "../matrix/Matrix.js";
import { fitLinearRegression } from "../models/fitLinearRegression.js";
import type { NetworkEngine } from "../network/NetworkEngine.js";
import { createRandom } from "../random/createRandom.js";
import type { Split } from "../split/Split.js";
import type { TableColumn } from "../table/parseTable.js";
import type { EvaluationConfig } from "./EvaluationConfig.js";
import { scoreSplit, type TargetMetrics } from "./scoreSplit.js";
import { planJobs } from "./planJobs.js";
import { prepareRepetition } from "./prepareRepetition.js";
import { summarize } from "./summarize.js";
import { trainAll } from "./trainAll.js";

/** The numeric part of a table, as evaluateRepeated reads it. */
export interface EvaluationData {
  labels: readonly string[];
  columns: readonly TableColumn[];
  values: Matrix;
}

export interface EvaluationProgress {
  /** Current repetition, from 1. */
  repetition: number;
  repetitions: number;
  modelKind: ModelKind;
  epoch: number | null;
  epochs: number | null;
  /** Share of all trainings done, from 0 to 1. */
  fraction: number;
  message: string;
}

/** Predictions of one repetition for one sample, in target order. */
export interface RepetitionPrediction {
  repetition: number;
  /** Row of the sample in the data. */
  sample: number;
  split: "TRAIN" | "TEST";
  values: number[];
}

export interface ModelEvaluation {
  kind: ModelKind;
  /** The analyses asked for in the config; empty when none were. */
  analyses: ModelAnalyses;
  /**
   * Mean wall-clock seconds per trained predictor (one network, or one linear fit). For an
   * engine that trains many networks at once, the batch's time divided by its networks.
   */
  secondsPerTraining: number;
  metrics: TargetMetrics[];
  predictions: RepetitionPrediction[];
  /** The ensemble of the repetitions' members. */
  artifact: ModelArtifact;
}

export interface EvaluateRepeatedOptions {
  engine: NetworkEngine;
  onProgress?: (progress: EvaluationProgress) => void;
  /** Stops the evaluation between epochs with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Trains and scores every model kind on `repetitions` splits of the data. Each
 * repetition draws a new split and new initial weights. All model kinds share
 * the repetition's split and its scalers, which are fitted on the training rows only.
 */
export async function evaluateRepeated(
  data: EvaluationData,
  config: EvaluationConfig,
  options: EvaluateRepeatedOptions,
): Promise<ModelEvaluation[]> {
  const { engine, onProgress, signal } = options;
  const x = selectColumns(data.values, columnIndices(data.columns, config.features));
  const y = selectColumns(data.values, columnIndices(data.columns, config.targets));
  const master = createRandom(config.seed);
  const repetitionSeeds = Array.from({ length: config.repetitions }, () => master.nextSeed());
  const states = config.models.map((kind) => ({
    kind,
    members: [] as ModelMember[],
    seconds: [] as number[],
    scores: [] as TargetMetrics[][],
    predictions: [] as RepetitionPrediction[],
  }));

  const repetitions = repetitionSeeds.map((seed) => prepareRepetition(x, y, config, seed));
  const jobs = planJobs(repetitions, config);
  const started = performance.now();
  const trained = await trainAll(
    engine,
    jobs.map(({ job }) => job),
    (event, fraction) => {
      const planned = jobs[event.job];
      onProgress?.({
        repetition: (planned?.repetition ?? 0) + 1,
        repetitions: config.repetitions,
        modelKind: config.models[planned?.kind ?? 0] ?? "MULTI_TASK",
        epoch: event.epoch,
        epochs: event.epochs,
        fraction,
        message: `training ${jobs.length} networks, epoch ${event.epoch}/${event.epochs}`,
      });
    },
    signal,
  );
  const networkSeconds = (performance.now() - started) / 1000 / Math.max(1, jobs.length);

  repetitions.forEach((repetition, r) => {
    for (const [k, state] of states.entries()) {
      const fitStarted = performance.now();
      const predictors =
        state.kind === "LINEAR"
          ? [fitLinearRegression(repetition.scaledX, repetition.scaledY)]
          : jobs.flatMap((planned, i) =>
              planned.repetition === r && planned.kind === k ? [trained[i] as Predictor] : [],
            );
      state.seconds.push(
        state.kind === "LINEAR" ? (performance.now() - fitStarted) / 1000 : networkSeconds,
      );

      const { featureScaler, targetScaler, split } = repetition;
      const member: ModelMember = { featureScaler, targetScaler, predictors };
      state.members.push(member);
      const predicted = predictWithMember(member, x);
      state.scores.push(scoreSplit(y, predicted, split, config.targets));
      state.predictions.push(...repetitionPredictions(predicted, split, r + 1));
    }
  });

  // Every member trained on its own split; together they saw these rows.
  const trainedRows = [...new Set(repetitions.flatMap(({ split }) => split.train))].sort(
    (a, b) => a - b,
  );
  const domain = computeTrainingDomain(selectRows(x, trainedRows));
  const screeningTarget = config.targets[0] ?? "";
  const screeningThreshold =
    config.screeningThreshold ?? percentile(getColumn(selectRows(y, trainedRows), 0), 50);

  return states.map((state) => {
    const metrics = mergeScores(state.scores);
    const artifact: ModelArtifact = {
      format: MODEL_ARTIFACT_FORMAT,
      version: MODEL_ARTIFACT_VERSION,
      kind: state.kind,
      features: config.features,
      featureUnit: unitOf(data.columns, config.features),
      targets: config.targets,
      targetUnit: unitOf(data.columns, config.targets),
      members: state.members,
      domain,
      screening: { target: screeningTarget, threshold: screeningThreshold },
      training: {
        datasetId: null,
        datasetName: null,
        datasetVersion: null,
        rows: trainedRows.length,
        metrics: metrics
          .filter(({ split }) => split === "TEST")
          .map(({ target, r2, mape }) => ({ target, r2: r2.mean, mape: mape.mean })),
      },
    };

    return {
      kind: state.kind,
      analyses: analyze(artifact, x, y, state.predictions, config),
      secondsPerTraining: state.seconds.reduce((sum, s) => sum + s, 0) / state.seconds.length,
      metrics,
      predictions: state.predictions,
      artifact,
    };
  });
}

/** Runs the configured analyses on the first target, screening the pooled test predictions. */
function analyze(
  artifact: ModelArtifact,
  x: Matrix,
  y: Matrix,
  predictions: readonly RepetitionPrediction[],
  config: EvaluationConfig,
): ModelAnalyses {
  if (config.analyses.length === 0) {
    return {};
  }

  const tests = predictions.filter((prediction) => prediction.split === "TEST");

  return analyzeModel(
    {
      artifact,
      x,
      measured: getColumn(y, 0),
      testMeasured: tests.map((prediction) => y.data[prediction.sample * y.columns] ?? NaN),
      testPredicted: tests.map((prediction) => prediction.values[0] ?? NaN),
    },
    { analyses: config.analyses, screeningThreshold: config.screeningThreshold, seed: config.seed },
  );
}

function repetitionPredictions(
  predicted: Matrix,
  split: Split,
  repetition: number,
): RepetitionPrediction[] {
  const row = (sample: number) =>
    Array.from(
      predicted.data.subarray(sample * predicted.columns, (sample + 1) * predicted.columns),
    );

  return [
    ...split.train.map((sample) => ({
      repetition,
      sample,
      split: "TRAIN" as const,
      values: row(sample),
    })),
    ...split.test.map((sample) => ({
      repetition,
      sample,
      split: "TEST" as const,
      values: row(sample),
    })),
  ];
}

function mergeScores(scores: TargetMetrics[][]): TargetMetrics[] {
  return (
    scores[0]?.map((first, i) => ({
      target: first.target,
      split: first.split,
      ...summarizeMetrics(scores.map((repetition) => repetition[i])),
    })) ?? []
  );
}

function summarizeMetrics(rows: (TargetMetrics | undefined)[]) {
  const values = (key: "r2" | "mape" | "maeOverMean" | "rmse") =>
    rows.map((row) => row?.[key].mean ?? null);

  return {
    r2: summarize(values("r2")),
    mape: summarize(values("mape")),
    maeOverMean: summarize(values("maeOverMean")),
    rmse: summarize(values("rmse")),
  };
}

function columnIndices(columns: readonly TableColumn[], names: readonly string[]): number[] {
  return names.map((name) => {
    const index = columns.findIndex((column) => column.name === name);
    if (index < 0) {
      throw new RangeError(`unknown column "${name}"`);
    }

    return index;
  });
}

function unitOf(columns: readonly TableColumn[], names: readonly string[]): string {
  const units = new Set(names.map((name) => columns.find((c) => c.name === name)?.unit));

  return [...units].join(", ");
}
