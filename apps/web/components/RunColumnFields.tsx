import { columnLabel } from "../lib/labels";
import { defaultFeatures, RUN_FORM_LABELS, type RunFormSectionProps } from "../lib/runConfigForm";
import { CheckboxGroup } from "./CheckboxGroup";

/**
 * Returns a legend with the columns' unit when they share one, e.g. "Features, in mol %", and
 * otherwise the legend alone, with each column's unit in its label.
 */
function withUnit(
  legend: string,
  names: readonly string[],
  units: Readonly<Record<string, string>>,
) {
  const distinct = new Set(names.map((name) => units[name] ?? ""));
  const [unit] = distinct;

  return distinct.size === 1 && unit !== undefined && unit !== ""
    ? `${legend}, in ${unit}`
    : legend;
}

function columnOptions(names: readonly string[], units: Readonly<Record<string, string>>) {
  const shared = new Set(names.map((name) => units[name] ?? "")).size === 1;

  return names.map((name) => ({
    value: name,
    label: shared ? columnLabel(name) : `${columnLabel(name)} (${units[name] ?? "no unit"})`,
    title: name,
  }));
}

/** Feature checkboxes, and the targets: checkboxes for an evaluation, one choice for selection. */
export function RunColumnFields({
  values,
  errors,
  columns,
  onChange,
  fieldId,
}: RunFormSectionProps) {
  const featureOptions = columnOptions(columns.features, columns.units);
  const targetOptions = columnOptions(columns.targets, columns.units);
  const isEvaluation = values.task === "EVALUATION";

  return (
    <>
      <CheckboxGroup
        id={fieldId("features")}
        legend={withUnit(RUN_FORM_LABELS.features, columns.features, columns.units)}
        options={featureOptions}
        selected={values.features}
        onChange={(features) => onChange({ features })}
        error={errors.features}
        hint={
          values.task === "FEATURE_ELIMINATION"
            ? "Elimination starts from these and removes one per step."
            : "Contents that the models read."
        }
        actions={
          <>
            <button
              type="button"
              className="secondary"
              onClick={() => onChange({ features: defaultFeatures("EVALUATION", columns) })}
            >
              The study&apos;s six
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => onChange({ features: [...columns.features] })}
            >
              All {columns.features.length}
            </button>
          </>
        }
      />
      {isEvaluation ? (
        <CheckboxGroup
          id={fieldId("targets")}
          legend={withUnit(RUN_FORM_LABELS.targets, columns.targets, columns.units)}
          options={targetOptions}
          selected={values.targets}
          onChange={(targets) => onChange({ targets })}
          error={errors.targets}
          hint="Contents that the models predict. The first checked one defines the strata of a stratified split; the run page charts the total REE."
          actions={
            <>
              <button
                type="button"
                className="secondary"
                onClick={() => onChange({ targets: columns.targets.slice(0, 1) })}
              >
                Only {columnLabel(columns.targets[0] ?? "")}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => onChange({ targets: [...columns.targets] })}
              >
                All {columns.targets.length}
              </button>
            </>
          }
        />
      ) : (
        <div className="field">
          <label htmlFor={fieldId("selectionTarget")}>{RUN_FORM_LABELS.selectionTarget}</label>
          <p id={`${fieldId("selectionTarget")}-hint`} className="field-hint">
            The content whose validation error decides; the splits are stratified on it.
          </p>
          <select
            id={fieldId("selectionTarget")}
            value={values.selectionTarget}
            aria-describedby={`${fieldId("selectionTarget")}-hint`}
            onChange={(event) => onChange({ selectionTarget: event.target.value })}
          >
            {columns.targets.map((name) => (
              <option key={name} value={name}>
                {columnLabel(name)}
              </option>
            ))}
          </select>
          {errors.selectionTarget === undefined ? null : (
            <p className="field-error">{errors.selectionTarget}</p>
          )}
        </div>
      )}
    </>
  );
}
