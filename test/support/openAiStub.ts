import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the stub does with the next request. */
export type StubReply =
  | { kind: 'answer'; content: string }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'hold' };

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: { model?: string; messages?: Array<{ role: string; content: string }>; response_format?: unknown };
}

export interface OpenAiStub {
  url: string;
  /** Replies for the next requests, in order; when none is left, a 500. */
  script(...replies: StubReply[]): void;
  received: ReceivedRequest[];
  /** Resolves when `count` requests have arrived in all. */
  arrived(count: number): Promise<void>;
  /** Answers every held request with this content (after a test's time limit has run out). */
  release(content: string): void;
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1, answering as scripted: a good
 * answer, an HTTP status (429, 500), a body that is not the JSON asked for, or no answer until
 * released. It records each request so tests can see exactly what left the service.
 */
export async function startOpenAiStub(): Promise<OpenAiStub> {
  const queue: StubReply[] = [];
  const received: ReceivedRequest[] = [];
  const held: Array<(content: string) => void> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const sockets = new Set<Socket>();

  const server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: raw ? (JSON.parse(raw) as ReceivedRequest['body']) : {},
      });
      for (const waiter of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const reply = queue.shift() ?? {
        kind: 'status',
        status: 500,
        body: { error: { message: 'not scripted' } },
      };
      const answer = (content: string) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(completion(content)));
      };
      if (reply.kind === 'answer') return answer(reply.content);
      if (reply.kind === 'hold') return void held.push(answer);
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(JSON.stringify(reply.body ?? { error: { message: `status ${reply.status}` } }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    script: (...replies) => queue.push(...replies),
    received,
    arrived: (count) =>
      received.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    release: (content) => held.splice(0).forEach((answer) => answer(content)),
    close: async () => {
      held.splice(0).forEach((answer) => answer('{}'));
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function completion(content: string) {
  return {
    id: 'chatcmpl-stub',
    object: 'chat.completion',
    created: 1_800_000_000,
    model: 'stub',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}
