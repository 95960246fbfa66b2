import type { ReactNode } from "react";

export interface RadioOption<T extends string> {
  value: T;
  label: ReactNode;
  /** Sentence under the label that states what the choice does. */
  description?: ReactNode;
}

export interface RadioGroupProps<T extends string> {
  /** Id of the fieldset, which is also the radio buttons' name. */
  id: string;
  legend: ReactNode;
  options: readonly RadioOption<T>[];
  value: T;
  onChange: (value: T) => void;
  hint?: ReactNode;
}

/** Fieldset of radio buttons, each with an optional description. */
export function RadioGroup<T extends string>({
  id,
  legend,
  options,
  value,
  onChange,
  hint,
}: RadioGroupProps<T>) {
  return (
    <fieldset id={id} className="choice-group">
      <legend>{legend}</legend>
      {hint === undefined ? null : <p className="field-hint">{hint}</p>}
      <div className="radio-list">
        {options.map((option) => (
          <label key={option.value}>
            <input
              type="radio"
              name={id}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />{" "}
            <span>
              <span className="choice-label">{option.label}</span>
              {option.description === undefined ? null : (
                <span className="choice-description">{option.description}</span>
              )}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
