import type { Metadata } from "next";
import Link from "next/link";

import { RunTable } from "../../components/RunTable";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage({
  searchParams,
}: {
  searchParams: Promise<{ dataset?: string | string[] }>;
}) {
  const { dataset } = await searchParams;
  const datasetId = (Array.isArray(dataset) ? dataset[0] : dataset) ?? null;

  return (
    <>
      <h1>Runs</h1>
      <p className="lead">
        Every run of the lab. Sort by a column, filter, and check two or more runs to compare their
        configs, metrics and parity plots. <Link href="/runs/new">Start a run</Link>.
      </p>
      <RunTable datasetId={datasetId} />
    </>
  );
}
