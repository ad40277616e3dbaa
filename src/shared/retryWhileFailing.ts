export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work`, and while it rejects, waits each of `delays` in turn and runs it again; rejects
 * with the last failure once the delays are spent. For a write that follows something done
 * outside (a message sent, a card updated) and so must not be given up on at the first failure.
 */
export async function retryWhileFailing<T>(
  work: () => Promise<T>,
  delays: readonly number[],
  sleep: Sleep = realSleep,
): Promise<T> {
  for (const delay of delays) {
    try {
      return await work();
    } catch {
      await sleep(delay);
    }
  }
  return work();
}
