import {
  MODEL_ARTIFACT_FORMAT,
  MODEL_ARTIFACT_VERSION,
  type ModelArtifact,
  type NetworkPredictor,
} from "../artifact/ModelArtifact.js";
import type { Matrix } from "../matrix/Matrix.js";
import { domainFromScaler } from "../artifact/domainFromScaler.js";
import type { TorchColumns } from "./readTorchColumns.js";

/** Training rows behind the study's scalers: its full US set. */
const STUDY_TRAINING_ROWS = 99;

/** Total REE threshold of the study's screening: the median of its 99 US ashes, in ppm molar. */
const STUDY_SCREENING_THRESHOLD = 157;
const STUDY_TOTAL_TARGET = "REE_total_ppm_mol";

/**
 * Builds a MULTI_TASK artifact with one member per network. Every member gets
 * the export's one pair of scalers (the same objects), because the study
 * trained all its networks on data scaled with the same statistics. The
 * training rows are not published, so the domain comes from the feature
 * scaler's mean and sd (see domainFromScaler).
 */
export function createTorchArtifact(
  columns: TorchColumns,
  networks: NetworkPredictor[],
  knownTrainingRows?: Matrix,
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
    domain: domainFromScaler(columns.featureScaler, STUDY_TRAINING_ROWS, {
      knownRows: knownTrainingRows,
    }),
    ...(columns.targets.includes(STUDY_TOTAL_TARGET) && {
      screening: { target: STUDY_TOTAL_TARGET, threshold: STUDY_SCREENING_THRESHOLD },
    }),
  };
}
