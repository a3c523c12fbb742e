export interface EventuallyOptions {
  pollMs?: number;
  /** Gives up and rethrows the last failure, so a hung test reports why instead of timing out. */
  giveUpAfterMs?: number;
}

/** Polls an assertion until it passes, then returns its result. */
export async function eventually<T>(
  check: () => Promise<T> | T,
  { pollMs = 50, giveUpAfterMs = 60_000 }: EventuallyOptions = {},
): Promise<T> {
  const giveUpAt = Date.now() + giveUpAfterMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}
