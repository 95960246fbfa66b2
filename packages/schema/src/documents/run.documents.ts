import type { TransferConfigVariables } from "./transfer.documents.js";
import { typedDocument } from "./typed.js";
import type {
  AnalysisKind,
  FeatureEffect,
  FeatureEliminationResult,
  GridSearchResult,
  HyperparameterGrid,
  LossWeighting,
  ModelKind,
  NoiseLevel,
  PageInfo,
  RunConfig,
  RunProgress,
  RunStatus,
  RunTask,
  SamplePrediction,
  ScreeningResult,
  SelectionMetric,
  SelectionModel,
  ShapResult,
  SplitMethod,
  TargetMetrics,
} from "./types.js";

export interface RunSummary {
  id: string;
  name: string;
  status: RunStatus;
  createdAt: string;
  finishedAt: string | null;
  progress: Pick<RunProgress, "fraction" | "message">;
  /** Null once the share of another organisation's data set is revoked. */
  dataset: { id: string; name: string } | null;
}

const runSummaryFields = `
  id
  name
  status
  createdAt
  finishedAt
  progress {
    fraction
    message
  }
  dataset {
    id
    name
  }
`;

export type RunSortField = "CREATED_AT" | "NAME" | "STATUS" | "DATASET" | "TEST_R2_TOTAL";

export interface RunListItem extends RunSummary {
  testR2Total: number | null;
  config: Pick<RunConfig, "task">;
}

export interface RunsVariables {
  first?: number;
  after?: string | null;
  orderBy?: { field: RunSortField; descending?: boolean } | null;
  filter?: {
    statuses?: RunStatus[];
    tasks?: RunTask[];
    datasetIds?: string[];
    ids?: string[];
    nameContains?: string | null;
  } | null;
}

export interface RunsResult {
  runs: {
    edges: { cursor: string; node: RunListItem }[];
    pageInfo: PageInfo;
    totalCount: number;
  };
}

export const RunsDocument = typedDocument<RunsResult, RunsVariables>(`
  query Runs($first: Int, $after: String, $orderBy: RunOrder, $filter: RunFilter) {
    runs(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
      edges {
        cursor
        node {
          ${runSummaryFields}
          testR2Total
          config {
            task
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

export interface ModelResultDetail {
  kind: ModelKind;
  modelId: string | null;
  secondsPerTraining: number;
  metrics: TargetMetrics[];
  predictions: SamplePrediction[];
  shap: ShapResult | null;
  featureEffects: FeatureEffect[] | null;
  noise: NoiseLevel[] | null;
  screening: ScreeningResult | null;
}

export interface RunDetail extends RunSummary {
  featureElimination: FeatureEliminationResult | null;
  gridSearch: GridSearchResult | null;
  error: string | null;
  backend: string | null;
  startedAt: string | null;
  config: RunConfig;
  progress: RunProgress;
  /** Repetitions whose results are stored, e.g. those done before a cancellation. */
  finishedRepetitions: number;
  /** Stored units out of all: grid cells of a grid search, repetitions otherwise. */
  completion: { finished: number; total: number; unit: string };
  results: ModelResultDetail[];
}

/** Every field of a run's config, as the run page and the comparison read it. */
export const runConfigFields = `
  task
  features
  targets
  split
  testFraction
  repetitions
  seed
  models
  network {
    hiddenUnits
    learningRate
    weightDecay
    batchSize
    epochs
    lossWeighting
    lossWeights
  }
  analyses
  screeningThreshold
  selection {
    repetitions
    model
    metric
    validationFraction
    grid {
      hiddenUnits
      learningRate
      weightDecay
    }
  }
`;

const metricFields = `
  mean
  sd
`;

/**
 * The metrics of a model result and its predictions of one target, which the operation's
 * `$target` variable names.
 */
export const modelResultFields = `
  metrics {
    target
    split
    r2 { ${metricFields} }
    mape { ${metricFields} }
    maeOverMean { ${metricFields} }
    rmse { ${metricFields} }
  }
  predictions(target: $target) {
    sampleLabel
    repetition
    split
    measured
    predicted
  }
`;

const metricValueFields = `
  value
  reason
`;

export const RunDocument = typedDocument<
  { run: RunDetail | null },
  { id: string; target?: string | null }
>(`
  query Run($id: ID!, $target: String) {
    run(id: $id) {
      id
      name
      status
      error
      backend
      createdAt
      startedAt
      finishedAt
      dataset {
        id
        name
      }
      progress {
        fraction
        repetition
        repetitions
        modelKind
        epoch
        epochs
        message
      }
      finishedRepetitions
      completion {
        finished
        total
        unit
      }
      config { ${runConfigFields} }
      featureElimination {
        features
        counts
        error { ${metricFields} }
        normalizedError { ${metricFields} }
        keptProbability
        eliminationOrders
      }
      gridSearch {
        points {
          hiddenUnits
          learningRate
          weightDecay
          error { ${metricFields} }
        }
        best {
          hiddenUnits
          learningRate
          weightDecay
          error { ${metricFields} }
        }
        bestTestError { ${metricFields} }
      }
      results {
        kind
        modelId
        secondsPerTraining
        ${modelResultFields}
        shap {
          method
          expectedValue
          features
          importance
          samples {
            sampleLabel
            values
            featureValues
          }
        }
        featureEffects {
          feature
          referenceValue
          grid
          mean
          sd
        }
        noise {
          noisePercent
          mean
          sd
          changes
        }
        screening {
          threshold
          confusion {
            truePositives
            falsePositives
            trueNegatives
            falseNegatives
          }
          iou { ${metricValueFields} }
          precision { ${metricValueFields} }
          recall { ${metricValueFields} }
          accuracy { ${metricValueFields} }
          averagePrecision { ${metricValueFields} }
          curve {
            decisionThreshold
            precision { ${metricValueFields} }
            recall { ${metricValueFields} }
          }
        }
      }
    }
  }
`);

export interface StartRunVariables {
  config: {
    datasetId: string;
    name?: string;
    task?: RunTask;
    features?: string[];
    targets?: string[];
    split?: SplitMethod;
    testFraction?: number;
    repetitions?: number;
    seed?: number;
    models?: ModelKind[];
    network?: {
      hiddenUnits?: number[];
      learningRate?: number;
      weightDecay?: number;
      batchSize?: number;
      epochs?: number;
      lossWeighting?: LossWeighting;
      lossWeights?: number[];
    };
    analyses?: AnalysisKind[];
    screeningThreshold?: number;
    selection?: {
      repetitions?: number;
      model?: SelectionModel;
      metric?: SelectionMetric;
      validationFraction?: number;
      grid?: HyperparameterGrid;
    };
    transfer?: TransferConfigVariables;
  };
}

export const StartRunDocument = typedDocument<{ startRun: RunSummary }, StartRunVariables>(`
  mutation StartRun($config: RunConfigInput!) {
    startRun(config: $config) {
      ${runSummaryFields}
    }
  }
`);
