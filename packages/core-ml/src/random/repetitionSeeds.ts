import { createRandom } from "./createRandom.js";

/**
 * The seed of each repetition index: the index-th seed drawn from a generator
 * seeded with `seed`. A repetition's seed depends on the run's seed and its
 * index only, so repetitions run in any grouping or order train the same.
 */
export function repetitionSeeds(seed: number, indices: readonly number[]): number[] {
  const bad = indices.find((index) => !Number.isInteger(index) || index < 0);
  if (bad !== undefined) {
    throw new RangeError(`repetition indices must be integers from 0, got ${bad}`);
  }

  const master = createRandom(seed);
  const seeds = Array.from({ length: Math.max(0, ...indices) + 1 }, () => master.nextSeed());

  return indices.map((index) => seeds[index] ?? 0);
}
