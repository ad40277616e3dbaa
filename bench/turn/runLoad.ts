import { performance } from 'node:perf_hooks';
import { describeLatency, round, type Latency } from '../support/stats';

export interface LoadResult extends Latency {
  concurrency: number;
  seconds: number;
  turnsPerSecond: number;
  errors: number;
}

/**
 * Closed-loop load: `concurrency` conversations, each sending its next turn as soon as the last
 * was answered, for `durationMs` (or until `maxTurns` in all). `turn(conversation, n)` sends the
 * n-th turn of one conversation and resolves true when the answer was the expected one.
 */
export async function runLoad(
  concurrency: number,
  durationMs: number,
  maxTurns: number,
  turn: (conversation: number, n: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  const begin = performance.now();
  const deadline = begin + durationMs;
  const conversation = async (index: number) => {
    for (let n = 0; performance.now() < deadline && started < maxTurns; n += 1) {
      started += 1;
      const sent = performance.now();
      const ok = await turn(index, n).catch(() => false);
      latencies.push(performance.now() - sent);
      if (!ok) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => conversation(index)));
  const seconds = (performance.now() - begin) / 1000;
  return {
    concurrency,
    seconds: round(seconds, 2),
    turnsPerSecond: round(latencies.length / seconds, 1),
    errors,
    ...describeLatency(latencies),
  };
}
