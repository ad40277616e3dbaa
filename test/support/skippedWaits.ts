/**
 * Time for code that paces itself with sleeps, where the test cares what is done and not when:
 * a sleep moves this clock on by its length and ends at once, so a 5 s pause costs the test
 * nothing. Between sleeps the clock runs with the real one.
 */
export function skippedWaits(): { now(): number; sleep(ms: number): Promise<void> } {
  let skipped = 0;
  return {
    now: () => Date.now() + skipped,
    sleep: async (ms) => {
      skipped += Math.max(0, ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
