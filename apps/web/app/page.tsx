import Link from "next/link";

import { DatasetList } from "../components/DatasetList";
import { ModelList } from "../components/ModelList";
import { RunList } from "../components/RunList";

/** Overview: every data set, run and model. */
export default function HomePage() {
  return (
    <>
      <h1>REE workbench</h1>
      <p className="lead">
        Predicts rare earth element (REE) contents of coal ashes, in ppm (molar), from their XRF
        oxide composition in mol %.
      </p>

      <section aria-labelledby="datasets-heading">
        <h2 id="datasets-heading">Data sets</h2>
        <DatasetList />
        <p className="screen-only">
          <Link href="/datasets/import">Import a data set from a CSV file</Link>
        </p>
      </section>

      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">Runs</h2>
        <p className="screen-only">
          <Link href="/runs/new">Start a run</Link>: an evaluation, a feature elimination or a grid
          search.
        </p>
        <RunList />
      </section>

      <section aria-labelledby="models-heading">
        <h2 id="models-heading">Models</h2>
        <ModelList />
      </section>
    </>
  );
}
