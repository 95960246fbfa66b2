import type { BaselineKind, Predictor } from "../artifact/ModelArtifact.js";
import { getColumn, type Matrix } from "../matrix/Matrix.js";
import { fitGradientBoosting } from "../models/fitGradientBoosting.js";
import { fitRandomForest } from "../models/fitRandomForest.js";
import { fitSupportVectorRegression } from "../models/fitSupportVectorRegression.js";
import type { BaselineConfig } from "./BaselineConfig.js";

/**
 * Fits one baseline model per target column of `y`, as the study's supplement compares
 * single-task baselines; the j-th target's model takes seed + j.
 */
export function fitBaseline(
  kind: BaselineKind,
  x: Matrix,
  y: Matrix,
  config: BaselineConfig,
  seed: number,
): Predictor[] {
  return Array.from({ length: y.columns }, (_, j): Predictor => {
    const target = getColumn(y, j);
    switch (kind) {
      case "RANDOM_FOREST":
        return fitRandomForest(x, target, { ...config.randomForest, seed: seed + j });
      case "GRADIENT_BOOSTING":
        return fitGradientBoosting(x, target, { ...config.gradientBoosting, seed: seed + j });
      case "SVR":
        return fitSupportVectorRegression(x, target, config.svr);
    }
  });
}
