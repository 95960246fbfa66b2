import { Matrix as MlMatrix, SingularValueDecomposition } from "ml-matrix";

import type { LinearPredictor } from "../artifact/ModelArtifact.js";
import { matrixToRows, type Matrix } from "../matrix/Matrix.js";

/**
 * Fits multivariate linear regression with an intercept by least squares,
 * one output per target column. It solves through the singular value
 * decomposition, so a rank-deficient design (fewer rows than features, or
 * collinear features) gives the minimum-norm solution instead of failing.
 */
export function fitLinearRegression(x: Matrix, y: Matrix): LinearPredictor {
  if (x.rows !== y.rows) {
    throw new RangeError(`x and y must have the same rows, got ${x.rows} and ${y.rows}`);
  }

  const design = new MlMatrix(matrixToRows(x).map((row) => [1, ...row]));
  const svd = new SingularValueDecomposition(design, { autoTranspose: true });
  const coefficients = svd.solve(new MlMatrix(matrixToRows(y))).to2DArray();
  const [bias = [], ...kernel] = coefficients;

  return { type: "linear", dense: { kernel, bias } };
}
