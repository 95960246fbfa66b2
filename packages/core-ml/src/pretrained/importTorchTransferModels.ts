import type { ModelArtifact } from "../artifact/ModelArtifact.js";
import { createTorchArtifact } from "./createTorchArtifact.js";
import { fieldPath, readField, readObject } from "./jsonFields.js";
import { PretrainedModelError } from "./PretrainedModelError.js";
import { readTorchColumns } from "./readTorchColumns.js";
import { readTorchNetwork } from "./readTorchNetwork.js";
import { resolveDefaultEpsilon } from "./resolveDefaultEpsilon.js";
import type { TorchImportOptions } from "./TorchImportOptions.js";

/** One named model of a multi-model export. */
export interface PretrainedModel {
  /** The key of the model in the file's `models` object, e.g. "transferred model". */
  name: string;
  /** A one-member MULTI_TASK artifact. */
  artifact: ModelArtifact;
}

/**
 * Converts separately trained PyTorch multi-task networks, exported as JSON
 * (the study's transfer-learning models), to one single-member artifact each,
 * in the file's order. The document root has the same `features`, `targets`,
 * units and scalers as the ensemble export (see importTorchEnsemble), shared by
 * all models, and `models`: an object from model name to `{ model: { layers } }`.
 * Other fields of an entry, such as stored predictions, are ignored. The
 * function does no I/O.
 * @throws PretrainedModelError naming the field path of the first problem,
 *   e.g. `models["transferred model"].model.layers[6].bias`.
 */
export function importTorchTransferModels(
  json: unknown,
  options: TorchImportOptions = {},
): PretrainedModel[] {
  const defaultEpsilon = resolveDefaultEpsilon(options);
  const root = readObject(json, "");
  const columns = readTorchColumns(root);
  const shape = {
    inputs: columns.features.length,
    outputs: columns.targets.length,
    defaultEpsilon,
  };
  const models = readObject(readField(root, "models", ""), "models");
  const names = Object.keys(models);
  if (names.length === 0) {
    throw new PretrainedModelError("models", "expected at least one model, got an empty object");
  }

  return names.map((name) => {
    const path = fieldPath("models", name);
    const entry = readObject(models[name], path);
    const modelPath = fieldPath(path, "model");
    const model = readObject(readField(entry, "model", path), modelPath);
    const network = readTorchNetwork(
      readField(model, "layers", modelPath),
      fieldPath(modelPath, "layers"),
      shape,
    );

    return { name, artifact: createTorchArtifact(columns, [network], options.knownTrainingRows) };
  });
}
