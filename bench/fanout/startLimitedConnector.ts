import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** Teams' limits for proactive messages, as the connector below enforces them. */
export const APP_PER_SECOND = 50;
export const CONVERSATION_PER_SECOND = 7;

export interface ConnectorCounts {
  accepted: number;
  throttled: number;
  /** Messages accepted per conversation id. */
  perConversation: Map<string, number>;
  /** performance.now() of the first and last accepted message. */
  firstAt: number;
  lastAt: number;
  /** The most messages sent to the connector (accepted or not) within any one second. */
  peakAttemptsPerSecond: number;
  /** When the first request for each conversation was read (ms since 1970, this machine's clock). */
  firstArrival: Map<string, number>;
  /** Every request read, in order: when (ms since 1970), its method, conversation and answer. */
  requests: ConnectorRequest[];
}

export interface ConnectorRequest {
  at: number;
  method: string;
  conversation: string;
  status: number;
}

export interface LimitedConnector {
  url: string;
  counts: ConnectorCounts;
  /** Resolves when `accepted` reaches `count`. */
  whenAccepted(count: number): Promise<void>;
  reset(): void;
  /** From now on, for `ms`, answers every message 429 with Retry-After 1, as Teams throttling the app does. */
  throttleFor(ms: number): void;
  stop(): Promise<void>;
}

/**
 * A loopback Bot Connector that holds the bot to Teams' limits: at most 50 messages in any second
 * for the app and 7 in any second per conversation; past either it answers 429 with Retry-After,
 * as Teams does. "Any second" is a sliding window (every span of 1,000 ms by when the request is
 * read, not only those starting on a whole second): Teams documents its limits as requests per
 * second without saying how it windows them, and a sliding window is the stricter reading. Accepted messages are counted per conversation, to find duplicates and losses.
 */
export async function startLimitedConnector(
  options: { answerDelayMs?: number } = {},
): Promise<LimitedConnector> {
  // Teams far away: each request is read (and counted) at once, and answered this much later.
  const answerDelayMs = options.answerDelayMs ?? 0;
  const answer = (
    res: http.ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: string,
  ) => {
    const send = () => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    };
    if (answerDelayMs > 0) setTimeout(send, answerDelayMs);
    else send();
  };
  const appTimes: number[] = [];
  const attemptTimes: number[] = [];
  const conversationTimes = new Map<string, number[]>();
  let counts = freshCounts();
  let waiters: Array<{ count: number; resolve: () => void }> = [];
  let throttledUntil = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const conversation = conversationOf(req.url ?? '');
      const now = performance.now();
      if (!counts.firstArrival.has(conversation))
        counts.firstArrival.set(conversation, performance.timeOrigin + now);
      const note = (status: number) =>
        counts.requests.push({
          at: performance.timeOrigin + now,
          method: req.method ?? '',
          conversation,
          status,
        });
      const attempts = recent(attemptTimes, now);
      attempts.push(now);
      counts.peakAttemptsPerSecond = Math.max(counts.peakAttemptsPerSecond, attempts.length);
      const app = recent(appTimes, now);
      const own = recent(conversationTimes.get(conversation) ?? [], now);
      conversationTimes.set(conversation, own);
      if (now < throttledUntil || app.length >= APP_PER_SECOND || own.length >= CONVERSATION_PER_SECOND) {
        counts.throttled += 1;
        note(429);
        answer(
          res,
          429,
          { 'retry-after': '1' },
          JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests' } }),
        );
        return;
      }
      app.push(now);
      own.push(now);
      counts.accepted += 1;
      note(200);
      counts.perConversation.set(conversation, (counts.perConversation.get(conversation) ?? 0) + 1);
      if (counts.firstAt === 0) counts.firstAt = now;
      counts.lastAt = now;
      answer(res, 200, {}, JSON.stringify({ id: `sent-${counts.accepted}` }));
      waiters = waiters.filter((w) => (counts.accepted >= w.count ? (w.resolve(), false) : true));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    get counts() {
      return counts;
    },
    whenAccepted: (count) =>
      new Promise<void>((resolve) =>
        counts.accepted >= count ? resolve() : waiters.push({ count, resolve }),
      ),
    reset: () => {
      counts = freshCounts();
      throttledUntil = 0;
    },
    throttleFor: (ms) => {
      throttledUntil = performance.now() + ms;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function freshCounts(): ConnectorCounts {
  return {
    accepted: 0,
    throttled: 0,
    perConversation: new Map(),
    firstAt: 0,
    lastAt: 0,
    peakAttemptsPerSecond: 0,
    firstArrival: new Map(),
    requests: [],
  };
}

/** `/v3/conversations/{id}/activities[/{replyTo}]` -> the conversation id. */
function conversationOf(path: string): string {
  const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(path);
  return match ? decodeURIComponent(match[1] as string) : path;
}

/** The times within the last second, oldest first (older ones dropped). */
function recent(times: number[], now: number): number[] {
  while (times.length > 0 && (times[0] as number) <= now - 1000) times.shift();
  return times;
}
