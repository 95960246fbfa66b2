"use client";

import type { ErrorLike } from "@apollo/client";
import { useId, useState } from "react";

import { ApiErrorAlert } from "./ApiErrorAlert";

export interface CancelRunButtonProps {
  runName: string;
  /** Whether the cancellation request is in flight. */
  cancelling: boolean;
  /** Error of the last cancellation request, if it failed. */
  error: ErrorLike | undefined;
  /** Callback that sends the cancellation, called only after the user confirms. */
  onConfirm: () => void;
}

/**
 * "Cancel run" button with a confirmation step, because a cancelled run cannot be resumed. Both
 * buttons are disabled while the request is in flight, so that a second click sends nothing.
 */
export function CancelRunButton({ runName, cancelling, error, onConfirm }: CancelRunButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const questionId = useId();

  if (!confirming) {
    return (
      <div className="cancel-run">
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Cancel run
        </button>
      </div>
    );
  }

  return (
    <div className="cancel-run" role="group" aria-labelledby={questionId}>
      <p id={questionId}>
        Cancel “{runName}”? Repetitions that finished are kept; the others stop at their next epoch,
        and the run cannot be resumed.
      </p>
      <div className="cancel-run-actions">
        <button type="button" className="danger" disabled={cancelling} onClick={onConfirm}>
          {cancelling ? "Cancelling…" : "Yes, cancel the run"}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={cancelling}
          onClick={() => setConfirming(false)}
        >
          Keep running
        </button>
      </div>
      {error === undefined ? null : (
        <ApiErrorAlert error={error} lead="The API did not cancel the run:" />
      )}
    </div>
  );
}
