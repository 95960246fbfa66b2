/** Row indices of the training and test sets, each in ascending order. */
export interface Split {
  train: number[];
  test: number[];
}

/** Number of test rows for `count` rows: round(count * testFraction), at least 1 of each set. */
export function testSize(count: number, testFraction: number): number {
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new RangeError(`testFraction must be between 0 and 1 (exclusive), got ${testFraction}`);
  }

  if (!Number.isInteger(count) || count < 2) {
    throw new RangeError(`a split needs at least 2 rows, got ${count}`);
  }

  return Math.min(count - 1, Math.max(1, Math.round(count * testFraction)));
}

export function sortedSplit(count: number, test: Iterable<number>): Split {
  const isTest = new Uint8Array(count);
  for (const index of test) {
    isTest[index] = 1;
  }

  const split: Split = { train: [], test: [] };
  isTest.forEach((flag, index) => (flag ? split.test : split.train).push(index));

  return split;
}
