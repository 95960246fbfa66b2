import type { RunTask } from "@ree/schema/documents";
import type { Metadata } from "next";

import { RunLauncher } from "../../../components/RunLauncher";

export const metadata: Metadata = { title: "New run" };

const TASKS: readonly RunTask[] = ["EVALUATION", "FEATURE_ELIMINATION", "GRID_SEARCH", "TRANSFER"];

function first(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export default async function NewRunPage({
  searchParams,
}: {
  searchParams: Promise<{ dataset?: string | string[]; task?: string | string[] }>;
}) {
  const { dataset, task } = await searchParams;
  const requestedTask = first(task);
  const initialTask = TASKS.find((candidate) => candidate === requestedTask) ?? null;

  return (
    <>
      <h1>Start a run</h1>
      <p className="lead">
        Choose a data set and what to run. Every setting starts at the API&apos;s default, which
        follows the study: the six oxides it kept, a network with hidden layers of 20 and 6 units,
        and 30 repetitions with 20 % of the samples held out for testing.
      </p>
      <RunLauncher initialDatasetId={first(dataset)} initialTask={initialTask} />
    </>
  );
}
