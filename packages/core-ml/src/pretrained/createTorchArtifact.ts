import {
  MODEL_ARTIFACT_FORMAT,
  MODEL_ARTIFACT_VERSION,
  type ModelArtifact,
  type NetworkPredictor,
} from "../artifact/ModelArtifact.js";
import type { TorchColumns } from "./readTorchColumns.js";

/**
 * Builds a MULTI_TASK artifact with one member per network. Every member gets
 * the export's one pair of scalers (the same objects), because the study
 * trained all its networks on data scaled with the same statistics.
 */
export function createTorchArtifact(
  columns: TorchColumns,
  networks: NetworkPredictor[],
): ModelArtifact {
  return {
    format: MODEL_ARTIFACT_FORMAT,
    version: MODEL_ARTIFACT_VERSION,
    kind: "MULTI_TASK",
    features: [...columns.features],
    featureUnit: columns.featureUnit,
    targets: [...columns.targets],
    targetUnit: columns.targetUnit,
    members: networks.map((network) => ({
      featureScaler: columns.featureScaler,
      targetScaler: columns.targetScaler,
      predictors: [network],
    })),
  };
}
