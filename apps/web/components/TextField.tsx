import type { ReactNode } from "react";

export interface TextFieldProps {
  /** Id of the input, the target of links to it from an error summary. */
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Message of a failed check, which also marks the input invalid. */
  error?: string;
  /** Help text under the label: what the value sets and in what unit. */
  hint?: ReactNode;
  /** Keyboard that touch devices show. @default "text" */
  inputMode?: "text" | "decimal" | "numeric";
  /** Renders a text area of this many rows in place of a one-line input. */
  rows?: number;
}

/** Labelled text input with help text and an error message, both linked by aria-describedby. */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  inputMode = "text",
  rows,
}: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? null : hintId, error === undefined ? null : errorId]
    .filter((part) => part !== null)
    .join(" ");
  const common = {
    id,
    value,
    "aria-invalid": error !== undefined,
    "aria-describedby": describedBy === "" ? undefined : describedBy,
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {rows === undefined ? (
        <input
          {...common}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      )}
      {error === undefined ? null : (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
