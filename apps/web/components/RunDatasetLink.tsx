import Link from "next/link";

/** Text shown for a run whose data set, another organisation's, is no longer shared. */
export const UNSHARED_DATASET = "No longer shared";

/**
 * Links a run's data set, or names why there is none: the run trained on a data set that
 * another organisation shared, and the share was revoked. The run and its results stay readable.
 */
export function RunDatasetLink({
  dataset,
  href,
}: {
  dataset: { id: string; name: string } | null;
  href: (datasetId: string) => string;
}) {
  if (dataset === null) {
    return <span className="muted">{UNSHARED_DATASET}</span>;
  }

  return <Link href={href(dataset.id)}>{dataset.name}</Link>;
}
