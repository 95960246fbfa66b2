import type { ModelArtifact } from "../artifact/ModelArtifact.js";
import { createTorchArtifact } from "./createTorchArtifact.js";
import { fieldPath, readField, readNonEmptyArray, readObject } from "./jsonFields.js";
import { readTorchColumns } from "./readTorchColumns.js";
import { readTorchNetwork } from "./readTorchNetwork.js";
import { resolveDefaultEpsilon } from "./resolveDefaultEpsilon.js";
import type { TorchImportOptions } from "./TorchImportOptions.js";

/**
 * Converts an ensemble of PyTorch multi-task networks, exported as JSON, to a
 * MULTI_TASK model artifact with one member per network. The document root
 * holds:
 *
 * - `features`: oxide names such as "Al2O3", mapped to `<oxide>_mol_pct`.
 *   `feature_unit` must be "mol %".
 * - `targets`: "REE_total" and REE oxide species such as "CeO2" or "EuO",
 *   mapped to `REE_total_ppm_mol` and `<oxide>_ppm_mol` in the file's order.
 *   `target_unit` must be "ppm by moles (oxide species)".
 * - `feature_scaler` and `target_scaler`: `{ kind: "standard", mean, scale }`,
 *   one pair that every member gets.
 * - `members`: objects with a `layers` list, described at readTorchNetwork.
 *
 * Other fields are ignored. The function does no I/O, so callers parse the file.
 * @throws PretrainedModelError naming the field path of the first problem,
 *   e.g. `members[3].layers[1].running_var`.
 */
export function importTorchEnsemble(
  json: unknown,
  options: TorchImportOptions = {},
): ModelArtifact {
  const defaultEpsilon = resolveDefaultEpsilon(options);
  const root = readObject(json, "");
  const columns = readTorchColumns(root);
  const shape = {
    inputs: columns.features.length,
    outputs: columns.targets.length,
    defaultEpsilon,
  };
  const members = readNonEmptyArray(readField(root, "members", ""), "members", "members");
  const networks = members.map((value, index) => {
    const path = fieldPath("members", index);
    const member = readObject(value, path);

    return readTorchNetwork(readField(member, "layers", path), fieldPath(path, "layers"), shape);
  });

  return createTorchArtifact(columns, networks, options.knownTrainingRows);
}
