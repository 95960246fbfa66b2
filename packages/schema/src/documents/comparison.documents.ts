import { modelResultFields, type RunListItem, runConfigFields } from "./run.documents.js";
import { typedDocument } from "./typed.js";
import type { ModelKind, RunConfig, SamplePrediction, TargetMetrics } from "./types.js";

export interface ComparedModelResult {
  kind: ModelKind;
  metrics: TargetMetrics[];
  predictions: SamplePrediction[];
}

export interface ComparedRun extends Omit<RunListItem, "config"> {
  config: RunConfig;
  results: ComparedModelResult[];
}

/**
 * Runs with their full config, metrics and test predictions of one target, for a comparison. The
 * dashboard compares at most 8 runs, and the page size keeps the query under the cost limit.
 */
export const RunComparisonDocument = typedDocument<
  { runs: { edges: { node: ComparedRun }[]; totalCount: number } },
  { ids: string[]; target: string }
>(`
  query RunComparison($ids: [ID!]!, $target: String) {
    runs(first: 8, filter: { ids: $ids }) {
      totalCount
      edges {
        node {
          id
          name
          status
          createdAt
          finishedAt
          testR2Total
          progress {
            fraction
            message
          }
          dataset {
            id
            name
          }
          config { ${runConfigFields} }
          results {
            kind
            ${modelResultFields}
          }
        }
      }
    }
  }
`);

export interface TargetPredictions {
  target: string;
  predictions: SamplePrediction[];
}

/** Test predictions of every target of every model kind of a run, for the parity grid. */
export const RunTargetPredictionsDocument = typedDocument<
  {
    run: {
      id: string;
      results: { kind: ModelKind; targetPredictions: TargetPredictions[] }[];
    } | null;
  },
  { id: string }
>(`
  query RunTargetPredictions($id: ID!) {
    run(id: $id) {
      id
      results {
        kind
        targetPredictions(split: TEST) {
          target
          predictions {
            sampleLabel
            repetition
            split
            measured
            predicted
          }
        }
      }
    }
  }
`);
