import type { ListPage, ListVariables } from "./dataset.documents.js";
import { typedDocument } from "./typed.js";
import type { Model, ModelDetail, Prediction, PredictionColumns } from "./types.js";

const PAGE_FIELDS = `
  pageInfo {
    endCursor
    hasNextPage
  }
  totalCount
`;

export const ModelsDocument = typedDocument<{ models: ListPage<Model> }, ListVariables>(`
  query Models($first: Int, $after: String) {
    models(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          kind
          features
          featureUnit
          targets
          targetUnit
          memberCount
          runId
          isDefault
          createdAt
        }
      }${PAGE_FIELDS}
    }
  }
`);

const MODEL_DETAIL_FIELDS = `
  id
  name
  kind
  features
  featureUnit
  targets
  targetUnit
  memberCount
  runId
  isDefault
  createdAt
  formatVersion
  datasetId
  datasetName
  domain {
    source
    rows
    ranges {
      feature
      min
      max
    }
    maxDistance
  }
  screeningTarget
  screeningThreshold
  metrics {
    target
    r2
    mape
  }
  tfjsModelPaths
`;

/** The models with their details, for the models page and the prediction forms. */
export const ModelListDocument = typedDocument<{ models: ListPage<ModelDetail> }, ListVariables>(`
  query ModelList($first: Int, $after: String) {
    models(first: $first, after: $after) {
      edges {
        cursor
        node {${MODEL_DETAIL_FIELDS}}
      }${PAGE_FIELDS}
    }
  }
`);

export const ModelDocument = typedDocument<{ model: ModelDetail }, { id: string }>(`
  query Model($id: ID!) {
    model(id: $id) {${MODEL_DETAIL_FIELDS}}
  }
`);

export interface PredictVariables {
  modelId: string;
  /** Overrides the model's screening threshold, in the target unit. */
  screeningThreshold?: number | null;
  compositions: { label?: string; oxides: { oxide: string; molPercent: number }[] }[];
}

const TARGET_PREDICTION_FIELDS = "target value sd p5 p95";

/** The fields that PredictDocument and PredictColumnsDocument both request. */
const PREDICTION_FIELDS = `
  targets { ${TARGET_PREDICTION_FIELDS} }
  screening {
    target
    threshold
    thresholdSource
    high
    shareAbove
  }
  warnings {
    kind
    message
    feature
    value
    min
    max
    distance
    maxDistance
  }
`;

export const PredictDocument = typedDocument<{ predict: Prediction[] }, PredictVariables>(`
  mutation Predict(
    $modelId: ID!
    $compositions: [CompositionInput!]!
    $screeningThreshold: Float
  ) {
    predict(
      modelId: $modelId
      compositions: $compositions
      screeningThreshold: $screeningThreshold
    ) {
      label
      total { ${TARGET_PREDICTION_FIELDS} }
      ${PREDICTION_FIELDS}
    }
  }
`);

/**
 * The predictions of PredictDocument as a list per target, which the server returns for a large
 * batch in a fraction of the time. predictionsFromColumns converts the result to PredictDocument's
 * shape.
 */
export const PredictColumnsDocument = typedDocument<
  { predictColumns: PredictionColumns },
  PredictVariables
>(`
  mutation PredictColumns(
    $modelId: ID!
    $compositions: [CompositionInput!]!
    $screeningThreshold: Float
  ) {
    predictColumns(
      modelId: $modelId
      compositions: $compositions
      screeningThreshold: $screeningThreshold
    ) {
      labels
      ${PREDICTION_FIELDS}
    }
  }
`);

/** The target that Prediction.total reports. */
const TOTAL_TARGET = "REE_total_ppm_mol";

/** Converts PredictColumnsDocument's result to PredictDocument's: one object per composition. */
export function predictionsFromColumns(columns: PredictionColumns): Prediction[] {
  const { labels, targets, screening, warnings } = columns;

  return labels.map((label, i) => {
    const targetsOfRow = targets.map((column) => ({
      target: column.target,
      value: column.value[i] ?? Number.NaN,
      sd: column.sd[i] ?? null,
      p5: column.p5[i] ?? Number.NaN,
      p95: column.p95[i] ?? Number.NaN,
    }));

    return {
      label,
      total: targetsOfRow.find((target) => target.target === TOTAL_TARGET) ?? null,
      targets: targetsOfRow,
      screening: screening && {
        target: screening.target,
        threshold: screening.threshold,
        thresholdSource: screening.thresholdSource,
        high: screening.high[i] ?? false,
        shareAbove: screening.shareAbove[i] ?? Number.NaN,
      },
      warnings: warnings[i] ?? [],
    };
  });
}
