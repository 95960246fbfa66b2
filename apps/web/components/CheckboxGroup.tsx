import type { ReactNode } from "react";

export interface CheckboxOption {
  value: string;
  label: ReactNode;
  /** Tooltip, e.g. the full column name behind a short label. */
  title?: string;
}

export interface CheckboxGroupProps {
  /** Id of the fieldset, the target of links to it from an error summary. */
  id: string;
  legend: ReactNode;
  options: readonly CheckboxOption[];
  selected: readonly string[];
  /** Receives the checked values in the order of `options`. */
  onChange: (selected: string[]) => void;
  error?: string;
  hint?: ReactNode;
  /** Buttons under the legend, e.g. to check all. */
  actions?: ReactNode;
  /** "grid" packs short labels in columns, "list" puts long labels one per line. @default "grid" */
  layout?: "grid" | "list";
}

/** Fieldset of checkboxes that returns the checked values in option order. */
export function CheckboxGroup({
  id,
  legend,
  options,
  selected,
  onChange,
  error,
  hint,
  actions,
  layout = "grid",
}: CheckboxGroupProps) {
  const toggle = (value: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) {
      next.add(value);
    } else {
      next.delete(value);
    }

    onChange(options.map((option) => option.value).filter((option) => next.has(option)));
  };

  return (
    <fieldset
      id={id}
      className="choice-group"
      aria-invalid={error !== undefined}
      aria-describedby={error === undefined ? undefined : `${id}-error`}
    >
      <legend>{legend}</legend>
      {hint === undefined ? null : <p className="field-hint">{hint}</p>}
      {actions === undefined ? null : <div className="choice-actions">{actions}</div>}
      <div className={layout === "grid" ? "choice-grid" : "choice-list"}>
        {options.map((option) => (
          <label key={option.value} title={option.title}>
            <input
              type="checkbox"
              value={option.value}
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />{" "}
            {option.label}
          </label>
        ))}
      </div>
      {error === undefined ? null : (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
