import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedPost {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/**
 * A loopback stand-in for the Bot Connector service: records what the bot sends to
 * `serviceUrl` + v3/conversations/{id}/activities[/{replyToId}] and answers like the real one.
 */
export async function startFakeConnector(): Promise<{
  url: string;
  posts: CapturedPost[];
  /** Resolves once at least `count` posts have arrived (the test's own timeout guards against a hang). */
  waitFor(count: number): Promise<CapturedPost[]>;
  stop(): Promise<void>;
}> {
  const posts: CapturedPost[] = [];
  const waiters = new Set<() => void>();
  let counter = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      posts.push({
        method: req.method ?? '',
        path: req.url ?? '',
        body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${++counter}` }));
      for (const wake of [...waiters]) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    posts,
    waitFor: (count) =>
      new Promise<CapturedPost[]>((resolve) => {
        const wake = () => {
          if (posts.length < count) return;
          waiters.delete(wake);
          resolve(posts);
        };
        waiters.add(wake);
        wake();
      }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
