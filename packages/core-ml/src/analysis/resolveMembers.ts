import type { ModelArtifact } from "../artifact/ModelArtifact.js";
import { predictWithMember } from "../artifact/predictWithMember.js";
import type { Matrix } from "../matrix/Matrix.js";
import { formatValue } from "./assertions.js";
import type { AnalysedModel, PredictFunction } from "./PredictFunction.js";

/**
 * Lists the prediction functions behind a model: the function itself, or one per member of
 * an ensemble, after checking that the ensemble takes the `featureCount` columns of the
 * argument named `argumentName`.
 */
export function resolveMembers(
  model: AnalysedModel,
  featureCount: number,
  argumentName: string,
): PredictFunction[] {
  if (typeof model === "function") {
    return [model];
  }

  if (!isArtifact(model)) {
    throw new TypeError(
      `model must be a prediction function or a ModelArtifact, got ${formatValue(model)}`,
    );
  }

  if (model.features.length !== featureCount) {
    throw new RangeError(
      `${argumentName} must have the model's ${model.features.length} feature columns ` +
        `(${model.features.join(", ")}), got ${featureCount}`,
    );
  }

  if (model.members.length === 0) {
    throw new RangeError("model must have at least one member, got none");
  }

  return model.members.map((member) => (x: Matrix) => predictWithMember(member, x));
}

function isArtifact(model: unknown): model is ModelArtifact {
  return (
    typeof model === "object" &&
    model !== null &&
    Array.isArray((model as ModelArtifact).members) &&
    Array.isArray((model as ModelArtifact).features)
  );
}
