import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LateConnector {
  url: string;
  /** Every post that arrived, answered or not. */
  received: string[];
  /** Posts answered 200 while their sender was still listening: the messages people got. */
  delivered: string[];
  /** Posts whose sender hung up before the answer came: never delivered. */
  abandoned: string[];
  /** From now on, posts wait unanswered until `answerHeld`. */
  hold(): void;
  /** Answers every waiting post and answers new ones at once again. */
  answerHeld(): void;
  /** Resolves once `count` posts have arrived. */
  whenReceived(count: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A loopback Bot Connector that can answer late: posts wait, unanswered, until the test lets
 * them through. A message counts as delivered only if its sender was still waiting for the answer.
 */
export async function startLateConnector(): Promise<LateConnector> {
  const received: string[] = [];
  const delivered: string[] = [];
  const abandoned: string[] = [];
  const waiting: Array<() => void> = [];
  const watchers: Array<{ count: number; resolve: () => void }> = [];
  let holding = false;
  let counter = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const conversation = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '');
      received.push(conversation);
      for (const w of watchers.filter((x) => received.length >= x.count)) w.resolve();
      let gone = false;
      res.on('close', () => {
        if (!res.writableFinished) gone = true;
      });
      const answer = () => {
        if (gone || res.destroyed) return void abandoned.push(conversation);
        delivered.push(conversation);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `late-${++counter}` }));
      };
      if (holding) waiting.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received,
    delivered,
    abandoned,
    hold: () => void (holding = true),
    answerHeld: () => {
      holding = false;
      for (const answer of waiting.splice(0)) answer();
    },
    whenReceived: (count) =>
      received.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => watchers.push({ count, resolve })),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
