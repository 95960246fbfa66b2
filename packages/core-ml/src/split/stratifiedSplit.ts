import { type Random, shuffle } from "../random/createRandom.js";
import { sortedSplit, type Split, testSize } from "./Split.js";

export interface StratifiedSplitOptions {
  /**
   * Share of the rows that goes to the test set.
   * @default 0.2
   */
  testFraction?: number;
  /**
   * Number of strata of equal count (sizes differ by at most one).
   * @default 5
   */
  strata?: number;
}

/**
 * Splits rows so that each set covers the whole range of `values`: rows are
 * sorted by value, cut into strata of equal count, and every stratum gives
 * test rows in proportion to its size.
 *
 * The test set always has round(count * testFraction) rows. When the shares
 * are fractional (10 rows, 5 strata of 2 and 20 % test gives 0.4 row per
 * stratum), each stratum first gives the whole part of its share. The
 * remaining rows go to the strata with the largest fractional parts, with ties
 * broken at random. A stratum smaller than 1 / testFraction rows may thus
 * give no test row.
 */
export function stratifiedSplit(
  values: ArrayLike<number>,
  random: Random,
  options: StratifiedSplitOptions = {},
): Split {
  const { testFraction = 0.2, strata = 5 } = options;
  if (!Number.isInteger(strata) || strata < 1) {
    throw new RangeError(`strata must be a positive integer, got ${strata}`);
  }

  const count = values.length;
  const size = testSize(count, testFraction);
  const groups = cutStrata(values, strata);
  const quotas = allocateQuotas(
    groups.map((group) => group.length),
    size,
    random,
  );

  const test = groups.flatMap((group, s) => shuffle(group, random).slice(0, quotas[s]));

  return sortedSplit(count, test);
}

function cutStrata(values: ArrayLike<number>, strata: number): number[][] {
  const order = Array.from({ length: values.length }, (_, i) => i).sort(
    (a, b) => (values[a] ?? 0) - (values[b] ?? 0) || a - b,
  );

  return Array.from({ length: strata }, (_, s) =>
    order.slice(
      Math.floor((s * order.length) / strata),
      Math.floor(((s + 1) * order.length) / strata),
    ),
  );
}

/** Largest-remainder (Hamilton) apportionment of `total` rows over the strata. */
function allocateQuotas(sizes: number[], total: number, random: Random): number[] {
  const count = sizes.reduce((sum, size) => sum + size, 0);
  const shares = sizes.map((size) => (total * size) / count);
  const quotas = shares.map(Math.floor);
  let remaining = total - quotas.reduce((sum, quota) => sum + quota, 0);

  const byRemainder = shuffle(
    shares.map((share, s) => ({ s, remainder: share - Math.floor(share) })),
    random,
  ).sort((a, b) => b.remainder - a.remainder);
  for (const { s } of byRemainder) {
    if (remaining === 0) {
      break;
    }

    if ((quotas[s] ?? 0) < (sizes[s] ?? 0)) {
      quotas[s] = (quotas[s] ?? 0) + 1;
      remaining--;
    }
  }

  return quotas;
}
