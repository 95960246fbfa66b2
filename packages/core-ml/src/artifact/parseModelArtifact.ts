import {
  MODEL_ARTIFACT_FORMAT,
  MODEL_ARTIFACT_VERSION,
  type ModelArtifact,
} from "./ModelArtifact.js";

const KINDS = ["LINEAR", "SINGLE_TASK", "MULTI_TASK"];

/**
 * Reads a model artifact from its JSON text (or the parsed value) and checks
 * the fields every prediction needs. Accepts versions 1 and 2: version 1 has
 * no domain, screening or training fields. Numbers round-trip exactly through
 * JSON, so a loaded artifact predicts exactly as the saved one.
 * @throws TypeError naming the first missing or malformed field.
 */
export function parseModelArtifact(input: string | unknown): ModelArtifact {
  const value: unknown = typeof input === "string" ? parseJson(input) : input;
  const root = asObject(value, "artifact");
  if (root.format !== MODEL_ARTIFACT_FORMAT) {
    throw new TypeError(
      `artifact.format must be "${MODEL_ARTIFACT_FORMAT}", got ${JSON.stringify(root.format)}`,
    );
  }

  if (root.version !== 1 && root.version !== 2) {
    throw new TypeError(
      `artifact.version must be 1 to ${MODEL_ARTIFACT_VERSION}, got ${JSON.stringify(root.version)}; a newer workbench wrote it`,
    );
  }

  if (typeof root.kind !== "string" || !KINDS.includes(root.kind)) {
    throw new TypeError(
      `artifact.kind must be one of ${KINDS.join(", ")}, got ${JSON.stringify(root.kind)}`,
    );
  }

  const features = asStrings(root.features, "artifact.features");
  const targets = asStrings(root.targets, "artifact.targets");
  if (!Array.isArray(root.members) || root.members.length === 0) {
    throw new TypeError("artifact.members must be a non-empty array of members");
  }

  root.members.forEach((member: unknown, index) => {
    const path = `artifact.members[${index}]`;
    const { featureScaler, targetScaler, predictors } = asObject(member, path);
    checkScaler(featureScaler, features.length, `${path}.featureScaler`);
    checkScaler(targetScaler, targets.length, `${path}.targetScaler`);
    if (!Array.isArray(predictors) || predictors.length === 0) {
      throw new TypeError(`${path}.predictors must be a non-empty array`);
    }
  });

  return root as unknown as ModelArtifact;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TypeError(`artifact is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function asObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${path} must be an object`);
  }

  return value as Record<string, unknown>;
}

function asStrings(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== "string")) {
    throw new TypeError(`${path} must be a non-empty array of column names`);
  }

  return value as string[];
}

function checkScaler(value: unknown, columns: number, path: string): void {
  const { mean, scale } = asObject(value, path);
  for (const [name, list] of [
    ["mean", mean],
    ["scale", scale],
  ] as const) {
    if (!Array.isArray(list) || list.length !== columns) {
      throw new TypeError(`${path}.${name} must hold ${columns} numbers, one per column`);
    }
  }
}
