import { createMatrix, type Matrix } from "../matrix/Matrix.js";
import type { SvrPredictor } from "./ModelArtifact.js";

/** Runs an SVR predictor on scaled inputs: one output column. */
export function predictWithSvr(predictor: SvrPredictor, x: Matrix): Matrix {
  const { supportVectors, coefficients, intercept } = predictor;
  const output = createMatrix(x.rows, 1);
  for (let i = 0; i < x.rows; i++) {
    const row = x.data.subarray(i * x.columns, (i + 1) * x.columns);
    let sum = intercept;
    supportVectors.forEach((vector, s) => {
      sum += (coefficients[s] ?? 0) * svrKernel(predictor, vector, row);
    });
    output.data[i] = sum;
  }

  return output;
}

/** Computes the kernel of an SVR predictor between two rows, as libsvm defines it. */
export function svrKernel(
  { kernel, gamma }: Pick<SvrPredictor, "kernel" | "gamma">,
  u: ArrayLike<number>,
  v: ArrayLike<number>,
): number {
  let sum = 0;
  for (let k = 0; k < u.length; k++) {
    const a = u[k] ?? 0;
    const b = v[k] ?? 0;
    sum += kernel === "RBF" ? (a - b) ** 2 : a * b;
  }

  return kernel === "RBF" ? Math.exp(-gamma * sum) : sum;
}
