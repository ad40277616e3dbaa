import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { close, listen } from './cosmosServer';

/** Picks requests by method, decoded path and headers (a query is a POST with `x-ms-documentdb-isquery`). */
export type RequestMatch = (method: string, path: string, headers: IncomingHttpHeaders) => boolean;

export interface InterruptibleCosmos {
  endpoint: string;
  key: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
  /**
   * Stops the server the moment it has answered the first request `matches` picks: that write
   * lands, and whatever the service tries next finds the store gone.
   */
  stopAfter(matches: RequestMatch): Promise<void>;
  /** Resolves once the server has answered the next request `matches` picks. */
  answered(matches: RequestMatch): Promise<void>;
  /**
   * Keeps the next request `matches` picks from the server, unanswered, until `drop` cuts its
   * connection: a write the service sent that never lands (the service killed before it did).
   * `stalled` resolves once such a request has arrived.
   */
  stall(matches: RequestMatch): { stalled: Promise<void>; drop(): void };
}

/** Whether a request to the server is a query (sent as a POST to the documents of a container). */
export function isQuery(headers: IncomingHttpHeaders): boolean {
  return String(headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true';
}

/**
 * The Cosmos-protocol server on 127.0.0.1 (as test/support/cosmosServer.ts), with hooks to make
 * it go away in the middle of a turn, right after one chosen write, or to keep one write from it.
 */
export async function startInterruptibleCosmos(): Promise<InterruptibleCosmos> {
  const server = createHttpsServer();
  await listen(server, 0);
  const port = (server.address() as AddressInfo).port;
  server.removeAllListeners('listening');
  const serve = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  server.removeAllListeners('request');
  type Hook = { matches: RequestMatch; take: (req: IncomingMessage, res: ServerResponse) => boolean };
  const hooks = new Set<Hook>();
  const hook = (matches: RequestMatch, take: Hook['take']) => hooks.add({ matches, take });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(req.url ?? '');
    let kept = false;
    for (const armed of [...hooks]) {
      if (!armed.matches(req.method ?? '', path, req.headers)) continue;
      hooks.delete(armed);
      kept = armed.take(req, res) || kept;
    }
    if (!kept) for (const handle of serve) handle.call(server, req, res);
  });

  return {
    endpoint: `https://127.0.0.1:${port}`,
    key: Buffer.from('any key will do').toString('base64'),
    stop: () => close(server),
    restart: async () => {
      if (!server.listening) await listen(server, port);
    },
    stopAfter: (matches) =>
      new Promise<void>((stopped) =>
        hook(matches, (_req, res) => {
          res.once('finish', () => void close(server).then(stopped));
          return false;
        }),
      ),
    answered: (matches) =>
      new Promise<void>((done) =>
        hook(matches, (_req, res) => {
          res.once('finish', done);
          return false;
        }),
      ),
    stall: (matches) => {
      let held: IncomingMessage | undefined;
      let arrived: () => void = () => undefined;
      const stalled = new Promise<void>((resolve) => (arrived = resolve));
      hook(matches, (req) => {
        held = req;
        arrived();
        return true;
      });
      return { stalled, drop: () => held?.socket.destroy() };
    },
  };
}
