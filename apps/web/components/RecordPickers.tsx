"use client";

import {
  DatasetPickerDocument,
  type ModelKind,
  ModelPickerDocument,
  type PickerDataset,
  type PickerModel,
} from "@ree/schema/documents";
import type { ReactNode } from "react";

import { formatDateTime, formatMemberCount } from "../lib/format";
import { modelKindLabel, modelTitle } from "../lib/labels";
import { type SearchPages, useSearchPages } from "../lib/useSearchPages";
import { SearchCombobox } from "./SearchCombobox";

interface PickerProps<Node> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Text of the chosen record in the closed input; null when nothing is chosen. */
  chosenText: string | null;
  onChoose(node: Node): void;
  error?: string;
  /** Searches from the caller's own hook, so that the caller sees the first page too. */
  search: SearchPages<Node>;
}

/** Searches the data sets by name, newest first. */
export function useDatasetSearch(): SearchPages<PickerDataset> {
  return useSearchPages(DatasetPickerDocument, "datasets", {});
}

/** Searches the models by name, newest first, optionally of one kind only. */
export function useModelSearch(kind: ModelKind | null = null): SearchPages<PickerModel> {
  return useSearchPages(ModelPickerDocument, "models", { kind });
}

/** Search picker of a data set; each choice names its size and import date. */
export function DatasetPicker(props: PickerProps<PickerDataset>) {
  return (
    <SearchCombobox<PickerDataset>
      {...props}
      noun="data sets"
      optionName={(dataset) => dataset.name}
      optionDetail={(dataset) =>
        `${dataset.sampleCount} samples, imported ${formatDateTime(dataset.createdAt)}`
      }
    />
  );
}

/** Search picker of a model; each choice names its kind and ensemble size. */
export function ModelPicker(props: PickerProps<PickerModel>) {
  return (
    <SearchCombobox<PickerModel>
      {...props}
      noun="models"
      optionName={modelTitle}
      optionDetail={(model) =>
        `${modelKindLabel(model.kind, model.targets)}, ${formatMemberCount(model.memberCount)}` +
        (model.isDefault ? ", default" : "")
      }
    />
  );
}
