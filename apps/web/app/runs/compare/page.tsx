import type { Metadata } from "next";
import Link from "next/link";

import { RunComparison } from "../../../components/RunComparison";

export const metadata: Metadata = { title: "Compare runs" };

/** Reads ?ids=a,b,c (or repeated ids parameters) in order, without duplicates. */
function readIds(ids: string | string[] | undefined): string[] {
  const values = (Array.isArray(ids) ? ids : [ids ?? ""]).flatMap((value) => value.split(","));

  return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ""))];
}

export default async function CompareRunsPage({
  searchParams,
}: {
  searchParams: Promise<{ ids?: string | string[] }>;
}) {
  const { ids } = await searchParams;

  return (
    <>
      <h1>Compare runs</h1>
      <p className="lead screen-only">
        Settings, test metrics and parity plots of the runs side by side.{" "}
        <Link href="/runs">Back to the run list</Link>
      </p>
      <RunComparison ids={readIds(ids)} />
    </>
  );
}
