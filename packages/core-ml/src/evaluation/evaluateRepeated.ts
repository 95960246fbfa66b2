import { analyzeModel, type ModelAnalyses } from "../analysis/analyzeModel.js";
import {
  BASELINE_KINDS,
  type BaselineKind,
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
import { fitBaseline } from "./fitBaseline.js";
import { scoreSplit, type TargetMetrics } from "./scoreSplit.js";
import { modelSeed, planJobs } from "./planJobs.js";
import { prepareRepetition, type Repetition } from "./prepareRepetition.js";
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
   * Mean wall-clock seconds per trained predictor (one network, one linear fit, or one
   * baseline model of one target). For an engine that trains many networks at once, the
   * batch's time divided by its networks.
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

/** One model kind's share of one repetition. */
export interface RepetitionModel {
  kind: ModelKind;
  member: ModelMember;
  /** Wall-clock seconds per trained predictor, as in ModelEvaluation. */
  seconds: number;
  scores: TargetMetrics[];
  predictions: RepetitionPrediction[];
}

/**
 * Everything one repetition contributes to a run, in plain JSON: a run can store
 * it as soon as the repetition finishes and combine it with the others later.
 */
export interface RepetitionOutcome {
  /** Index of the repetition, from 0. */
  repetition: number;
  /** One entry per model kind, in config order. */
  models: RepetitionModel[];
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
  const all = Array.from({ length: config.repetitions }, (_, r) => r);

  return combineRepetitions(data, config, await evaluateRepetitions(data, config, all, options));
}

/**
 * Trains and scores the listed repetitions only. A repetition's split and seeds
 * depend on its index and the config alone, so any grouping of the indices,
 * on any number of machines, gives the outcomes of one evaluateRepeated call.
 */
export async function evaluateRepetitions(
  data: EvaluationData,
  config: EvaluationConfig,
  indices: readonly number[],
  options: EvaluateRepeatedOptions,
): Promise<RepetitionOutcome[]> {
  const { engine, onProgress, signal } = options;
  const { x, y } = selectData(data, config);
  const master = createRandom(config.seed);
  const repetitionSeeds = Array.from({ length: config.repetitions }, () => master.nextSeed());

  const repetitions = indices.map((r) => {
    const seed = repetitionSeeds[r];
    if (seed === undefined) {
      throw new RangeError(`repetition ${r} is outside 0..${config.repetitions - 1}`);
    }

    return prepareRepetition(x, y, config, seed);
  });
  const jobs = planJobs(repetitions, config);
  const baselines = fitBaselines(repetitions, indices, config, jobs.length === 0, options);
  const started = performance.now();
  const trained = await trainAll(
    engine,
    jobs.map(({ job }) => job),
    (event, fraction) => {
      const planned = jobs[event.job];
      onProgress?.({
        repetition: (indices[planned?.repetition ?? 0] ?? 0) + 1,
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

  return repetitions.map((repetition, r) => ({
    repetition: indices[r] ?? r,
    models: config.models.map((kind, k): RepetitionModel => {
      const fitStarted = performance.now();
      const baseline = baselines.get(`${r} ${kind}`);
      const predictors =
        kind === "LINEAR"
          ? [fitLinearRegression(repetition.scaledX, repetition.scaledY)]
          : (baseline?.predictors ??
            jobs.flatMap((planned, i) =>
              planned.repetition === r && planned.kind === k ? [trained[i] as Predictor] : [],
            ));
      const seconds =
        kind === "LINEAR"
          ? (performance.now() - fitStarted) / 1000
          : (baseline?.secondsPerModel ?? networkSeconds);

      const { featureScaler, targetScaler, split } = repetition;
      const member: ModelMember = { featureScaler, targetScaler, predictors };
      const predicted = predictWithMember(member, x);

      return {
        kind,
        member,
        seconds,
        scores: scoreSplit(y, predicted, split, config.targets),
        predictions: repetitionPredictions(predicted, split, (indices[r] ?? r) + 1),
      };
    }),
  }));
}

/**
 * Builds each model kind's ensemble, metrics and analyses from the outcomes of
 * every repetition, in repetition order whatever order they arrive in.
 */
export function combineRepetitions(
  data: EvaluationData,
  config: EvaluationConfig,
  outcomes: readonly RepetitionOutcome[],
): ModelEvaluation[] {
  const { x, y } = selectData(data, config);
  const ordered = [...outcomes].sort((a, b) => a.repetition - b.repetition);

  // Every member trained on its own split; together they saw these rows.
  const trainedRows = [
    ...new Set(
      ordered
        .flatMap(({ models }) =>
          (models[0]?.predictions ?? []).filter(({ split }) => split === "TRAIN"),
        )
        .map(({ sample }) => sample),
    ),
  ].sort((a, b) => a - b);
  const domain = computeTrainingDomain(selectRows(x, trainedRows));
  const screeningTarget = config.targets[0] ?? "";
  const screeningThreshold =
    config.screeningThreshold ?? percentile(getColumn(selectRows(y, trainedRows), 0), 50);

  return config.models.map((kind, k) => {
    const models = ordered.map((outcome) => outcome.models[k] as RepetitionModel);
    const predictions = models.flatMap((model) => model.predictions);
    const metrics = mergeScores(models.map((model) => model.scores));
    const artifact: ModelArtifact = {
      format: MODEL_ARTIFACT_FORMAT,
      version: MODEL_ARTIFACT_VERSION,
      kind,
      features: config.features,
      featureUnit: unitOf(data.columns, config.features),
      targets: config.targets,
      targetUnit: unitOf(data.columns, config.targets),
      members: models.map((model) => model.member),
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
      kind,
      analyses: analyze(artifact, x, y, predictions, config),
      secondsPerTraining: models.reduce((sum, m) => sum + m.seconds, 0) / models.length,
      metrics,
      predictions,
      artifact,
    };
  });
}

interface FittedBaseline {
  predictors: Predictor[];
  secondsPerModel: number;
}

/**
 * Fits the baseline kinds of the config in every listed repetition, keyed by "position kind".
 * They are fitted before the networks, and report their share of the progress only when
 * the run trains no networks, whose epochs otherwise measure the progress.
 */
function fitBaselines(
  repetitions: readonly Repetition[],
  indices: readonly number[],
  config: EvaluationConfig,
  reportsFraction: boolean,
  { onProgress, signal }: Pick<EvaluateRepeatedOptions, "onProgress" | "signal">,
): Map<string, FittedBaseline> {
  const kinds = config.models.filter((kind): kind is BaselineKind =>
    (BASELINE_KINDS as readonly string[]).includes(kind),
  );
  const fitted = new Map<string, FittedBaseline>();
  repetitions.forEach((repetition, r) => {
    const number = (indices[r] ?? r) + 1;
    for (const kind of kinds) {
      signal?.throwIfAborted();
      onProgress?.({
        repetition: number,
        repetitions: config.repetitions,
        modelKind: kind,
        epoch: null,
        epochs: null,
        fraction: reportsFraction ? r / repetitions.length : 0,
        message: `fitting ${kind} on ${config.targets.length} targets, repetition ${number}`,
      });
      const started = performance.now();
      const { scaledX, scaledY, seed } = repetition;
      const predictors = fitBaseline(
        kind,
        scaledX,
        scaledY,
        config.baselines,
        modelSeed(seed, kind),
      );
      const secondsPerModel = (performance.now() - started) / 1000 / predictors.length;
      fitted.set(`${r} ${kind}`, { predictors, secondsPerModel });
    }
  });

  return fitted;
}

function selectData(data: EvaluationData, config: EvaluationConfig): { x: Matrix; y: Matrix } {
  return {
    x: selectColumns(data.values, columnIndices(data.columns, config.features)),
    y: selectColumns(data.values, columnIndices(data.columns, config.targets)),
  };
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
