import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DeliveredPost {
  path: string;
  body: Record<string, unknown>;
}

export interface HoldingConnector {
  url: string;
  /** Posts the connector answered 200: the messages people actually received. */
  delivered: DeliveredPost[];
  /** From now on, holds every post unanswered; resolves when the first one is held. */
  holdNext(): Promise<void>;
  /** Cuts the held posts off without delivering them (their sender has died) and answers normally again. */
  dropHeld(): void;
  stop(): Promise<void>;
}

/**
 * A loopback Bot Connector that counts a message as delivered only once it has answered it, and
 * can hold posts unanswered, so a test can kill the sender while its messages are in flight.
 */
export async function startHoldingConnector(): Promise<HoldingConnector> {
  const delivered: DeliveredPost[] = [];
  const held: http.ServerResponse[] = [];
  let holding: (() => void) | undefined;
  let counter = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      if (holding) {
        held.push(res);
        holding();
        return;
      }
      delivered.push({ path: req.url ?? '', body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${++counter}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    delivered,
    holdNext: () => new Promise<void>((resolve) => (holding = () => resolve())),
    dropHeld: () => {
      holding = undefined;
      for (const res of held.splice(0)) res.destroy();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
