/**
 * Checks that a content is a finite number of zero or more.
 * @throws RangeError starting with `name` and quoting the value.
 */
export function assertContent(value: number, name: string): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be a finite number of zero or more, got ${value}`);
  }
}
