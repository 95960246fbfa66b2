import type { Metadata } from "next";

import { PredictForm } from "../../components/PredictForm";

export const metadata: Metadata = { title: "Predict" };

export default async function PredictPage({
  searchParams,
}: {
  searchParams: Promise<{ model?: string | string[] }>;
}) {
  const { model } = await searchParams;
  const initialModelId = (Array.isArray(model) ? model[0] : model) ?? null;

  return (
    <>
      <h1>Predict REE contents</h1>
      <p className="lead">
        Enter the oxide composition of one ash in mol %, as measured by XRF, or upload a CSV file of
        many. The chosen model returns the total REE and each element in ppm (molar), as the mean ±
        sd over its ensemble members, with the screening class and a warning for each composition
        outside its training domain.
      </p>
      <PredictForm initialModelId={initialModelId} />
    </>
  );
}
