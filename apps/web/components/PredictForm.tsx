"use client";

import { useQuery } from "@apollo/client/react";
import { ModelsDocument } from "@ree/schema/documents";

import { CompositionForm } from "./CompositionForm";
import { LoadingMessage } from "./LoadingMessage";
import { QueryError } from "./QueryError";

export interface PredictFormProps {
  /** Model to choose first, from the page's `model` search parameter. */
  initialModelId: string | null;
}

/** Loads the trained models and shows the prediction form for them. */
export function PredictForm({ initialModelId }: PredictFormProps) {
  const { data, error } = useQuery(ModelsDocument);

  if (data === undefined) {
    return error ? (
      <QueryError error={error} subject="the models" />
    ) : (
      <LoadingMessage>Loading models…</LoadingMessage>
    );
  }

  if (data.models.length === 0) {
    return (
      <p className="muted">
        No models yet. Each finished run stores the models it trained; start a run first.
      </p>
    );
  }

  return <CompositionForm models={data.models} initialModelId={initialModelId} />;
}
