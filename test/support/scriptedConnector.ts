import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
}

export interface ReceivedPost {
  conversationId: string;
  /** POST for a message sent, PUT for a message updated in place. */
  method: string;
  body: Record<string, unknown>;
  status: number;
}

/**
 * A loopback Bot Connector whose answer for each post is chosen by `answer` (from the conversation
 * id, how many posts that conversation has had and the HTTP method), e.g. 403 for a person who
 * removed the app or 429 with Retry-After. Records every post and the status it got.
 */
export async function startScriptedConnector(
  answer: (conversationId: string, nth: number, method: string) => ScriptedAnswer = () => ({ status: 200 }),
): Promise<{
  url: string;
  posts: ReceivedPost[];
  stop(): Promise<void>;
}> {
  const posts: ReceivedPost[] = [];
  const counts = new Map<string, number>();
  let sent = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const conversationId = decodeURIComponent(
        /\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '',
      );
      const nth = (counts.get(conversationId) ?? 0) + 1;
      counts.set(conversationId, nth);
      const method = req.method ?? '';
      const { status, headers = {} } = answer(conversationId, nth, method);
      posts.push({
        conversationId,
        method,
        body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
        status,
      });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(
        status < 300
          ? JSON.stringify({ id: `sent-${++sent}` })
          : JSON.stringify({ error: { code: 'Scripted', message: 'scripted failure' } }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    posts,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
