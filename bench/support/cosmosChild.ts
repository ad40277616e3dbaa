import type { AddressInfo } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';

/**
 * @vercel/cosmosdb-server in a process of its own, as a real database would be: its work does not
 * share the event loop of the service being measured. Connections are kept alive, as a real
 * Cosmos DB account keeps them (by default this server closes every connection after one
 * request, which would put a TLS handshake into every store call). Ends when its parent goes.
 */
function main(): void {
  const server = createHttpsServer({ keepAlive: true } as Parameters<typeof createHttpsServer>[0]);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.send?.({
      endpoint: `https://127.0.0.1:${port}`,
      key: Buffer.from('any key will do').toString('base64'),
    });
  });
  process.once('disconnect', () => process.exit(0));
}

main();
