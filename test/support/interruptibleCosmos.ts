import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { close, listen } from './cosmosServer';

export interface InterruptibleCosmos {
  endpoint: string;
  key: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
  /**
   * Stops the server the moment it has answered the first request `matches` picks: that write
   * lands, and whatever the service tries next finds the store gone.
   */
  stopAfter(matches: (method: string, path: string) => boolean): Promise<void>;
}

/**
 * The Cosmos-protocol server on 127.0.0.1 (as test/support/cosmosServer.ts), with a hook to make
 * it go away in the middle of a turn, right after one chosen write.
 */
export async function startInterruptibleCosmos(): Promise<InterruptibleCosmos> {
  const server = createHttpsServer();
  await listen(server, 0);
  const port = (server.address() as AddressInfo).port;
  server.removeAllListeners('listening');
  let trap: { matches: (method: string, path: string) => boolean; stopped: () => void } | undefined;

  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const armed = trap;
    if (!armed || !armed.matches(req.method ?? '', decodeURIComponent(req.url ?? ''))) return;
    trap = undefined;
    res.once('finish', () => void close(server).then(armed.stopped));
  });

  return {
    endpoint: `https://127.0.0.1:${port}`,
    key: Buffer.from('any key will do').toString('base64'),
    stop: () => close(server),
    restart: async () => {
      if (!server.listening) await listen(server, port);
    },
    stopAfter: (matches) => new Promise<void>((stopped) => (trap = { matches, stopped })),
  };
}
