import net from 'node:net';

export const LOOPBACK_HOST = '127.0.0.1';

/** A port someone else is already listening on. The message says which and what to do. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly purpose: string,
    readonly advice: string,
  ) {
    super(`Port ${port} (${purpose}) is already in use. ${advice}`);
    this.name = 'PortInUseError';
  }
}

/** True when nothing is listening on `port` of 127.0.0.1 (or on every interface). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, LOOPBACK_HOST, () => probe.close(() => resolve(true)));
  });
}

/** A port on 127.0.0.1 that was free a moment ago (good enough for tests). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK_HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() =>
        port > 0 ? resolve(port) : reject(new Error('Could not find a free port on 127.0.0.1.')),
      );
    });
  });
}

/** Throws PortInUseError unless `port` is free. */
export async function ensurePortFree(port: number, purpose: string, advice: string): Promise<void> {
  if (!(await isPortFree(port))) throw new PortInUseError(port, purpose, advice);
}

export function isAddressInUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EADDRINUSE';
}
