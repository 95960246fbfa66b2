import { typedDocument } from "./typed.js";

export type CorrelationMethod = "PEARSON" | "SPEARMAN";

export interface CorrelationMatrix {
  method: CorrelationMethod;
  columns: string[];
  /** Row-major, columns.length squared entries; null where undefined. */
  values: (number | null)[];
  featureCount: number;
  sampleCount: number;
}

export const DatasetCorrelationsDocument = typedDocument<
  { dataset: { id: string; correlations: CorrelationMatrix } | null },
  { id: string; method: CorrelationMethod }
>(`
  query DatasetCorrelations($id: ID!, $method: CorrelationMethod!) {
    dataset(id: $id) {
      id
      correlations(method: $method) {
        method
        columns
        values
        featureCount
        sampleCount
      }
    }
  }
`);
