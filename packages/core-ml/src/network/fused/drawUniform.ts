import { createAlea } from "./createAlea.js";

/**
 * Draws `count` values as `tf.randomUniform([count], minval, maxval, "float32", seed)`
 * of TensorFlow.js 4.22 does: Alea seeded with the seed's decimal text, then
 * `minval + (maxval - minval) * u` rounded to float32.
 */
export function drawUniform(
  count: number,
  minval: number,
  maxval: number,
  seed: number,
): Float64Array {
  const next = createAlea(seed.toString());
  const range = maxval - minval;
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    values[i] = Math.fround(minval + range * next());
  }

  return values;
}
