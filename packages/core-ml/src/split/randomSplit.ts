import { type Random, shuffle } from "../random/createRandom.js";
import { sortedSplit, type Split, testSize } from "./Split.js";

export interface RandomSplitOptions {
  /**
   * Share of the rows that goes to the test set.
   * @default 0.2
   */
  testFraction?: number;
}

/** Draws round(count * testFraction) test rows uniformly at random. */
export function randomSplit(
  count: number,
  random: Random,
  options: RandomSplitOptions = {},
): Split {
  const { testFraction = 0.2 } = options;

  const size = testSize(count, testFraction);
  const order = shuffle(
    Array.from({ length: count }, (_, i) => i),
    random,
  );

  return sortedSplit(count, order.slice(0, size));
}
