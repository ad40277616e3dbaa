import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

export interface GcPauses {
  /** Pauses of the main thread for garbage collection while watched. */
  count: number;
  totalMs: number;
  /** The longest: every turn in flight waits through it, so at 64 conversations it sets the p99. */
  maxMs: number;
  /** The longest full (mark-compact) collection's pause, 0 if none ran. */
  maxFullMs: number;
}

/** Kind of a full collection in a `gc` performance entry's detail (NODE_PERFORMANCE_GC_MAJOR). */
const MAJOR = 2;

/**
 * Watches the garbage collector's pauses until `stop`. Node hands over a pause's entry in a
 * later turn of the event loop, so `stop` waits one turn and takes what is still undelivered.
 */
export function watchGcPauses(): { stop(): Promise<GcPauses> } {
  const pauses: GcPauses = { count: 0, totalMs: 0, maxMs: 0, maxFullMs: 0 };
  const add = (entries: readonly PerformanceEntry[]) => {
    for (const entry of entries) {
      pauses.count += 1;
      pauses.totalMs += entry.duration;
      pauses.maxMs = Math.max(pauses.maxMs, entry.duration);
      if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === MAJOR)
        pauses.maxFullMs = Math.max(pauses.maxFullMs, entry.duration);
    }
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      add(observer.takeRecords());
      observer.disconnect();
      return pauses;
    },
  };
}
