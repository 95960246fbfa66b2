"use client";

import { useMutation } from "@apollo/client/react";
import { ImportDatasetDocument } from "@ree/schema/documents";
import { useRouter } from "next/navigation";

import { DatasetImportForm, type ImportDatasetInput } from "./DatasetImportForm";

/** Import page body: sends the form's CSV to the API and opens the new data set's page. */
export function DatasetImporter() {
  const router = useRouter();
  const [importDataset, imported] = useMutation(ImportDatasetDocument);

  const submit = (input: ImportDatasetInput) => {
    void importDataset({ variables: { input } }).then(
      ({ data }) => {
        if (data !== undefined && data !== null) {
          router.push(`/datasets/${encodeURIComponent(data.importDataset.id)}`);
        }
      },
      // The hook's `imported.error` shows the failure, so the rejection needs no handling here.
      () => undefined,
    );
  };

  return (
    <DatasetImportForm
      submitting={imported.loading || imported.data !== undefined}
      serverError={imported.error}
      onSubmit={submit}
      onFileChange={() => imported.reset()}
    />
  );
}
