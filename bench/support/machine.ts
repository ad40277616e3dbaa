import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a figure was measured on. */
export function describeMachine(): {
  node: string;
  cpus: number;
  cpu: string;
  memoryGiB: number;
  loadAverage1m: number;
} {
  return {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    // Other work on the machine while measuring: figures from a busy machine are lower.
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** Stops the process after `ms` if the benchmark has not finished by then. */
export function stopAfter(name: string, ms: number): void {
  setTimeout(() => {
    console.error(`bench ${name}: stopped after the time limit of ${Math.round(ms / 1000)} s`);
    process.exit(1);
  }, ms).unref();
}

/** Runs a benchmark's main function as the process's entry point. */
export function runMain(name: string, limitMs: number, main: () => Promise<void>): void {
  stopAfter(name, limitMs);
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
