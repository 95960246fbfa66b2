"use client";

import { CombinedGraphQLErrors, type ErrorLike } from "@apollo/client";
import { useMutation } from "@apollo/client/react";
import {
  type ImportColumnVariables,
  ImportDatasetDocument,
  type ImportOptionsVariables,
  type PickerDataset,
  PreviewImportDocument,
} from "@ree/schema/documents";
import { useRouter } from "next/navigation";
import { type ChangeEvent, use, useId, useState } from "react";

import { ApiUrlContext } from "../lib/apiUrlContext";
import { decodeCsvBytes, findErrorRow, hasDecimalCommas } from "../lib/csvText";
import { uploadFile } from "../lib/uploadFile";
import { ApiErrorAlert } from "./ApiErrorAlert";
import { CsvErrorExcerpt } from "./CsvErrorExcerpt";
import { ImportMappingTable } from "./ImportMappingTable";
import { ImportReportView } from "./ImportReportView";
import { ProgressBar } from "./ProgressBar";
import { QueryError } from "./QueryError";
import { RadioGroup } from "./RadioGroup";
import { DatasetPicker, useDatasetSearch } from "./RecordPickers";
import { TextField } from "./TextField";

interface LoadedFile {
  fileName: string;
  format: "CSV" | "XLSX";
  /** Bytes to upload: the file itself, or its text in UTF-8 when it was Windows-1252. */
  body: Blob;
  /** Text of a CSV file, for the excerpts of rows that errors name; null for XLSX. */
  text: string | null;
}

/** State of the upload of the chosen file. */
type UploadState =
  | { status: "idle" }
  | { status: "sending"; fraction: number }
  | { status: "done"; id: string }
  | { status: "failed"; message: string };

type BelowDetection = NonNullable<ImportOptionsVariables["belowDetection"]>;
type Missing = NonNullable<ImportOptionsVariables["missing"]>;
type Locale = "auto" | "." | ",";

const BELOW_DETECTION_OPTIONS: { value: BelowDetection; label: string; description: string }[] = [
  { value: "reject", label: "Reject", description: 'A cell such as "<0.5" or "bdl" is an error.' },
  {
    value: "missing",
    label: "Leave the sample out",
    description: "The sample is reported and not stored.",
  },
  { value: "half-limit", label: "Half the limit", description: '"<0.5" is stored as 0.25.' },
  { value: "limit", label: "The limit", description: '"<0.5" is stored as 0.5.' },
];

const MISSING_OPTIONS: { value: Missing; label: string; description: string }[] = [
  { value: "reject", label: "Reject", description: 'An empty or "n.a." cell is an error.' },
  {
    value: "missing",
    label: "Leave the sample out",
    description: "The sample is reported and not stored.",
  },
];

const LOCALE_OPTIONS: { value: Locale; label: string; description: string }[] = [
  {
    value: "auto",
    label: "Not declared",
    description: 'Numbers such as "1.234" that read two ways are errors.',
  },
  {
    value: ".",
    label: "Decimal point",
    description: '"1.234" is one and a quarter; "1,234" is 1234.',
  },
  {
    value: ",",
    label: "Decimal comma",
    description: '"1,234" is one and a quarter; "1.234" is 1234.',
  },
];

/**
 * Import wizard. It uploads a CSV or XLSX file to the API's POST /uploads, showing the
 * progress, and has the API propose a reading of every column and check every row of the
 * upload. The user changes roles, quantities, units and the policies, and imports the upload
 * once the report has no error.
 */
export function ImportWizard() {
  const formId = useId();
  const router = useRouter();
  const apiUrl = use(ApiUrlContext);
  const [loaded, setLoaded] = useState<LoadedFile | null>(null);
  const [upload, setUpload] = useState<UploadState>({ status: "idle" });
  const [sheet, setSheet] = useState("");
  const [name, setName] = useState("");
  const [target, setTarget] = useState<"new" | "version">("new");
  const [targetDataset, setTargetDataset] = useState<PickerDataset | null>(null);
  const [belowDetection, setBelowDetection] = useState<BelowDetection>("reject");
  const [missing, setMissing] = useState<Missing>("reject");
  const [locale, setLocale] = useState<Locale>("auto");
  const [tolerance, setTolerance] = useState("10");
  const [overrides, setOverrides] = useState<Record<string, ImportColumnVariables>>({});
  const datasetSearch = useDatasetSearch();
  const [preview, previewed] = useMutation(PreviewImportDocument);
  const [importDataset, imported] = useMutation(ImportDatasetDocument);

  const toleranceValue = Number(tolerance);
  const toleranceError =
    tolerance.trim() === "" || (Number.isFinite(toleranceValue) && toleranceValue >= 0)
      ? undefined
      : "Tolerance: enter a number of wt% of zero or more, or leave it empty to skip the check.";
  const options: ImportOptionsVariables = {
    belowDetection,
    missing,
    decimalSeparator: locale === "auto" ? null : locale,
    ...(tolerance.trim() === "" ? { skipTotalCheck: true } : { totalTolerance: toleranceValue }),
  };
  const request = (file: LoadedFile, uploadId: string) => ({
    uploadId,
    ...(file.format === "XLSX" && sheet.trim() !== "" ? { sheet: sheet.trim() } : {}),
    options,
    columns: Object.values(overrides),
  });

  /** Uploads the file unless it went up already; resolves with the upload's id. */
  const uploaded = async (file: LoadedFile): Promise<string | null> => {
    if (upload.status === "done") {
      return upload.id;
    }

    setUpload({ status: "sending", fraction: 0 });
    try {
      const { id } = await uploadFile(apiUrl, file.fileName, file.body, (fraction) =>
        setUpload({ status: "sending", fraction }),
      );
      setUpload({ status: "done", id });

      return id;
    } catch (error) {
      setUpload({ status: "failed", message: (error as Error).message });

      return null;
    }
  };

  const check = async (file: LoadedFile) => {
    imported.reset();
    const uploadId = await uploaded(file);
    if (uploadId !== null) {
      await preview({ variables: request(file, uploadId) }).catch(() => undefined);
    }
  };

  const handleFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setLoaded(null);
    setUpload({ status: "idle" });
    setOverrides({});
    previewed.reset();
    if (chosen === undefined) {
      return;
    }

    const next = await readFile(chosen);
    setLoaded(next);
    if (name === "") {
      setName(chosen.name.replace(/\.(csv|tsv|txt|xlsx)$/i, ""));
    }

    if (next.text !== null && hasDecimalCommas(next.text)) {
      setLocale(",");
    }
  };

  const submit = () => {
    if (loaded === null || upload.status !== "done") {
      return;
    }

    const destination = target === "new" ? { name } : { datasetId: targetDataset?.id ?? "" };
    const input = { ...request(loaded, upload.id), ...destination };
    void importDataset({ variables: { input } }).then(
      ({ data }) => {
        if (data) {
          router.push(`/datasets/${encodeURIComponent(data.importDataset.id)}`);
        }
      },
      // The hook's `imported.error` shows the failure.
      () => undefined,
    );
  };

  const result = previewed.data?.previewImport;
  const ready = result !== undefined && result.report.errorCount === 0 && !previewed.loading;
  const sending = upload.status === "sending";

  return (
    <form className="import-form" onSubmit={(event) => event.preventDefault()}>
      {/* The data set picker shows its own error once a new version is chosen. */}
      {datasetSearch.error && target === "new" ? (
        <QueryError error={datasetSearch.error} subject="the data sets to add a version to" />
      ) : null}
      <section className="form-section">
        <h2>1. File</h2>
        <div className="field">
          <label htmlFor={`${formId}-file`}>CSV or XLSX file</label>
          <input
            id={`${formId}-file`}
            type="file"
            accept=".csv,.tsv,.txt,.xlsx,text/csv"
            onChange={(event) => void handleFile(event)}
          />
          <p className="field-hint">
            Wide tables (one row per sample) with units in the headers or in a second header row, or
            long tables (sample, analyte, value, unit). Nothing is stored until you import.
          </p>
        </div>
        {loaded?.format === "XLSX" ? (
          <TextField
            id={`${formId}-sheet`}
            label="Sheet"
            hint="Name of the sheet to read; empty reads the first sheet."
            value={sheet}
            onChange={setSheet}
          />
        ) : null}
      </section>

      <section className="form-section">
        <h2>2. Options</h2>
        <RadioGroup
          id={`${formId}-below`}
          legend="Below-detection cells"
          options={BELOW_DETECTION_OPTIONS}
          value={belowDetection}
          onChange={setBelowDetection}
        />
        <RadioGroup
          id={`${formId}-missing`}
          legend="Empty and not-analysed cells"
          options={MISSING_OPTIONS}
          value={missing}
          onChange={setMissing}
        />
        <RadioGroup
          id={`${formId}-locale`}
          legend="Decimal separator"
          options={LOCALE_OPTIONS}
          value={locale}
          onChange={setLocale}
        />
        <TextField
          id={`${formId}-tolerance`}
          label="Total tolerance (wt%)"
          hint="Accepted distance of each sample's analytical total from 100 wt%; empty skips the check."
          inputMode="decimal"
          value={tolerance}
          error={toleranceError}
          onChange={setTolerance}
        />
        <button
          type="button"
          disabled={loaded === null || toleranceError !== undefined || previewed.loading || sending}
          onClick={() => loaded && void check(loaded)}
        >
          {result === undefined ? "Check the file" : "Check again"}
        </button>
        {upload.status === "sending" ? (
          <ProgressBar fraction={upload.fraction} message="Uploading the file" />
        ) : null}
      </section>

      {upload.status === "failed" ? (
        <p role="alert" className="alert">
          The file could not be uploaded: {upload.message}
        </p>
      ) : null}

      {previewed.error ? (
        <ApiErrorAlert error={previewed.error} lead="The API could not read the file:" />
      ) : null}

      {result === undefined ? null : (
        <>
          <section className="form-section">
            <h2>3. Columns</h2>
            <p className="field-hint">
              {result.unitsRow ? "Units were read from the second header row. " : ""}
              Contents in{" "}
              {result.mode === "mass"
                ? "mass units are converted"
                : "molar units are stored as given"}{" "}
              to {result.outputColumns.length} columns in mol % and molar ppm. Change a reading,
              then check again.
            </p>
            <ImportMappingTable
              columns={result.columns}
              overrides={overrides}
              onOverride={(override) => setOverrides({ ...overrides, [override.header]: override })}
            />
          </section>
          <section className="form-section">
            <h2>4. Report</h2>
            <ImportReportView
              report={result.report}
              rowWord={loaded?.format === "XLSX" ? "row" : "line"}
            />
          </section>
          <section className="form-section">
            <h2>5. Import</h2>
            <RadioGroup<"new" | "version">
              id={`${formId}-target`}
              legend="Import into"
              value={target}
              onChange={setTarget}
              options={[
                { value: "new", label: "A new data set" },
                { value: "version", label: "A new version of a data set" },
              ]}
            />
            {target === "new" ? (
              <TextField id={`${formId}-name`} label="Name" value={name} onChange={setName} />
            ) : (
              <DatasetPicker
                id={`${formId}-dataset`}
                label="Data set"
                search={datasetSearch}
                chosenText={targetDataset?.name ?? null}
                onChoose={setTargetDataset}
              />
            )}
            <button
              type="button"
              disabled={
                !ready ||
                imported.loading ||
                (target === "new" ? name.trim() === "" : targetDataset === null)
              }
              onClick={submit}
            >
              Import {result.report.sampleCount} samples
            </button>
            {imported.error ? (
              <ApiErrorAlert error={imported.error} lead="The API rejected the import:">
                {loaded?.text ? <ErrorRows error={imported.error} text={loaded.text} /> : null}
              </ApiErrorAlert>
            ) : null}
          </section>
        </>
      )}
    </form>
  );
}

/** Shows the line of a CSV file that each API error names. */
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

/**
 * Reads a chosen file. An XLSX workbook is uploaded as it is. A CSV file is decoded for the
 * decimal-comma check and the error excerpts, and the API reads UTF-8, so a Windows-1252 file
 * is uploaded as its decoded text.
 */
async function readFile(file: File): Promise<LoadedFile> {
  if (/\.xlsx$/i.test(file.name)) {
    return { fileName: file.name, format: "XLSX", body: file, text: null };
  }

  const { text, encoding } = decodeCsvBytes(await file.arrayBuffer());
  const body = encoding === "UTF-8" ? file : new Blob([text], { type: "text/csv" });

  return { fileName: file.name, format: "CSV", body, text };
}
