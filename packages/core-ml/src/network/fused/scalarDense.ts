/**
 * Dense-layer loops of NetworkTrainer on row-major float64 buffers. `p` is the
 * parameter vector and `kernel`, `bias` are offsets in it. Reads use `!`
 * because every index is in bounds by construction of the layout and buffers.
 */

/**
 * z[b][u] = bias[u] + sum_k input[b][k] kernel[k][u], summed in k order. Four
 * units at a time share each input load and keep four independent sums, so an
 * add need not wait for the previous add of the same sum.
 */
export function denseForward(
  p: Float64Array,
  kernel: number,
  bias: number,
  input: Float64Array,
  fanIn: number,
  z: Float64Array,
  units: number,
  count: number,
): void {
  for (let b = 0; b < count; b++) {
    const inputRow = b * fanIn;
    const zRow = b * units;
    let u = 0;
    for (; u + 4 <= units; u += 4) {
      let sum0 = p[bias + u]!;
      let sum1 = p[bias + u + 1]!;
      let sum2 = p[bias + u + 2]!;
      let sum3 = p[bias + u + 3]!;
      let w = kernel + u;
      for (let k = 0; k < fanIn; k++) {
        const a = input[inputRow + k]!;
        sum0 += a * p[w]!;
        sum1 += a * p[w + 1]!;
        sum2 += a * p[w + 2]!;
        sum3 += a * p[w + 3]!;
        w += units;
      }

      z[zRow + u] = sum0;
      z[zRow + u + 1] = sum1;
      z[zRow + u + 2] = sum2;
      z[zRow + u + 3] = sum3;
    }

    for (; u < units; u++) {
      let sum = p[bias + u]!;
      let w = kernel + u;
      for (let k = 0; k < fanIn; k++) {
        sum += input[inputRow + k]! * p[w]!;
        w += units;
      }

      z[zRow + u] = sum;
    }
  }
}

/** gradient[k][u] = sum_b input[b][k] delta[b][u], summed in b order, four units at a time. */
export function denseKernelGradient(
  g: Float64Array,
  kernel: number,
  input: Float64Array,
  fanIn: number,
  delta: Float64Array,
  units: number,
  count: number,
): void {
  for (let k = 0; k < fanIn; k++) {
    const gradientRow = kernel + k * units;
    let u = 0;
    for (; u + 4 <= units; u += 4) {
      let sum0 = 0;
      let sum1 = 0;
      let sum2 = 0;
      let sum3 = 0;
      let i = k;
      let d = u;
      for (let b = 0; b < count; b++) {
        const a = input[i]!;
        sum0 += a * delta[d]!;
        sum1 += a * delta[d + 1]!;
        sum2 += a * delta[d + 2]!;
        sum3 += a * delta[d + 3]!;
        i += fanIn;
        d += units;
      }

      g[gradientRow + u] = sum0;
      g[gradientRow + u + 1] = sum1;
      g[gradientRow + u + 2] = sum2;
      g[gradientRow + u + 3] = sum3;
    }

    for (; u < units; u++) {
      let sum = 0;
      let i = k;
      let d = u;
      for (let b = 0; b < count; b++) {
        sum += input[i]! * delta[d]!;
        i += fanIn;
        d += units;
      }

      g[gradientRow + u] = sum;
    }
  }
}

/** inputGradient[b][k] = sum_u delta[b][u] kernel[k][u], summed in u order, four inputs at a time. */
export function denseInputGradient(
  p: Float64Array,
  kernel: number,
  delta: Float64Array,
  units: number,
  inputGradient: Float64Array,
  fanIn: number,
  count: number,
): void {
  for (let b = 0; b < count; b++) {
    const deltaRow = b * units;
    const gradientRow = b * fanIn;
    let k = 0;
    for (; k + 4 <= fanIn; k += 4) {
      let sum0 = 0;
      let sum1 = 0;
      let sum2 = 0;
      let sum3 = 0;
      const w = kernel + k * units;
      for (let u = 0; u < units; u++) {
        const d = delta[deltaRow + u]!;
        sum0 += d * p[w + u]!;
        sum1 += d * p[w + units + u]!;
        sum2 += d * p[w + 2 * units + u]!;
        sum3 += d * p[w + 3 * units + u]!;
      }

      inputGradient[gradientRow + k] = sum0;
      inputGradient[gradientRow + k + 1] = sum1;
      inputGradient[gradientRow + k + 2] = sum2;
      inputGradient[gradientRow + k + 3] = sum3;
    }

    for (; k < fanIn; k++) {
      let sum = 0;
      const w = kernel + k * units;
      for (let u = 0; u < units; u++) {
        sum += delta[deltaRow + u]! * p[w + u]!;
      }

      inputGradient[gradientRow + k] = sum;
    }
  }
}
