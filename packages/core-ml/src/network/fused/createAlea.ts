/**
 * Creates Johannes Baagøe's Alea generator as the seedrandom package (3.0.5,
 * lib/alea.js, MIT licence) implements it. TensorFlow.js draws seeded random
 * tensors from it, so the fused engine reproduces TensorFlow.js initial weights
 * bit for bit.
 * @param seed Any text; TensorFlow.js passes the seed number's `toString()`.
 * @returns A function that returns the next uniform number in [0, 1).
 */
export function createAlea(seed: string): () => number {
  const mash = createMash();
  let c = 1;
  let s0 = mash(" ");
  let s1 = mash(" ");
  let s2 = mash(" ");
  s0 -= mash(seed);
  if (s0 < 0) {
    s0 += 1;
  }

  s1 -= mash(seed);
  if (s1 < 0) {
    s1 += 1;
  }

  s2 -= mash(seed);
  if (s2 < 0) {
    s2 += 1;
  }

  return () => {
    // 2.3283064365386963e-10 is 2^-32.
    const t = 2091639 * s0 + c * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;

    return s2;
  };
}

function createMash(): (data: string) => number {
  let n = 0xefc8249d;

  return (data) => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }

    return (n >>> 0) * 2.3283064365386963e-10;
  };
}
