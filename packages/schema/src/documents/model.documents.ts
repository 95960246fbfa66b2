import type { ListPage, ListVariables } from "./dataset.documents.js";
import { typedDocument } from "./typed.js";
import type { Model, ModelDetail, Prediction } from "./types.js";

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
      total {
        target
        value
        sd
        p5
        p95
      }
      targets {
        target
        value
        sd
        p5
        p95
      }
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
    }
  }
`);
