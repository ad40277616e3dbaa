/** Milliseconds the latency proxy adds to every Cosmos request unless told otherwise. */
export const DEFAULT_STORE_LATENCY_MS = 5;

/** The environment variable through which `npm run bench -- --store-latency-ms N` reaches each benchmark. */
export const STORE_LATENCY_ENV = 'BENCH_STORE_LATENCY_MS';

/**
 * Reads `--store-latency-ms N` (or `--store-latency-ms=N`) out of `args`, leaving the other
 * arguments; an unreadable value is an error naming the option.
 */
export function takeStoreLatency(args: readonly string[]): { latencyMs?: number; rest: string[] } {
  const rest: string[] = [];
  let latencyMs: number | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const [name, inline] = arg.split('=', 2);
    if (name !== '--store-latency-ms') {
      rest.push(arg);
      continue;
    }
    const value = inline ?? args[(i += 1)];
    latencyMs = Number(value);
    if (value === undefined || value.trim() === '' || !Number.isFinite(latencyMs) || latencyMs < 0)
      throw new Error(
        `--store-latency-ms: expected a number of milliseconds, 0 or more (got ${value ?? 'nothing'})`,
      );
  }
  return { latencyMs, rest };
}

/** The latency for this benchmark process: its own arguments, then what runAll passed on, then the default. */
export function storeLatencyMs(
  args: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): number {
  const { latencyMs } = takeStoreLatency(args);
  if (latencyMs !== undefined) return latencyMs;
  const fromEnv = env[STORE_LATENCY_ENV];
  return fromEnv === undefined
    ? DEFAULT_STORE_LATENCY_MS
    : (takeStoreLatency(['--store-latency-ms', fromEnv]).latencyMs ?? DEFAULT_STORE_LATENCY_MS);
}
