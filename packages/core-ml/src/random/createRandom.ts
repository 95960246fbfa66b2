/** A seeded source of uniform numbers in [0, 1). */
export interface Random {
  next(): number;
  /** An integer in [0, maxExclusive). */
  nextInt(maxExclusive: number): number;
  /** A 31-bit seed for a child generator, such as a TensorFlow.js initializer. */
  nextSeed(): number;
}

/**
 * Creates a mulberry32 generator: 32-bit state, period 2^32, fast and good enough
 * for shuffles and splits (not for cryptography).
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) {
    throw new TypeError(`seed must be an integer, got ${seed}`);
  }

  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  return {
    next,
    nextInt: (maxExclusive) => Math.floor(next() * maxExclusive),
    nextSeed: () => Math.floor(next() * 0x7fffffff),
  };
}

/** Shuffles a copy of `items` with the Fisher-Yates algorithm. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }

  return shuffled;
}
