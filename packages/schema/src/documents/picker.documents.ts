import type { ListPage, ListVariables } from "./dataset.documents.js";
import { typedDocument } from "./typed.js";
import type { ModelKind } from "./types.js";

/** One choice of a search picker: enough to name it and to tell it from its namesakes. */
export interface PickerDataset {
  id: string;
  name: string;
  sampleCount: number;
  createdAt: string;
}

export interface PickerModel {
  id: string;
  name: string;
  kind: ModelKind;
  targets: string[];
  memberCount: number;
  isDefault: boolean;
  createdAt: string;
}

export interface PickerVariables extends ListVariables {
  /** Case-insensitive part of the name; null or blank keeps every row. */
  name?: string | null;
}

export interface ModelPickerVariables extends PickerVariables {
  kind?: ModelKind | null;
}

const PAGE_FIELDS = `
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount`;

/** A page of the data sets whose name contains `name`, newest first, for the search pickers. */
export const DatasetPickerDocument = typedDocument<
  { datasets: ListPage<PickerDataset> },
  PickerVariables
>(`
  query DatasetPicker($first: Int, $after: String, $name: String) {
    datasets(first: $first, after: $after, name: $name) {
      edges {
        cursor
        node {
          id
          name
          sampleCount
          createdAt
        }
      }${PAGE_FIELDS}
    }
  }
`);

/** A page of the models whose name contains `name`, optionally of one kind, newest first. */
export const ModelPickerDocument = typedDocument<
  { models: ListPage<PickerModel> },
  ModelPickerVariables
>(`
  query ModelPicker($first: Int, $after: String, $name: String, $kind: ModelKind) {
    models(first: $first, after: $after, name: $name, kind: $kind) {
      edges {
        cursor
        node {
          id
          name
          kind
          targets
          memberCount
          isDefault
          createdAt
        }
      }${PAGE_FIELDS}
    }
  }
`);
