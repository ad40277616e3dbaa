import type { AddressInfo } from 'node:net';
import type { Server } from 'node:https';
import { createHttpsServer } from '@vercel/cosmosdb-server';

export { TEST_SERVER_REQUEST_TIMEOUT_MS } from './testServerTimeout';

export interface CosmosTestServer {
  /** https://127.0.0.1:<port> */
  endpoint: string;
  /** The server accepts any key; this one is only for the client's signature. */
  key: string;
  port: number;
  /** Stops answering (open connections are cut). Safe to call twice. */
  stop(): Promise<void>;
  /** Listens again on the same port with the same data. Safe to call while running. */
  restart(): Promise<void>;
}

/**
 * Starts @vercel/cosmosdb-server in this process over HTTPS on 127.0.0.1 and a free port. Its
 * certificate is self-signed and expired: clients need `allowSelfSignedTls: true`.
 */
export async function startCosmosServer(): Promise<CosmosTestServer> {
  // Keep connections open between requests, as a real account does (the default closes each one).
  const server = createHttpsServer({ keepAlive: true } as Parameters<typeof createHttpsServer>[0]);
  await listen(server, 0);
  const port = (server.address() as AddressInfo).port;
  // The server builds its in-memory account on every 'listening' event; after the first one,
  // drop that handler so a restart keeps the data, as a real account would.
  server.removeAllListeners('listening');

  return {
    endpoint: `https://127.0.0.1:${port}`,
    key: Buffer.from('any key will do').toString('base64'),
    port,
    stop: () => close(server),
    restart: async () => {
      if (!server.listening) await listen(server, port);
    },
  };
}

export function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export function close(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
