import type { Metadata } from "next";

import { ImportWizard } from "../../../components/ImportWizard";

export const metadata: Metadata = { title: "Import a data set" };

export default function ImportDatasetPage() {
  return (
    <>
      <h1>Import a data set</h1>
      <p className="lead">
        Bring the table as your lab reports it: XRF oxides in wt%, ICP-MS elements in ppm, mg/kg,
        µg/g or ppb. The API proposes a reading of every column, checks every row and lists each
        problem with its fix; it stores the samples in mol % and molar ppm only when no error is
        left.
      </p>
      <ImportWizard />
    </>
  );
}
