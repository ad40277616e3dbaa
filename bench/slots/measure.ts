import { performance } from 'node:perf_hooks';

export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * Runs `sample(i)` until `maxRuns` runs or `budgetMs` has passed (at least one run), timing each
 * in milliseconds.
 */
export async function measure(
  maxRuns: number,
  budgetMs: number,
  sample: (run: number) => unknown,
): Promise<Timing> {
  const times: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let run = 0; run < maxRuns && (run === 0 || performance.now() < deadline); run += 1) {
    const started = performance.now();
    await sample(run);
    times.push(performance.now() - started);
  }
  return summarise(times);
}

export function summarise(values: readonly number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  return {
    runs: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted[sorted.length - 1] ?? 0),
  };
}

export function round(value: number, places = 3): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}
