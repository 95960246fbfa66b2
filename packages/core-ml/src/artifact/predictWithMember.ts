import { createMatrix, type Matrix } from "../matrix/Matrix.js";
import { scaleMatrix, unscaleMatrix } from "../preprocessing/standardScaler.js";
import type { ModelMember } from "./ModelArtifact.js";
import { predictWithPredictor } from "./predictWithPredictor.js";

/** Predicts targets in their own units from raw feature rows. */
export function predictWithMember(member: ModelMember, x: Matrix): Matrix {
  const scaled = scaleMatrix(x, member.featureScaler);
  const outputs = member.predictors.map((predictor) => predictWithPredictor(predictor, scaled));
  const columns = outputs.reduce((sum, output) => sum + output.columns, 0);
  const joined = createMatrix(x.rows, columns);
  let offset = 0;
  for (const output of outputs) {
    for (let i = 0; i < x.rows; i++) {
      for (let j = 0; j < output.columns; j++) {
        joined.data[i * columns + offset + j] = output.data[i * output.columns + j] ?? NaN;
      }
    }

    offset += output.columns;
  }

  return unscaleMatrix(joined, member.targetScaler);
}
