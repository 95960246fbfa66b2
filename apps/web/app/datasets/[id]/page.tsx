import type { Metadata } from "next";

import { DatasetView } from "../../../components/DatasetView";

export const metadata: Metadata = { title: "Data set" };

export default async function DatasetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;

  return <DatasetView id={id} />;
}
