import type { NetworkPredictor } from "../artifact/ModelArtifact.js";
import { predictWithPredictor } from "../artifact/predictWithPredictor.js";
import type { Matrix } from "../matrix/Matrix.js";

/**
 * Runs the first `blocks` hidden blocks of a network on scaled inputs in
 * inference mode (batch norm with its moving statistics) and returns their
 * ReLU outputs, rows x units of block `blocks`. With `blocks` 0 it returns `x`.
 */
export function frozenActivations(predictor: NetworkPredictor, blocks: number, x: Matrix): Matrix {
  const last = predictor.hidden[blocks - 1];
  if (last === undefined) {
    return x;
  }

  const units = last.dense.bias.length;
  const identity = {
    kernel: Array.from({ length: units }, (_, i) =>
      Array.from({ length: units }, (_, j) => (i === j ? 1 : 0)),
    ),
    bias: new Array<number>(units).fill(0),
  };

  return predictWithPredictor(
    { type: "network", hidden: predictor.hidden.slice(0, blocks), output: identity },
    x,
  );
}
