import { fork } from 'node:child_process';
import path from 'node:path';
import { serveLatencyProxy } from './latencyProxyServer';

export interface LatencyProxy {
  /** The proxy's address, to use in place of the server's: same scheme, another port. */
  endpoint: string;
  /** How long each chunk sent to the server was held, in ms (the most recent 10,000). */
  holds(): Promise<number[]>;
  stop(): Promise<void>;
}

/**
 * A loopback proxy in front of `targetEndpoint` that holds every request's bytes for exactly
 * `latencyMs` (see serveLatencyProxy). By default in a process of its own
 * (latencyProxyChild), so that the service being measured, busy on its own event loop, does
 * not hold requests longer; `{ inProcess: true }` runs it here (tests, where only the TypeScript exists).
 */
export async function startLatencyProxy(
  targetEndpoint: string,
  latencyMs: number,
  options: { inProcess?: boolean } = {},
): Promise<LatencyProxy> {
  const target = new URL(targetEndpoint);
  const endpointAt = (port: number) => `${target.protocol}//127.0.0.1:${port}`;
  if (options.inProcess) {
    const proxy = await serveLatencyProxy(target, latencyMs);
    return { endpoint: endpointAt(proxy.port), holds: async () => proxy.holds(), stop: () => proxy.close() };
  }
  const child = fork(path.join(__dirname, 'latencyProxyChild.js'), [targetEndpoint, String(latencyMs)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the latency proxy stopped (exit ${code})`)));
  });
  return {
    endpoint: endpointAt(port),
    holds: () =>
      new Promise<number[]>((resolve) => {
        child.once('message', (message) => resolve((message as { holds: number[] }).holds));
        child.send('holds');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** How long the proxy held what it was sent, against the latency it was asked for, in one line. */
export function describeHolds(holds: readonly number[], latencyMs: number): string {
  const sorted = [...holds].sort((a, b) => a - b);
  const at = (share: number) =>
    (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? NaN).toFixed(2);
  return `latency proxy (${latencyMs} ms): held ${sorted.length} chunks, min ${at(0)}, p50 ${at(0.5)}, p90 ${at(0.9)}, max ${at(1)} ms`;
}
