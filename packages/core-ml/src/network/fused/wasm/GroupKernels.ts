/**
 * WebAssembly SIMD kernels of NetworkGroupTrainer. Every array is
 * struct-of-arrays in one linear memory: entry i of lane (model) m sits at byte
 * `base + (i * lanes + m) * 8`, with `lanes` even, so each f64x2 operation
 * works on two models at once. Arguments named after arrays are byte
 * addresses; `count` is the batch size and `lanes` the number of lanes.
 *
 * Each kernel performs, per lane, the same IEEE float64 operations in the same
 * order as the scalar code of NetworkTrainer (WebAssembly neither fuses
 * multiply-adds nor reorders them), so both trainers give identical weights.
 */
export interface GroupKernels {
  /** z[b][u] = bias[u] + sum_k input[b][k] kernel[k][u], summed in k order. */
  denseForward(
    kernel: number,
    bias: number,
    input: number,
    fanIn: number,
    z: number,
    units: number,
    count: number,
    lanes: number,
  ): void;
  /** gradient[k][u] = sum_b input[b][k] delta[b][u], summed in b order. */
  denseKernelGradient(
    gradient: number,
    input: number,
    fanIn: number,
    delta: number,
    units: number,
    count: number,
    lanes: number,
  ): void;
  /** inputGradient[b][k] = sum_u delta[b][u] kernel[k][u], summed in u order. */
  denseInputGradient(
    kernel: number,
    delta: number,
    units: number,
    inputGradient: number,
    fanIn: number,
    count: number,
    lanes: number,
  ): void;
  /** gradient[u] = sum_b delta[b][u], summed in b order. */
  biasGradient(delta: number, units: number, count: number, gradient: number, lanes: number): void;
  /**
   * Normalises z in place to x-hat with the batch mean and biased variance,
   * writes ReLU(gamma x-hat + beta) to `output` and 1 / sqrt(variance + epsilon)
   * to `inverseStd`. Then moves the moving mean by `decay` towards the batch
   * mean, and the moving variance towards `varianceFactor` x the batch variance.
   */
  batchNormForward(
    z: number,
    output: number,
    units: number,
    count: number,
    gamma: number,
    beta: number,
    inverseStd: number,
    movingMean: number,
    movingVariance: number,
    lanes: number,
    epsilon: number,
    decay: number,
    varianceFactor: number,
  ): void;
  /**
   * Turns `delta` from the gradient of the ReLU output into that of the
   * pre-activation, and writes the gamma and beta gradients.
   */
  batchNormBackward(
    output: number,
    normalized: number,
    delta: number,
    units: number,
    count: number,
    gamma: number,
    inverseStd: number,
    gammaGradient: number,
    betaGradient: number,
    lanes: number,
  ): void;
  /**
   * Replaces predictions by dLoss/dPrediction = gradientScale w (p - y) and
   * writes each lane's weighted MSE sum_o w_o mean_b (p - y)^2 to `losses`.
   */
  weightedSquaredError(
    predictions: number,
    targets: number,
    lossWeights: number,
    units: number,
    count: number,
    losses: number,
    lanes: number,
    gradientScale: number,
  ): void;
  /**
   * Applies one Adam step with the L2 gradient weightDecay x w to `rows`
   * parameters per lane, and writes each lane's penalty weightDecay / 2 x
   * sum(w^2), of the weights before the step, to `penalties`.
   */
  adam(
    parameters: number,
    gradients: number,
    firstMoment: number,
    secondMoment: number,
    rows: number,
    learningRates: number,
    weightDecays: number,
    penalties: number,
    lanes: number,
    beta1: number,
    beta2: number,
    epsilon: number,
    correction1: number,
    correction2: number,
  ): void;
}
