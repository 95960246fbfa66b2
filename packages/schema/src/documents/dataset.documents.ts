import { typedDocument } from "./typed.js";
import type { ColumnStatistics, DatasetColumn, PageInfo, Sample } from "./types.js";

export interface DatasetSummary {
  id: string;
  name: string;
  source: string;
  sampleCount: number;
  createdAt: string;
}

/** Largest page the API serves of any list. */
export const MAX_PAGE_SIZE = 500;

export interface ListVariables {
  /** Page size, 1 to MAX_PAGE_SIZE; the API's default is 50. */
  first?: number;
  /** endCursor of the previous page; null or absent for the first page. */
  after?: string | null;
}

/** A page of a list, newest first, as a Relay connection. */
export interface ListPage<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export const DatasetsDocument = typedDocument<
  { datasets: ListPage<DatasetSummary> },
  ListVariables
>(`
  query Datasets($first: Int, $after: String) {
    datasets(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          source
          sampleCount
          createdAt
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

export interface DatasetDetail extends DatasetSummary {
  description: string;
  license: string;
  columns: DatasetColumn[];
  statistics: ColumnStatistics[];
  samples: { totalCount: number; pageInfo: PageInfo; nodes: Sample[] };
}

export const DatasetDocument = typedDocument<
  { dataset: DatasetDetail | null },
  { id: string; first?: number; after?: string | null; row?: number | null; label?: string | null }
>(`
  query Dataset($id: ID!, $first: Int, $after: String, $row: Int, $label: String) {
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
      samples(first: $first, after: $after, row: $row, label: $label) {
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

export interface ImportFile {
  content: string;
  format?: "CSV" | "XLSX";
  sheet?: string | null;
}

export interface ImportOptionsVariables {
  belowDetection?: "reject" | "missing" | "half-limit" | "limit";
  missing?: "reject" | "missing";
  decimalSeparator?: "." | "," | null;
  totalTolerance?: number | null;
  skipTotalCheck?: boolean;
  iron?: "reject" | "sum" | "preferTotal";
}

export interface ImportColumnVariables {
  header: string;
  role: string;
  quantity?: string | null;
  unit?: string | null;
}

export interface ImportDatasetVariables {
  input: {
    name?: string;
    csv?: string;
    file?: ImportFile;
    /** Id returned by POST /uploads. */
    uploadId?: string;
    sheet?: string;
    datasetId?: string;
    description?: string;
    source?: string;
    license?: string;
    decimalSeparator?: "." | ",";
    options?: ImportOptionsVariables;
    columns?: ImportColumnVariables[];
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

export interface ImportColumnReading {
  header: string;
  role: string;
  quantity: string | null;
  unit: string | null;
  confidence: string;
  reason: string;
}

export interface ImportProblem {
  severity: "error" | "warning";
  row: number | null;
  column: string | null;
  value: string | null;
  reason: string;
  fix: string;
}

export interface ImportPreviewResult {
  columns: ImportColumnReading[];
  unitsRow: boolean;
  mode: string;
  outputColumns: DatasetColumn[];
  report: {
    rowCount: number;
    sampleCount: number;
    errorCount: number;
    warningCount: number;
    problems: ImportProblem[];
  };
}

export const PreviewImportDocument = typedDocument<
  { previewImport: ImportPreviewResult },
  {
    file?: ImportFile;
    uploadId?: string;
    sheet?: string;
    options?: ImportOptionsVariables;
    columns?: ImportColumnVariables[];
  }
>(`
  mutation PreviewImport(
    $file: ImportFileInput
    $uploadId: ID
    $sheet: String
    $options: ImportOptionsInput
    $columns: [ImportColumnInput!]
  ) {
    previewImport(
      file: $file
      uploadId: $uploadId
      sheet: $sheet
      options: $options
      columns: $columns
    ) {
      columns {
        header
        role
        quantity
        unit
        confidence
        reason
      }
      unitsRow
      mode
      outputColumns {
        name
        role
        unit
      }
      report {
        rowCount
        sampleCount
        errorCount
        warningCount
        problems {
          severity
          row
          column
          value
          reason
          fix
        }
      }
    }
  }
`);

export const ExportDatasetDocument = typedDocument<
  { exportDataset: string },
  { id: string; version?: number | null; units?: "MOLAR" | "MASS" }
>(`
  query ExportDataset($id: ID!, $version: Int, $units: String) {
    exportDataset(id: $id, version: $version, units: $units)
  }
`);

export interface DatasetVersionSummary {
  id: string;
  number: number;
  sampleCount: number;
  createdAt: string;
}

export const DatasetVersionsDocument = typedDocument<
  { dataset: { id: string; version: number; versions: DatasetVersionSummary[] } | null },
  { id: string }
>(`
  query DatasetVersions($id: ID!) {
    dataset(id: $id) {
      id
      version
      versions {
        id
        number
        sampleCount
        createdAt
      }
    }
  }
`);
