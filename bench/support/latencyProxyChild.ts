import { serveLatencyProxy } from './latencyProxyServer';

/**
 * The latency proxy in a process of its own, as the network between a service and its store is:
 * how long it holds a request does not depend on how busy the service's event loop is. Told the
 * target and latency on its command line; answers `holds` with the hold times. Ends when its
 * parent goes.
 */
async function main(): Promise<void> {
  const [target = '', latency = ''] = process.argv.slice(2);
  const proxy = await serveLatencyProxy(new URL(target), Number(latency));
  process.on('message', (message) => {
    if (message === 'holds') process.send?.({ holds: proxy.holds() });
  });
  process.send?.({ port: proxy.port });
  process.once('disconnect', () => process.exit(0));
}

void main();
