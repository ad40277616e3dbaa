import net, { type AddressInfo } from 'node:net';

export interface LatencyProxy {
  /** The proxy's address, to use in place of the server's: same scheme, another port. */
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * A TCP proxy on loopback that holds everything sent to the server for `latencyMs` before passing
 * it on, so every request to the store costs at least that much more, as a store in another
 * building would. Answers come back at once. TLS passes through untouched (the client still
 * talks to the server itself), and connections are kept open as the client keeps them.
 */
export async function startLatencyProxy(targetEndpoint: string, latencyMs: number): Promise<LatencyProxy> {
  const target = new URL(targetEndpoint);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    }
    // Timers of one length run in the order they were set, so the bytes stay in order.
    client.on('data', (chunk: Buffer) => {
      setTimeout(() => upstream.destroyed || upstream.write(chunk), latencyMs);
    });
    client.once('end', () => setTimeout(() => upstream.end(), latencyMs));
    upstream.pipe(client);
    client.once('error', () => upstream.destroy());
    upstream.once('error', () => client.destroy());
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `${target.protocol}//127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
