import type { Metadata } from "next";

import { ModelCatalog } from "../../components/ModelCatalog";

export const metadata: Metadata = { title: "Models" };

export default function ModelsPage() {
  return (
    <>
      <h1>Models</h1>
      <p className="lead">
        Trained ensembles and the study&apos;s published models. Open one for its format, training
        domain and TensorFlow.js export.
      </p>
      <ModelCatalog />
    </>
  );
}
