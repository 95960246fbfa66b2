import type { Metadata } from "next";

import { ModelView } from "../../../components/ModelView";

export const metadata: Metadata = { title: "Model" };

export default async function ModelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;

  return <ModelView id={id} />;
}
