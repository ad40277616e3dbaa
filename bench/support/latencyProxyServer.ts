import net, { type AddressInfo } from 'node:net';
import { createDelayLine } from './delayLine';

/** Hold times kept for reporting: the most recent ones. */
const KEPT_HOLDS = 10_000;

export interface LatencyProxyServer {
  port: number;
  /** How long each chunk sent to the server was held, in ms (the most recent 10,000). */
  holds(): number[];
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback, in this process, that holds everything sent to the server at `target`
 * for exactly `latencyMs` from when it arrives (see createDelayLine), so every request to the store
 * costs that much more, as a store in another building would. Answers come back at once. TLS
 * passes through untouched (the client still talks to the server itself), and connections are
 * kept open as the client keeps them.
 */
export async function serveLatencyProxy(target: URL, latencyMs: number): Promise<LatencyProxyServer> {
  const sockets = new Set<net.Socket>();
  const holds: number[] = [];
  const held = (ms: number) => {
    holds.push(ms);
    if (holds.length > KEPT_HOLDS) holds.splice(0, holds.length - KEPT_HOLDS);
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    }
    const line = createDelayLine(latencyMs, (chunk) => upstream.destroyed || upstream.write(chunk), held);
    let ended = false;
    client.on('data', (chunk: Buffer) => line.push(chunk));
    // A sender that ended still has its last bytes held: the server gets them, then the end.
    client.once('end', () => {
      ended = true;
      line.end(() => upstream.end());
    });
    upstream.pipe(client);
    client.once('error', () => upstream.destroy());
    upstream.once('error', () => client.destroy());
    client.once('close', () => {
      if (ended) return;
      line.stop();
      upstream.destroy();
    });
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    holds: () => [...holds],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
