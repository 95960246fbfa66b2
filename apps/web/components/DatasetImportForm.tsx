import { CombinedGraphQLErrors, type ErrorLike } from "@apollo/client";
import type { ImportDatasetVariables } from "@ree/schema/documents";
import { type ChangeEvent, type FormEvent, useId, useState } from "react";

import {
  type CsvHeaderSummary,
  decodeCsvBytes,
  DELIMITER_NAMES,
  type DecodedText,
  findErrorRow,
  hasDecimalCommas,
  summarizeHeader,
} from "../lib/csvText";
import { ApiErrorAlert } from "./ApiErrorAlert";
import { CsvErrorExcerpt } from "./CsvErrorExcerpt";
import { RadioGroup } from "./RadioGroup";
import { TextField } from "./TextField";

export type ImportDatasetInput = ImportDatasetVariables["input"];

export interface DatasetImportFormProps {
  /** True while the importDataset mutation is in flight. */
  submitting: boolean;
  /** Error of the last import, shown verbatim with the row of the file that it names. */
  serverError?: ErrorLike;
  /** Receives the input of an import that passed the browser's checks. */
  onSubmit: (input: ImportDatasetInput) => void;
  /** Called when the file changes, so that an error about the previous file can be cleared. */
  onFileChange?: () => void;
}

type ImportField = "file" | "name";

/**
 * Largest request that the API accepts, in bytes (MAX_BODY_BYTES in apps/api/src/server.ts).
 * NOTE: a copy of the API's limit, which a change there must follow. The check only spares the
 * upload of a file that would fail.
 */
const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

interface LoadedFile extends DecodedText {
  fileName: string;
  summary: CsvHeaderSummary;
  /** Whether the sample rows contain numbers with a decimal comma. */
  decimalCommas: boolean;
}

/**
 * Import form: reads a CSV file in the browser, previews its header as the API will read it, and
 * sends its text with the data set's name, source, licence, description and decimal separator.
 * An import error is shown verbatim, with the row and cell of the file that it names.
 */
export function DatasetImportForm({
  submitting,
  serverError,
  onSubmit,
  onFileChange,
}: DatasetImportFormProps) {
  const formId = useId();
  const fieldId = (field: string) => `${formId}-${field}`;
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [name, setName] = useState("");
  const [nameEdited, setNameEdited] = useState(false);
  const [source, setSource] = useState("");
  const [license, setLicense] = useState("");
  const [description, setDescription] = useState("");
  const [decimalSeparator, setDecimalSeparator] = useState<"." | ",">(".");
  const [errors, setErrors] = useState<Partial<Record<ImportField, string>>>({});

  const handleFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    onFileChange?.();
    setFile(null);
    if (chosen === undefined) {
      return;
    }

    if (chosen.size > MAX_REQUEST_BYTES) {
      setErrors({
        file: `File: ${chosen.name} has ${formatMegabytes(chosen.size)}, more than the API accepts in one request (${formatMegabytes(MAX_REQUEST_BYTES)}); split the table into smaller files.`,
      });
      return;
    }

    const decoded = decodeCsvBytes(await chosen.arrayBuffer());
    const decimalCommas = hasDecimalCommas(decoded.text);
    setFile({
      ...decoded,
      fileName: chosen.name,
      summary: summarizeHeader(decoded.text),
      decimalCommas,
    });
    setErrors(({ file: _replaced, ...others }) => others);
    if (!nameEdited) {
      setName(chosen.name.replace(/\.[^.]+$/, ""));
    }

    if (decimalCommas) {
      setDecimalSeparator(",");
    }
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Partial<Record<ImportField, string>> = {};
    if (file === null) {
      found.file = errors.file ?? "File: choose a CSV file.";
    } else if (file.text.trim() === "") {
      found.file = `File: ${file.fileName} is empty.`;
    }

    if (name.trim() === "") {
      found.name = "Name: give the data set a name.";
    }

    setErrors(found);
    const firstInvalid = (Object.keys(found) as ImportField[])[0];
    if (firstInvalid !== undefined || file === null) {
      document.getElementById(fieldId(firstInvalid ?? "file"))?.focus();
      return;
    }

    onSubmit({
      name: name.trim(),
      csv: file.text,
      description: description.trim(),
      source: source.trim(),
      license: license.trim(),
      decimalSeparator,
    });
  };

  const errorList = Object.entries(errors) as [ImportField, string][];

  return (
    <form className="import-form" onSubmit={handleSubmit} noValidate>
      {errorList.length === 0 ? null : (
        <div role="alert" className="alert">
          <p>Correct these values before importing:</p>
          <ul>
            {errorList.map(([field, message]) => (
              <li key={field}>
                <a href={`#${fieldId(field)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="field">
        <label htmlFor={fieldId("file")}>CSV file</label>
        <p id={`${fieldId("file")}-hint`} className="field-hint">
          A header row, then one sample per row. Name numeric columns{" "}
          <code>&lt;quantity&gt;_mol_pct</code> or <code>&lt;quantity&gt;_ppm_mol</code> (e.g.{" "}
          <code>SiO2_mol_pct</code>, <code>La2O3_ppm_mol</code>, <code>REE_total_ppm_mol</code>
          ), label the samples in <code>sample_id</code>; other columns are kept as metadata. Cells
          may be separated by commas, semicolons or tabs.
        </p>
        <input
          id={fieldId("file")}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          aria-invalid={errors.file !== undefined}
          aria-describedby={`${fieldId("file")}-hint`}
          onChange={(event) => void handleFile(event)}
        />
        {errors.file === undefined ? null : <p className="field-error">{errors.file}</p>}
      </div>
      {file === null ? null : <FilePreview file={file} />}

      <TextField
        id={fieldId("name")}
        label="Name"
        value={name}
        onChange={(value) => {
          setName(value);
          setNameEdited(true);
          setErrors(({ name: _fixed, ...others }) => others);
        }}
        error={errors.name}
        hint="Must differ from the names of the stored data sets."
      />
      <TextField
        id={fieldId("source")}
        label="Source (optional)"
        value={source}
        onChange={setSource}
        hint="Where the data come from, with a citation."
      />
      <TextField
        id={fieldId("license")}
        label="Licence (optional)"
        value={license}
        onChange={setLicense}
        hint="Terms under which the data may be used, e.g. CC BY 4.0."
      />
      <TextField
        id={fieldId("description")}
        label="Description (optional)"
        value={description}
        onChange={setDescription}
        rows={3}
      />
      <RadioGroup<"." | ",">
        id={fieldId("decimalSeparator")}
        legend="Decimal separator"
        value={decimalSeparator}
        onChange={setDecimalSeparator}
        hint={
          file?.decimalCommas
            ? "The file has numbers with a decimal comma, so a comma is chosen."
            : undefined
        }
        options={[
          { value: ".", label: "Dot: 12.5" },
          {
            value: ",",
            label: "Comma: 12,5",
            description: "Dots then separate thousands, as in 1.234,5.",
          },
        ]}
      />

      {serverError === undefined ? null : (
        <ApiErrorAlert error={serverError} lead="The API did not import the file:">
          {file === null ? null : <ErrorRows error={serverError} text={file.text} />}
        </ApiErrorAlert>
      )}
      <button type="submit" disabled={submitting}>
        {submitting ? "Importing…" : "Import"}
      </button>
    </form>
  );
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Says how the API will read the file's header, and warns about what it will reject. */
function FilePreview({ file }: { file: LoadedFile }) {
  const { summary } = file;
  const units = new Map<string, number>();
  for (const { unit } of summary.numeric) {
    units.set(unit, (units.get(unit) ?? 0) + 1);
  }

  const unitText = [...units].map(([unit, count]) => `${count} in ${unit}`).join(", ");

  return (
    <div className="file-preview" aria-live="polite">
      <p>
        {file.fileName}: {summary.rowCount} sample row{summary.rowCount === 1 ? "" : "s"}, separated
        by {DELIMITER_NAMES[summary.delimiter]}s; {summary.numeric.length} numeric column
        {summary.numeric.length === 1 ? "" : "s"}
        {unitText === "" ? "" : ` (${unitText})`}
        {summary.metadata.length === 0 ? "" : `; kept as metadata: ${summary.metadata.join(", ")}`}.
      </p>
      {file.encoding === "UTF-8" ? null : (
        <p className="note">
          The file is not valid UTF-8, so it was read as Windows-1252. Check that names with special
          characters look right on the data set&apos;s page.
        </p>
      )}
      {summary.hasSampleId ? null : (
        <p className="note">
          The header has no <code>sample_id</code> column, so the API will reject the file.
        </p>
      )}
      {summary.numeric.length > 0 ? null : (
        <p className="note">
          No column name ends in <code>_mol_pct</code> or <code>_ppm_mol</code>, so the API will
          find no numeric columns and reject the file.
        </p>
      )}
    </div>
  );
}

/** Shows the row of the file that each API error names by line. */
function ErrorRows({ error, text }: { error: ErrorLike; text: string }) {
  if (!CombinedGraphQLErrors.is(error)) {
    return null;
  }

  return error.errors.map((graphQLError, index) => {
    const { line, column, value } = graphQLError.extensions ?? {};
    if (typeof line !== "number") {
      return null;
    }

    const row = findErrorRow(text, line, typeof column === "string" ? column : undefined);

    return row === null ? null : (
      <CsvErrorExcerpt
        key={index}
        row={row}
        value={typeof value === "string" ? value : undefined}
      />
    );
  });
}
