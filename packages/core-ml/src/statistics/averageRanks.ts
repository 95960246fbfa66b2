/**
 * Returns the rank of each value, from 1, in the input's order. Tied values share the average of
 * the ranks they span (e.g. two values tied for ranks 2 and 3 both get 2.5), as Spearman's
 * correlation with ties requires.
 *
 * @throws RangeError when a value is not finite.
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i);
  for (const i of order) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(`values[${i}] must be finite to be ranked, got ${values[i]}`);
    }
  }

  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Float64Array(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) {
      end++;
    }

    // Positions start..end-1 hold ranks start+1..end, whose mean is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let position = start; position < end; position++) {
      ranks[order[position]!] = rank;
    }

    start = end;
  }

  return ranks;
}
