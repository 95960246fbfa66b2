import { typedDocument } from "./typed.js";
import type { Model, Prediction } from "./types.js";

export const ModelsDocument = typedDocument<{ models: Model[] }, Record<string, never>>(`
  query Models {
    models {
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
  }
`);

export interface PredictVariables {
  modelId: string;
  compositions: { label?: string; oxides: { oxide: string; molPercent: number }[] }[];
}

export const PredictDocument = typedDocument<{ predict: Prediction[] }, PredictVariables>(`
  mutation Predict($modelId: ID!, $compositions: [CompositionInput!]!) {
    predict(modelId: $modelId, compositions: $compositions) {
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
    }
  }
`);
