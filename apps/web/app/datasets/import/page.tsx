import type { Metadata } from "next";

import { DatasetImporter } from "../../../components/DatasetImporter";

export const metadata: Metadata = { title: "Import a data set" };

export default function ImportDatasetPage() {
  return (
    <>
      <h1>Import a data set</h1>
      <p className="lead">
        The API checks every cell before it stores anything: a file with one invalid cell is
        rejected whole, and the message names the line, column and value of the first problem found.
      </p>
      <DatasetImporter />
    </>
  );
}
