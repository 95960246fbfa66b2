import { CombinedGraphQLErrors, type ErrorLike } from "@apollo/client";
import type { RunTask } from "@ree/schema/documents";
import { type FormEvent, useId, useState } from "react";

import {
  buildRunConfig,
  changeTask,
  defaultRunFormValues,
  estimateWorkload,
  fieldOfApiMessage,
  RUN_FORM_LABELS,
  type RunConfigInput,
  type RunFormColumns,
  type RunFormErrors,
  type RunFormField,
  type RunFormValues,
} from "../lib/runConfigForm";
import { ApiErrorAlert } from "./ApiErrorAlert";
import { RadioGroup } from "./RadioGroup";
import { RunColumnFields } from "./RunColumnFields";
import { RunEvaluationFields } from "./RunEvaluationFields";
import { RunNetworkFields } from "./RunNetworkFields";
import { RunSelectionFields } from "./RunSelectionFields";
import { RunSplitFields } from "./RunSplitFields";
import { type ParentModelOption, RunTransferFields } from "./RunTransferFields";
import { TextField } from "./TextField";
import type { SearchPages } from "../lib/useSearchPages";

export interface RunConfigFormProps {
  datasetId: string;
  columns: RunFormColumns;
  /** Median total REE of the data set, shown as the default screening threshold. */
  medianTotalRee: number | null;
  /** Unit of the total REE. */
  totalReeUnit: string;
  /** Task chosen first. @default "EVALUATION" */
  initialTask?: RunTask;
  /** True while the startRun mutation is in flight. */
  submitting: boolean;
  /** Error of the last startRun mutation, shown verbatim. */
  serverError?: ErrorLike;
  /** Receives a config that passed every check. */
  onSubmit: (config: RunConfigInput) => void;
  /** Search of the models that a transfer can start from. @default none */
  parentSearch?: SearchPages<ParentModelOption>;
  /** Parent model chosen first, the organisation's default where it is one. */
  defaultParent?: ParentModelOption | null;
}

const TASK_OPTIONS: { value: RunTask; label: string; description: string }[] = [
  {
    value: "EVALUATION",
    label: "Evaluation",
    description:
      "Trains and tests the chosen model kinds over repeated splits, with optional analyses, and stores each kind's ensemble for predictions.",
  },
  {
    value: "FEATURE_ELIMINATION",
    label: "Feature elimination",
    description:
      "Removes one feature per step, the one whose removal validates best, from all chosen features down to one, over repeated splits.",
  },
  {
    value: "GRID_SEARCH",
    label: "Grid search",
    description:
      "Scores every combination of hidden layers, learning rate and weight decay on validation samples, then retrains the best and tests it.",
  },
  {
    value: "TRANSFER",
    label: "Transfer learning",
    description:
      "Compares a trained multi-task model as is, its architecture trained from scratch, and the model fine-tuned, over random draws of a few training samples.",
  },
];

/**
 * Form of a run's config. Every input is checked in the browser before `onSubmit` receives the
 * config, with one message per invalid field in a summary that links to it. The API's own
 * rejection is shown verbatim and, where it names a field, next to that field too.
 */
export function RunConfigForm({
  datasetId,
  columns,
  medianTotalRee,
  totalReeUnit,
  initialTask = "EVALUATION",
  submitting,
  serverError,
  onSubmit,
  parentSearch,
  defaultParent = null,
}: RunConfigFormProps) {
  const formId = useId();
  const [values, setValues] = useState<RunFormValues>(() => ({
    ...defaultRunFormValues(initialTask, columns),
    parentModelId: defaultParent?.id ?? "",
  }));
  const [parent, setParent] = useState<ParentModelOption | null>(defaultParent);
  const [errors, setErrors] = useState<RunFormErrors>({});
  const fieldId = (field: RunFormField) => `${formId}-${field}`;
  const allErrors = { ...serverFieldErrors(serverError), ...errors };
  const built = buildRunConfig(datasetId, values, columns);
  const workload = !built.ok
    ? null
    : values.task === "TRANSFER"
      ? describeTransferWorkload(built.config, parent?.memberCount ?? 0)
      : describeWorkload(built.config);

  const onChange = (patch: Partial<RunFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const field of Object.keys(patch) as RunFormField[]) {
        delete next[field];
      }

      return next;
    });
  };

  const section = { values, errors: allErrors, columns, onChange, fieldId };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = buildRunConfig(datasetId, values, columns);
    if (!result.ok) {
      setErrors(result.errors);
      focusField(fieldId(Object.keys(result.errors)[0] as RunFormField));
      return;
    }

    setErrors({});
    onSubmit(result.config);
  };

  const errorList = Object.entries(errors) as [RunFormField, string][];

  return (
    <form className="run-form" onSubmit={handleSubmit} noValidate>
      {errorList.length === 0 ? null : (
        <div role="alert" className="alert">
          <p>Correct these values before starting the run:</p>
          <ul>
            {errorList.map(([field, message]) => (
              <li key={field}>
                <a href={`#${fieldId(field)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <fieldset className="form-section">
        <legend>What to run</legend>
        <RadioGroup
          id={fieldId("task")}
          legend={RUN_FORM_LABELS.task}
          value={values.task}
          onChange={(task) => {
            setValues((current) => changeTask(current, task, columns));
            setErrors({});
          }}
          options={TASK_OPTIONS}
        />
        <TextField
          id={fieldId("name")}
          label={`${RUN_FORM_LABELS.name} (optional)`}
          value={values.name}
          onChange={(name) => onChange({ name })}
          hint="Left empty, the API names the run after its task and data set."
        />
      </fieldset>

      {values.task === "TRANSFER" ? (
        <RunTransferFields
          {...section}
          parentSearch={parentSearch}
          parent={parent}
          onChooseParent={(model) => {
            setParent(model);
            onChange({ parentModelId: model.id });
          }}
        />
      ) : (
        <>
          <fieldset className="form-section">
            <legend>Columns</legend>
            <RunColumnFields {...section} />
          </fieldset>
          <RunSplitFields {...section} />
          {values.task === "EVALUATION" ? (
            <RunEvaluationFields
              {...section}
              medianTotalRee={medianTotalRee}
              totalReeUnit={totalReeUnit}
            />
          ) : (
            <RunSelectionFields {...section} />
          )}
        </>
      )}
      <RunNetworkFields {...section} />

      {serverError === undefined ? null : (
        <ApiErrorAlert error={serverError} lead="The API did not start the run:" />
      )}
      <p className="muted" aria-live="polite">
        {workload}
      </p>
      <button type="submit" disabled={submitting}>
        {submitting ? "Starting…" : "Start the run"}
      </button>
    </form>
  );
}

/** Moves the focus to a field's input, or to the first input of a group of choices. */
function focusField(id: string): void {
  const element = document.getElementById(id);
  const target = element instanceof HTMLFieldSetElement ? element.querySelector("input") : element;
  target?.focus();
}

/** Maps each API error that names a field to that field, for the message next to it. */
function serverFieldErrors(error: ErrorLike | undefined): RunFormErrors {
  if (error === undefined || !CombinedGraphQLErrors.is(error)) {
    return {};
  }

  const errors: RunFormErrors = {};
  for (const { message } of error.errors) {
    const field = fieldOfApiMessage(message);
    if (field !== null) {
      errors[field] ??= message;
    }
  }

  return errors;
}

/** Returns e.g. "This run trains 1100 networks for 500 epochs each." */
function describeWorkload(config: RunConfigInput): string {
  const { networks, linearFits, baselineFits, epochs } = estimateWorkload(config);
  const parts = [
    networks > 0
      ? `trains ${networks} network${networks === 1 ? "" : "s"} for ${epochs ?? "the default number of"} epochs each`
      : null,
    linearFits > 0 ? `fits ${linearFits} linear regression${linearFits === 1 ? "" : "s"}` : null,
    baselineFits > 0 ? `fits ${baselineFits} baseline model${baselineFits === 1 ? "" : "s"}` : null,
  ].filter((part) => part !== null);

  return parts.length === 0 ? "" : `This run ${parts.join(" and ")}.`;
}

/** Returns e.g. "This run fine-tunes 900 networks and trains 900 from scratch, for 500 epochs each." */
function describeTransferWorkload(config: RunConfigInput, members: number): string {
  const networks = (config.transfer?.draws ?? 0) * members;
  const epochs = config.network?.epochs ?? "the default number of";

  return networks === 0
    ? ""
    : `This run fine-tunes ${networks} networks and trains ${networks} from scratch, for ${epochs} epochs each.`;
}
