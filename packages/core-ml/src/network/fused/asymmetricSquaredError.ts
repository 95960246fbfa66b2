import type { AsymmetricLoss } from "../NetworkEngine.js";

/**
 * Computes the asymmetric loss of one model's batch. NetworkTrainer and
 * NetworkGroupTrainer share it so that both perform the same float64 operations.
 * Entry (b, o) of the batch sits at `(b * units + o) * stride + lane` in
 * `predictions` and `targets`, and weight o at `o * stride + lane`.
 *
 * Row b's loss is l_b = sum_o w_o (p_bo - y_bo)^2, replaced by l_b^2 when
 * output `loss.output` lies on the penalised side of the truth; the batch loss
 * is the mean over rows. So dLoss/dp_bo = 2 w_o (p_bo - y_bo) / count, times
 * 2 l_b on a penalised row. A row exactly on the truth is not penalised.
 *
 * Replaces the predictions by dLoss/dPrediction and returns the batch loss.
 */
export function asymmetricSquaredError(
  predictions: Float64Array,
  targets: Float64Array,
  weights: Float64Array,
  units: number,
  count: number,
  stride: number,
  lane: number,
  loss: AsymmetricLoss,
): number {
  const sign = loss.side === "OVER" ? 1 : -1;
  let sum = 0;
  for (let b = 0; b < count; b++) {
    const row = b * units;
    let rowLoss = 0;
    for (let o = 0; o < units; o++) {
      const i = (row + o) * stride + lane;
      const error = predictions[i]! - targets[i]!;
      rowLoss += weights[o * stride + lane]! * error * error;
    }

    const decisive = (row + loss.output) * stride + lane;
    const penalised = sign * (predictions[decisive]! - targets[decisive]!) > 0;
    sum += penalised ? rowLoss * rowLoss : rowLoss;
    const scale = ((penalised ? 2 * rowLoss : 1) * 2) / count;
    for (let o = 0; o < units; o++) {
      const i = (row + o) * stride + lane;
      predictions[i] = scale * weights[o * stride + lane]! * (predictions[i]! - targets[i]!);
    }
  }

  return sum / count;
}
