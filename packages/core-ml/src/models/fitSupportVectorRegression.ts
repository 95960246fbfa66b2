import SVM from "libsvm-js/asm.js";

import type { SvrPredictor } from "../artifact/ModelArtifact.js";
import { svrKernel } from "../artifact/predictWithSvr.js";
import type { SvrConfig } from "../evaluation/BaselineConfig.js";
import { matrixToRows, type Matrix } from "../matrix/Matrix.js";

/**
 * Fits epsilon-SVR to one target with libsvm, the solver that scikit-learn's SVR wraps.
 * libsvm-js compiles libsvm to asm.js, which loads synchronously, and to WebAssembly,
 * which loads behind a promise, so this uses the asm.js build.
 * @see https://scikit-learn.org/0.23/modules/generated/sklearn.svm.SVR.html
 */
export function fitSupportVectorRegression(
  x: Matrix,
  y: ArrayLike<number>,
  options: SvrConfig,
): SvrPredictor {
  const { kernel, cost, epsilon, tolerance } = options;
  const gamma = options.gamma ?? scaleGamma(x);
  const rows = matrixToRows(x);
  const svm = new SVM({
    type: SVM.SVM_TYPES.EPSILON_SVR,
    kernel: kernel === "RBF" ? SVM.KERNEL_TYPES.RBF : SVM.KERNEL_TYPES.LINEAR,
    gamma,
    cost,
    epsilon,
    tolerance,
    quiet: true,
  });
  try {
    svm.train(rows, Array.from(y));
    const supportVectors = svm.getSVIndices().map((i) => rows[i] ?? []);
    const coefficients = readCoefficients(svm.serializeModel());
    if (coefficients.length !== supportVectors.length) {
      throw new Error(
        `libsvm listed ${supportVectors.length} support vectors but ${coefficients.length} coefficients`,
      );
    }

    // libsvm's model text rounds the intercept (-rho) to 6 digits, so it is recovered
    // from libsvm's own prediction of the first row instead.
    const first = rows[0] ?? [];
    const sum = supportVectors.reduce(
      (total, vector, s) =>
        total + (coefficients[s] ?? 0) * svrKernel({ kernel, gamma }, vector, first),
      0,
    );

    return {
      type: "svr",
      kernel,
      gamma,
      supportVectors,
      coefficients,
      intercept: svm.predictOne(first) - sum,
    };
  } finally {
    svm.free();
  }
}

/** scikit-learn's gamma="scale": 1 / (features x variance of all values), 1 when that is 0. */
function scaleGamma(x: Matrix): number {
  const count = x.data.length;
  const mean = x.data.reduce((sum, value) => sum + value, 0) / count;
  const variance = x.data.reduce((sum, value) => sum + (value - mean) ** 2, 0) / count;

  return variance > 0 ? 1 / (x.columns * variance) : 1;
}

/** Reads the dual coefficients, the first number of each line after "SV" in libsvm's model text. */
function readCoefficients(model: string): number[] {
  const [, vectors = ""] = model.split(/\nSV\n/);

  return vectors
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => Number(line.trim().split(" ")[0]));
}
