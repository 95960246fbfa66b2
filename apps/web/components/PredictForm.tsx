"use client";

import { useQuery } from "@apollo/client/react";
import { MAX_PAGE_SIZE, ModelListDocument } from "@ree/schema/documents";

import { BatchPrediction } from "./BatchPrediction";
import { CompositionForm } from "./CompositionForm";
import { LoadingMessage } from "./LoadingMessage";
import { QueryError } from "./QueryError";

export interface PredictFormProps {
  /** Model to choose first, from the page's `model` search parameter. */
  initialModelId: string | null;
}

/** Loads the trained models and shows the prediction forms for one composition and a CSV file. */
export function PredictForm({ initialModelId }: PredictFormProps) {
  const { data, error } = useQuery(ModelListDocument, { variables: { first: MAX_PAGE_SIZE } });

  if (data === undefined) {
    return error ? (
      <QueryError error={error} subject="the models" />
    ) : (
      <LoadingMessage>Loading models…</LoadingMessage>
    );
  }

  const models = data.models.edges.map((edge) => edge.node);
  if (models.length === 0) {
    return (
      <p className="muted">
        No models yet. Each finished run stores the models it trained; start a run first.
      </p>
    );
  }

  return (
    <>
      <CompositionForm models={models} initialModelId={initialModelId} />
      <BatchPrediction models={models} />
    </>
  );
}
