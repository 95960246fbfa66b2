/** Calls `read` every 100 ms until `done` accepts its value; fails after `timeoutMs`. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) {
      return value;
    }

    if (Date.now() > deadline) {
      throw new Error(`${what} within ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    }

    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
