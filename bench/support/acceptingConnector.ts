import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AcceptingConnector {
  url: string;
  /** Messages taken so far. */
  readonly accepted: number;
  stop(): Promise<void>;
}

/**
 * A loopback Bot Connector that takes every message it is sent, as Teams does for someone who has
 * the app. With it as the service URL of a benchmark's activities, the messages a turn queues for
 * its manager, host and visitor are sent over HTTP as in production, instead of failing to reach
 * anyone and being passed on to the programme leads.
 */
export async function startAcceptingConnector(): Promise<AcceptingConnector> {
  let accepted = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      accepted += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `taken-${accepted}` }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    get accepted() {
      return accepted;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
