import type { ModelArtifact } from "@ree/core-ml";
import type { Model } from "@ree/schema/types";

/** Fields of a Model that describe its format, training data, domain and export. */
export type ModelDetails = Pick<
  Model,
  | "formatVersion"
  | "datasetId"
  | "datasetName"
  | "domain"
  | "screeningTarget"
  | "screeningThreshold"
  | "metrics"
  | "tfjsModelPaths"
>;

/** Reads the details of a stored model from its artifact. */
export function modelDetails(
  id: string,
  datasetId: string | null,
  artifact: ModelArtifact,
): ModelDetails {
  const { domain, screening, training } = artifact;

  return {
    formatVersion: artifact.version,
    datasetId: datasetId ?? training?.datasetId ?? null,
    datasetName: training?.datasetName ?? null,
    domain: domain
      ? {
          source: domain.source,
          rows: domain.rows,
          ranges: artifact.features.map((feature, j) => ({
            feature,
            min: domain.min[j] ?? NaN,
            max: domain.max[j] ?? NaN,
          })),
          maxDistance: domain.maxDistance,
        }
      : null,
    screeningTarget: screening?.target ?? null,
    screeningThreshold: screening?.threshold ?? null,
    metrics: training?.metrics ?? [],
    tfjsModelPaths: artifact.members.map((_, index) => tfjsModelPath(id, index)),
  };
}

/** Path of one member's TensorFlow.js model.json, served next to its weights.bin. */
export function tfjsModelPath(modelId: string, member: number): string {
  return `/models/${modelId}/tfjs/${member}/model.json`;
}
