import { typedDocument } from "./typed.js";
import type { ColumnStatistics, DatasetColumn, PageInfo, Sample } from "./types.js";

export interface DatasetSummary {
  id: string;
  name: string;
  source: string;
  sampleCount: number;
  createdAt: string;
}

export const DatasetsDocument = typedDocument<
  { datasets: DatasetSummary[] },
  Record<string, never>
>(`
  query Datasets {
    datasets {
      id
      name
      source
      sampleCount
      createdAt
    }
  }
`);

export interface DatasetDetail extends DatasetSummary {
  description: string;
  license: string;
  columns: DatasetColumn[];
  statistics: ColumnStatistics[];
  samples: { totalCount: number; pageInfo: PageInfo; nodes: Sample[] };
}

export const DatasetDocument = typedDocument<
  { dataset: DatasetDetail | null },
  { id: string; first?: number; after?: string | null }
>(`
  query Dataset($id: ID!, $first: Int, $after: String) {
    dataset(id: $id) {
      id
      name
      description
      source
      license
      sampleCount
      createdAt
      columns {
        name
        role
        unit
      }
      statistics {
        column
        unit
        count
        p0
        p20
        p50
        p80
        p100
        mean
        sd
      }
      samples(first: $first, after: $after) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          id
          label
          position
          values
          metadata
        }
      }
    }
  }
`);

export interface ImportDatasetVariables {
  input: {
    name: string;
    csv: string;
    description?: string;
    source?: string;
    license?: string;
    decimalSeparator?: "." | ",";
  };
}

export const ImportDatasetDocument = typedDocument<
  { importDataset: DatasetSummary },
  ImportDatasetVariables
>(`
  mutation ImportDataset($input: ImportDatasetInput!) {
    importDataset(input: $input) {
      id
      name
      source
      sampleCount
      createdAt
    }
  }
`);
