import type { ModelArtifact } from "./ModelArtifact.js";

/**
 * Writes the artifact as JSON text, the form it is stored and exchanged in. JSON
 * writes each float64 with the shortest digits that read back to the same
 * value, so parseModelArtifact restores every weight exactly.
 */
export function serializeModelArtifact(artifact: ModelArtifact): string {
  return JSON.stringify(artifact);
}
