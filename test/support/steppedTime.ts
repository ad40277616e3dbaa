import type { DocumentStore } from '../../src/store/documentStore';

/**
 * A clock the test moves, for code that sleeps and talks to a store: time stands still while
 * any store call is on its way, and moves on to the earliest sleeper only once every call has
 * answered and the code has run on as far as it can. So a test sees exactly what would happen
 * at each instant, however slowly the machine answers, and never waits in real time.
 */
export interface SteppedTime {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** The store, each call of it counted while it is on its way. */
  track(store: DocumentStore): DocumentStore;
  /**
   * Runs until nothing is left sleeping (or `maxSteps` sleepers have been woken). `stallAt`: when
   * time first reaches it, the process is stalled for `stallMs` (as by a busy machine), so every
   * sleeper due meanwhile wakes late, all at once.
   */
  runAll(maxSteps?: number, stall?: { stallAt: number; stallMs: number }): Promise<void>;
}

export function steppedTime(start = 1_800_000_000_000): SteppedTime {
  let now = start;
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  const inFlight = new Set<Promise<void>>();

  const settle = async () => {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (inFlight.size === 0) return;
      await Promise.all([...inFlight]);
    }
  };

  const track = (store: DocumentStore): DocumentStore =>
    new Proxy(store, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (result instanceof Promise) {
            const done = result.then(
              () => undefined,
              () => undefined,
            );
            inFlight.add(done);
            void done.then(() => inFlight.delete(done));
          }
          return result;
        };
      },
    });

  return {
    now: () => now,
    sleep: (ms) => new Promise<void>((wake) => sleepers.push({ at: now + ms, wake })),
    track,
    async runAll(maxSteps = 100_000, stall) {
      let stalled = false;
      for (let step = 0; step < maxSteps; step += 1) {
        await settle();
        sleepers.sort((a, b) => a.at - b.at);
        const next = sleepers.shift();
        if (!next) return;
        now = Math.max(now, next.at);
        if (stall && !stalled && now >= stall.stallAt) {
          stalled = true;
          now += stall.stallMs;
        }
        next.wake();
      }
      throw new Error(`still sleeping after ${maxSteps} steps`);
    },
  };
}

/** The most of `times` (milliseconds) within any one-second window [t, t + 1000). */
export function busiestSecond(times: readonly number[]): number {
  return busiestWithin(times, 1000);
}

/** The most of `times` (milliseconds) within any window [t, t + spanMs). */
export function busiestWithin(times: readonly number[], spanMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while ((sorted[i] as number) - (sorted[j] as number) >= spanMs) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
