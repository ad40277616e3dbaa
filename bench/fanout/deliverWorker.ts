import { randomUUID } from 'node:crypto';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { claimOwnShare } from '../../src/app/sending/senderShares';
import { deliverDue } from '../../src/app/deliverDue';
import type { OutboxDependencies } from '../../src/app/deliverOutbox';
import { SendRateLimiter } from '../../src/app/sending/sendRateLimiter';
import { createServices } from '../../src/app/services';
import { createLogger } from '../../src/logging/logger';
import { CosmosDocumentStore } from '../../src/store/cosmos/cosmosDocumentStore';
import { createAdapter } from '../../src/teams/createAdapter';
import { SEND_TIMEOUT_MS, TeamsDeliverer } from '../../src/teams/teamsDeliverer';
import { RecentRequestViews } from '../../src/app/sending/recentRequestViews';
import { ReadAheadStore } from '../../src/store/readAheadStore';

/**
 * One sending instance, as the service runs it: the real outbox, deliverDue, TeamsDeliverer and
 * SendRateLimiter (its schedule shared through the store) over the Cosmos-protocol server, sending until nothing is left to send. Run as
 * a child process by the fanout benchmark, which may kill it half-way.
 *
 * Settings (environment): FANOUT_COSMOS_ENDPOINT, FANOUT_COSMOS_KEY, FANOUT_DATABASE; optional
 * FANOUT_RATE (the limiter's messages a second; unset: its default), FANOUT_CLOCK_SHIFT_MS (runs
 * as if that much later, e.g. after the claims of a killed instance have run out),
 * FANOUT_NO_VIEW_COPIES (describe every message's card afresh, without RecentRequestViews, to
 * measure what the copies save), FANOUT_NO_SHARED_PAUSE (a 429 holds back only its own message, as
 * before the shared schedule was paused on 429s, to compare).
 */
async function main(): Promise<void> {
  const env = process.env;
  const shift = Number(env.FANOUT_CLOCK_SHIFT_MS ?? 0);
  const clock = () => new Date(Date.now() + shift);
  const client = new CosmosDocumentStore({
    endpoint: String(env.FANOUT_COSMOS_ENDPOINT),
    key: String(env.FANOUT_COSMOS_KEY),
    database: String(env.FANOUT_DATABASE),
    allowSelfSignedTls: true,
    requestTimeoutMs: 30_000,
  });
  await client.init();
  // Every store request, counted by operation and container (the figure a busy machine cannot change).
  const storeCalls: Record<string, number> = {};
  const store = new Proxy(client, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const name = `${String(key)} ${String(args[0])}`;
        storeCalls[name] = (storeCalls[name] ?? 0) + 1;
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        // Refused requests (a conditional write that lost the race) counted apart.
        if (result instanceof Promise)
          result.catch((error: unknown) => {
            const refused = `${name} refused (${error instanceof Error ? error.name : 'error'})`;
            storeCalls[refused] = (storeCalls[refused] ?? 0) + 1;
          });
        return result;
      };
    },
  });
  // As the service runs it: its own writes reach the copies of request cards it keeps.
  const readAhead = new ReadAheadStore(store);
  const services = createServices(readAhead, clock);
  // When the limiter let each send go, by this machine's clock (the same in every worker), and
  // how late after its slot.
  const granted: number[] = [];
  const grantedTo: Record<string, number> = {};
  const lateMs: number[] = [];
  let misses = 0;
  // Each send's slot and when it went (ms since 1970: by the limiter's clock, and by the clock the
  // connector stamps arrivals with), and every reserved slot.
  const sends: Array<{
    conversation: string;
    slot: number;
    wentAt: number;
    at: number;
    misses: number;
    missedBy: number[];
    heldMs: number;
  }> = [];
  const reserved: number[] = [];
  const tracing = Boolean(env.FANOUT_TRACE_SENDS);
  // Garbage collections in this process (start, ms since 1970, and how long), to set beside late sends.
  const collections: Array<{ at: number; ms: number; kind: number }> = [];
  if (tracing) observeCollections(collections);
  // When each conversation's first request was handed to fetch (the connector's HTTP client), to
  // split a send's trip into the part in this process and the part after it.
  const fetchedAt = new Map<string, number>();
  // Every request to the connector: handed to fetch, and its answer (ms since 1970, the connector's clock).
  const fetches: Array<{
    conversation: string;
    method: string;
    at: number;
    doneAt?: number;
    status?: number;
  }> = [];
  if (tracing) {
    const realFetch = globalThis.fetch;
    const stamp = () => performance.timeOrigin + performance.now();
    globalThis.fetch = async (input, init) => {
      const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(String(input));
      const conversation = match ? decodeURIComponent(match[1] as string) : undefined;
      if (conversation === undefined) return realFetch(input, init);
      const fetch = { conversation, method: init?.method ?? 'GET', at: stamp() } as (typeof fetches)[number];
      fetches.push(fetch);
      if (!fetchedAt.has(conversation)) fetchedAt.set(conversation, fetch.at);
      const response = await realFetch(input, init);
      fetch.doneAt = stamp();
      fetch.status = response.status;
      return response;
    };
  }
  const limiter = new SendRateLimiter({
    store,
    ...(env.FANOUT_RATE ? { perSecond: Number(env.FANOUT_RATE) } : {}),
    onGrant: (grant) => {
      const at = performance.timeOrigin + performance.now();
      granted.push(at);
      grantedTo[grant.conversationId] ??= at;
      lateMs.push(grant.at - grant.slot);
      misses += grant.misses;
      if (tracing)
        sends.push({
          conversation: grant.conversationId,
          slot: grant.slot,
          wentAt: grant.at,
          at,
          misses: grant.misses,
          missedBy: grant.missedBy,
          heldMs: grant.heldMs,
        });
    },
    ...(tracing ? { onReserve: (slots: readonly number[]) => reserved.push(...slots) } : {}),
  });
  const deps: OutboxDependencies = {
    outbox: services.outbox,
    people: services.people,
    requests: services.requests,
    deliverer: new TeamsDeliverer(
      createAdapter(),
      '',
      services,
      env.FANOUT_NO_SHARED_PAUSE ? { take: (conversation) => limiter.take(conversation) } : limiter,
      SEND_TIMEOUT_MS,
      ...(env.FANOUT_NO_VIEW_COPIES ? [] : [new RecentRequestViews(readAhead)]),
    ),
    logger: createLogger('silent'),
  };
  const instance = randomUUID();
  let handledInAll = 0;
  let failedRuns = 0;
  for (;;) {
    const runStarted = Date.now();
    // A run the store failed (e.g. a connection reset under load) is followed by another, as the
    // service's next delivery run would follow it; what it had claimed waits for its claim to run out.
    const handled = await deliverDue(deps, clock(), {
      share: () => claimOwnShare(store, instance, clock().getTime()),
    }).catch((error: unknown) => {
      failedRuns += 1;
      console.error(`delivery run failed: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    });
    handledInAll += handled;
    if (env.FANOUT_TRACE_GAPS)
      console.error(
        `${process.pid} run ${runStarted % 100_000} to ${Date.now() % 100_000}: ${handled} tried`,
      );
    if (handled > 0) continue;
    const waiting = await store.query('outbox', {
      where: [{ field: 'status', op: 'in', value: ['pending', 'sending'] }],
      limit: 1,
    });
    if (waiting.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await store.close();
  const used = process.cpuUsage();
  // Sent before exiting: a large message is otherwise cut off by process.exit.
  const report = {
    cpuMs: (used.user + used.system) / 1000,
    handled: handledInAll,
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
    granted,
    grantedTo,
    lateMs,
    misses,
    storeCalls,
    failedRuns,
    ...(tracing
      ? {
          sends: sends.map((send) => ({ ...send, fetchedAt: fetchedAt.get(send.conversation) })),
          reserved,
          fetches,
          collections,
        }
      : {}),
  };
  await new Promise<void>((resolve) => (process.send ? process.send(report, () => resolve()) : resolve()));
}

/** Notes every garbage collection of this process in `into` (PerformanceObserver 'gc' entries). */
export function observeCollections(into: Array<{ at: number; ms: number; kind: number }>): void {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      into.push({
        at: performance.timeOrigin + entry.startTime,
        ms: entry.duration,
        kind: (entry as { detail?: { kind?: number } }).detail?.kind ?? 0,
      });
  }).observe({ entryTypes: ['gc'] });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
