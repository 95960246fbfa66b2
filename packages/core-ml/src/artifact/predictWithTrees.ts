import { createMatrix, type Matrix } from "../matrix/Matrix.js";
import type { RegressionTree, TreeEnsemblePredictor } from "./ModelArtifact.js";

/** Runs a tree ensemble on scaled inputs: one output column. */
export function predictWithTrees(predictor: TreeEnsemblePredictor, x: Matrix): Matrix {
  const { intercept, scale, trees } = predictor;
  const output = createMatrix(x.rows, 1);
  for (let i = 0; i < x.rows; i++) {
    const row = x.data.subarray(i * x.columns, (i + 1) * x.columns);
    let sum = 0;
    for (const tree of trees) {
      sum += evaluateTree(tree, row);
    }

    output.data[i] = intercept + scale * sum;
  }

  return output;
}

function evaluateTree(tree: RegressionTree, row: Float64Array): number {
  let node = 0;
  for (let feature = tree.feature[0] ?? -1; feature >= 0; feature = tree.feature[node] ?? -1) {
    const goesLeft = (row[feature] ?? NaN) < (tree.threshold[node] ?? NaN);
    node = (goesLeft ? tree.left[node] : tree.right[node]) ?? 0;
  }

  return tree.value[node] ?? NaN;
}
