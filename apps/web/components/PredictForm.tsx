"use client";

import { useQuery } from "@apollo/client/react";
import { ModelDocument, ModelPickerDocument } from "@ree/schema/documents";
import { useId, useState } from "react";

import { modelTitle } from "../lib/labels";
import { SEARCH_PAGE_SIZE } from "../lib/useSearchPages";
import { BatchPrediction } from "./BatchPrediction";
import { CompositionForm } from "./CompositionForm";
import { LoadingMessage } from "./LoadingMessage";
import { QueryError } from "./QueryError";
import { ModelPicker, useModelSearch } from "./RecordPickers";

export interface PredictFormProps {
  /** Model to choose first, from the page's `model` search parameter. */
  initialModelId: string | null;
}

/**
 * Search picker of a trained model, then the prediction forms for one composition and a CSV
 * file, both with the chosen model. The organisation's default model is chosen first.
 */
export function PredictForm({ initialModelId }: PredictFormProps) {
  const pickerId = useId();
  const search = useModelSearch();
  // The first page bypasses the cache, whose single entry per list belongs to the models page.
  const firstPage = useQuery(ModelPickerDocument, {
    variables: { first: SEARCH_PAGE_SIZE },
    fetchPolicy: "no-cache",
  });
  const [chosenId, setChosenId] = useState<string | null>(initialModelId);
  const newest = firstPage.data?.models.edges.map((edge) => edge.node) ?? [];
  const modelId = chosenId ?? (newest.find((model) => model.isDefault) ?? newest[0])?.id ?? null;
  const chosen = useQuery(ModelDocument, {
    variables: { id: modelId ?? "" },
    skip: modelId === null,
  });

  if (firstPage.data === undefined) {
    return firstPage.error ? (
      <QueryError error={firstPage.error} subject="the models" />
    ) : (
      <LoadingMessage>Loading models…</LoadingMessage>
    );
  }

  if (firstPage.data.models.totalCount === 0) {
    return (
      <p className="muted">
        No models yet. Each finished run stores the models it trained; start a run first.
      </p>
    );
  }

  const model = chosen.data?.model;

  return (
    <>
      <ModelPicker
        id={pickerId}
        label="Model"
        search={search}
        chosenText={model ? modelTitle(model) : null}
        onChoose={(node) => setChosenId(node.id)}
      />
      {model === undefined ? (
        chosen.error ? (
          <p role="alert" className="alert">
            No model has the id “{modelId}”. Choose one above.
          </p>
        ) : (
          <LoadingMessage>Loading the model…</LoadingMessage>
        )
      ) : (
        <>
          <CompositionForm key={model.id} model={model} />
          <BatchPrediction key={model.id} model={model} />
        </>
      )}
    </>
  );
}
