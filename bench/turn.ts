import { actorFor, type Actor } from '../test/support/activities';
import { sequentialRoundTrips, traceStore } from '../test/support/storeTrace';
import { markBackgroundWork } from './support/backgroundWork';
import { startEchoBot } from './echoBot';
import { describeHolds, startLatencyProxy, type LatencyProxy } from './support/latencyProxy';
import { ask } from './support/askBot';
import { cpuMs } from './support/cpuProfile';
import { watchGcPauses, type GcPauses } from './support/gcPauses';
import { describeMachine, runMain } from './support/machine';
import { printLine } from './support/output';
import { createClient } from './support/postJson';
import { printTable } from './support/printTable';
import { startAcceptingConnector } from './support/acceptingConnector';
import { startServiceOn, type StoreService } from './support/startBenchService';
import { startCosmosProcess } from './support/startCosmosProcess';
import { round } from './support/stats';
import { storeLatencyMs } from './support/storeLatency';
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { describeLatency } from './support/stats';
import {
  EXCHANGE_KINDS,
  OPENING,
  PURPOSE,
  runExchange,
  timing,
  type ExchangeKind,
} from './turn/exchangeCycle';
import { runLoad, type LoadResult } from './turn/runLoad';

/**
 * Turn benchmark: throughput and latency of turns over HTTP (expectReplies) through the real
 * service, at 1, 16 and 64 conversations at once (one person each), for "my requests" and for a
 * step of the request conversation (answering why and what to learn, which finds hosts and their
 * free times, then "back" to the question, over and over). At 1 conversation, also the turns of a
 * whole exchange: the visitor sending a request, the manager approving it, the host accepting it
 * (`bench/turn/exchangeCycle.ts`, each exchange then cancelled to free the place). For these,
 * `turns_per_s` is one conversation's rate if it took only turns of that kind (turns ÷ their time).
 * Three stores: the Cosmos-protocol server directly, the same server behind a proxy adding
 * `--store-latency-ms` (default 5) to every request, and the embedded store; beside them, in
 * the same run, a minimal echo bot on the same stack as the baseline.
 *
 * One JSON line per kind, store and concurrency. `round_trips` is the most sequential store round
 * trips any one turn of that kind made (counted, not timed, on warm caches); `ratio_vs_echo` is
 * turns a second against the echo bot's at the same concurrency. `bot_cpu_ms_per_turn` is the CPU
 * this process (the service, the echo bot and the load client) spent per turn of the cell, and
 * `store_cpu_ms_per_turn` the Cosmos-protocol server process's (0 for the embedded store, which
 * runs in this process); `bot_cpu_ratio_vs_echo` is the echo's `bot_cpu_ms_per_turn` at the same
 * concurrency against the kind's: the ratio with the store's own process left out, as when the
 * database runs on machines of its own (Azure Cosmos DB). `gc_max_pause_ms` is the longest pause of
 * the garbage collector in the cell (`gc_max_full_pause_ms` of a full one) and `gc_pause_ms_per_s`
 * their sum a second: a pause holds every turn in flight, which at 64 conversations is over 1% of
 * a cell's turns, so the longest pause shows in the p99.
 * Run: `npm run build && node dist/bench/turn.js [--store-latency-ms 5]`;
 * `BENCH_TURN_EXCHANGE_ONLY=1` measures only the exchange's turns (and the echo) at 1 conversation;
 * `BENCH_TURN_KINDS=request_step` measures only that kind (no exchange);
 * `BENCH_TURN_BACK_TO_BACK=1` times them without waiting for the turn before's messages (see measureExchanges);
 * `BENCH_TURN_STORES=embedded` (or `cosmos`) and `BENCH_TURN_CONCURRENCY=16,64` measure only those cells.
 */
const CONCURRENCY = (process.env.BENCH_TURN_CONCURRENCY?.split(',').map(Number) ?? [1, 16, 64]).filter(
  (n) => n > 0,
);
const ONLY_STORES = process.env.BENCH_TURN_STORES?.split(',');
const CELL_MS = Number(process.env.BENCH_TURN_CELL_MS ?? 5_000);
const WARM_UP_MS = 1_000;
const MAX_TURNS_PER_CELL = 50_000;
/** Turns of each kind, one at a time, whose store calls are traced for `round_trips`. */
const COUNTED_TURNS = 10;
const LIMIT_MS = 290_000;

type LoadKind = 'my_requests' | 'request_step';
const EXCHANGE_ONLY = process.env.BENCH_TURN_EXCHANGE_ONLY === '1';
const BACK_TO_BACK = process.env.BENCH_TURN_BACK_TO_BACK === '1';
/** `BENCH_TURN_KINDS=request_step` (or `my_requests`) measures only those kinds, without the exchange's turns. */
const ONLY_KINDS = process.env.BENCH_TURN_KINDS?.split(',');
const KINDS: readonly LoadKind[] = EXCHANGE_ONLY
  ? []
  : (['my_requests', 'request_step'] as const).filter((kind) => !ONLY_KINDS || ONLY_KINDS.includes(kind));
const WITH_EXCHANGES = !ONLY_KINDS;
type Kind = LoadKind | ExchangeKind;
/** Exchanges whose turns are counted for `round_trips` (after one to warm up). */
const COUNTED_EXCHANGES = 3;

interface Target {
  store: 'cosmos' | 'embedded';
  latencyMs: number;
  running: StoreService;
  /** The store's own process, whose CPU is counted apart (the Cosmos-protocol server). */
  storePid?: number;
  actors: Actor[];
  /** A visitor of their own for whole exchanges, apart from the conversations under load. */
  exchangeVisitor: { actor: Actor; id: string };
  /** Where the service sends the messages an exchange queues (see exchangeTarget). */
  connectorUrl: string;
  roundTrips: Record<Kind, number>;
}

interface Line {
  kind: Kind | 'echo';
  store: string;
  latencyMs: number;
  result: LoadResult;
  /** CPU ms per turn of the cell: this process, and the store's own process. */
  cpu?: TurnCpu;
  gc?: GcPauses;
  roundTrips: number;
}

interface TurnCpu {
  bot: number;
  store: number;
}

async function main(): Promise<void> {
  const latencyMs = storeLatencyMs();
  const people = Math.max(...CONCURRENCY);
  const cosmos = await startCosmosProcess();
  const proxy: LatencyProxy | undefined =
    latencyMs > 0 && (!ONLY_STORES || ONLY_STORES.includes('cosmos'))
      ? await startLatencyProxy(cosmos.endpoint, latencyMs)
      : undefined;
  const echo = await startEchoBot();
  const connector = await startAcceptingConnector();
  const client = createClient(people);
  const targets: Target[] = [];
  try {
    const setUps: Array<[Target['store'], number, () => Promise<StoreService>]> = [
      ['cosmos', 0, () => startServiceOn({ kind: 'cosmos', cosmos, database: 'bench-turn' }, people + 1)],
      ['embedded', 0, () => startServiceOn({ kind: 'embedded' }, people + 1)],
    ];
    if (proxy)
      setUps.push([
        'cosmos',
        latencyMs,
        () =>
          startServiceOn(
            { kind: 'cosmos', cosmos, endpoint: proxy.endpoint, database: 'bench-turn-remote' },
            people + 1,
          ),
      ]);
    for (const [store, latency, start] of setUps) {
      if (ONLY_STORES && !ONLY_STORES.includes(store)) continue;
      const running = await start();
      const exchangeId = running.visitorIds[people] as string;
      const target: Target = {
        store,
        latencyMs: latency,
        running,
        ...(store === 'cosmos' ? { storePid: cosmos.pid } : {}),
        actors: [],
        exchangeVisitor: { id: exchangeId, actor: actorFor(exchangeId, `turn-${store}-exchange`) },
        connectorUrl: connector.url,
        roundTrips: { my_requests: 0, request_step: 0, send: 0, approve: 0, accept: 0 },
      };
      targets.push(target);
      target.actors = await prepareConversations(client, running, store, people);
      for (const kind of KINDS) target.roundTrips[kind] = await countRoundTrips(client, target, kind);
      if (WITH_EXCHANGES) Object.assign(target.roundTrips, await countExchangeRoundTrips(client, target));
    }

    if (targets.length === 0) throw new Error('BENCH_TURN_STORES names no store: cosmos, embedded');
    const lines: Line[] = [];
    for (const concurrency of EXCHANGE_ONLY ? [1] : CONCURRENCY) {
      const echoTurn = (i: number, n: number) =>
        ask(client, echo.url, targets[0]?.actors[i] as Actor, `hello ${n}`, /You said/);
      lines.push({
        kind: 'echo',
        store: 'memory',
        latencyMs: 0,
        roundTrips: 0,
        ...(await measure(concurrency, echoTurn)),
      });
      for (const target of targets) {
        for (const kind of KINDS)
          lines.push({
            kind,
            store: target.store,
            latencyMs: target.latencyMs,
            roundTrips: target.roundTrips[kind],
            ...(await measure(concurrency, (i, n) => turnOf(client, target, kind, i, n), target.storePid)),
          });
        if (concurrency === 1 && WITH_EXCHANGES) lines.push(...(await measureExchanges(client, target)));
      }
    }
    report(lines);
    process.stderr.write(`messages the exchanges' turns sent to the connector: ${connector.accepted}\n`);
    if (proxy) process.stderr.write(`${describeHolds(await proxy.holds(), latencyMs)}\n`);
  } finally {
    client.close();
    for (const target of targets) await target.running.stop();
    await echo.close();
    await connector.stop();
    await proxy?.stop();
    await cosmos.stop();
  }
}

type Client = ReturnType<typeof createClient>;

/** Each conversation welcomed, then a request begun and its purpose question asked. */
async function prepareConversations(
  client: Client,
  running: StoreService,
  store: string,
  count: number,
): Promise<Actor[]> {
  const actors = running.visitorIds.slice(0, count).map((id, i) => actorFor(id, `turn-${store}-${i}`));
  const url = running.service.url;
  for (const actor of actors) {
    await ask(client, url, actor, 'hello', /./);
    if (!(await ask(client, url, actor, OPENING, /why/i)))
      throw new Error(`the request conversation did not ask for a purpose (${store})`);
  }
  return actors;
}

function turnOf(client: Client, target: Target, kind: LoadKind, i: number, n: number): Promise<boolean> {
  const actor = target.actors[i] as Actor;
  const url = target.running.service.url;
  if (kind === 'my_requests') return ask(client, url, actor, 'my requests', /request/i);
  // Answer why and what to learn (hosts are found), then go back to the question: each is one step.
  return ask(
    client,
    url,
    actor,
    n % 2 === 0 ? PURPOSE : 'back',
    n % 2 === 0 ? /Choose a host and a time/ : /Why would you like to go/,
  );
}

/** The most sequential store round trips in any one of a few turns of a kind, on warm caches. */
async function countRoundTrips(client: Client, target: Target, kind: LoadKind): Promise<number> {
  for (let n = 0; n < 2; n += 1) await turnOf(client, target, kind, 0, n);
  const trace = traceStore(target.running.service.store);
  try {
    let most = 0;
    for (let n = 0; n < COUNTED_TURNS; n += 1) {
      const from = trace.mark();
      if (!(await turnOf(client, target, kind, 0, n)))
        throw new Error(`a ${kind} turn was not answered as expected (${target.store})`);
      most = Math.max(most, sequentialRoundTrips(trace.between(from, trace.mark())));
    }
    return most;
  } finally {
    trace.restore();
  }
}

/**
 * Exchange turns come from the accepting connector's service URL, so the service keeps it as the
 * manager's, host's and visitor's conversation and sends them its messages there.
 */
function exchangeTarget(client: Client, target: Target) {
  const { service } = target.running;
  const post = (url: string, body: unknown) =>
    client.post(url, { ...(body as Record<string, unknown>), serviceUrl: target.connectorUrl });
  return { url: service.url, store: service.store, post };
}

/**
 * The most sequential store round trips of each timed turn of an exchange, over a few exchanges
 * after one to warm up. Deliveries the turns start, and what a decision files after its answer, are work in the background, left out.
 */
async function countExchangeRoundTrips(
  client: Client,
  target: Target,
): Promise<Record<ExchangeKind, number>> {
  const { service } = target.running;
  const { actor, id } = target.exchangeVisitor;
  const on = exchangeTarget(client, target);
  await runExchange(on, actor, id, (_kind, turn) => turn());
  const background = new AsyncLocalStorage<true>();
  const restore = markBackgroundWork(service, background);
  const trace = traceStore(service.store, () => (background.getStore() ? 'background' : undefined));
  const most: Record<ExchangeKind, number> = { send: 0, approve: 0, accept: 0 };
  try {
    for (let n = 0; n < COUNTED_EXCHANGES; n += 1)
      await runExchange(on, actor, id, async (kind, turn) => {
        await service.dispatcher.idle();
        const from = trace.mark();
        const result = await turn();
        const calls = trace.between(from, trace.mark()).filter((c) => c.label !== 'background');
        most[kind] = Math.max(most[kind], sequentialRoundTrips(calls));
        return result;
      });
    return most;
  } finally {
    trace.restore();
    restore();
  }
}

/**
 * Whole exchanges one after another for a cell's time, after one to warm up; each timed turn's
 * kind a line. Each timed turn starts once the messages the turn before it queued have been sent
 * (not timed), as when the manager or host clicks seconds later; `BENCH_TURN_BACK_TO_BACK=1`
 * posts it as soon as the turn before is answered, while those messages are still being sent.
 */
async function measureExchanges(client: Client, target: Target): Promise<Line[]> {
  const { actor, id } = target.exchangeVisitor;
  const on = exchangeTarget(client, target);
  const latencies: Record<ExchangeKind, number[]> = { send: [], approve: [], accept: [] };
  await runExchange(on, actor, id, (_kind, turn) => turn());
  const { dispatcher } = target.running.service;
  const settle = BACK_TO_BACK ? undefined : () => dispatcher.idle();
  const begin = performance.now();
  let errors = 0;
  while (performance.now() - begin < CELL_MS)
    await runExchange(on, actor, id, timing(latencies, settle)).catch(() => (errors += 1));
  return EXCHANGE_KINDS.map((kind) => {
    const values = latencies[kind];
    const seconds = values.reduce((sum, v) => sum + v, 0) / 1000;
    return {
      kind,
      store: target.store,
      latencyMs: target.latencyMs,
      roundTrips: target.roundTrips[kind],
      result: {
        concurrency: 1,
        seconds: round(seconds, 2),
        turnsPerSecond: round(values.length / Math.max(seconds, 0.001), 1),
        errors,
        ...describeLatency(values),
      },
    };
  });
}

/** One cell after its warm-up, with the CPU this process and the store's process spent per turn. */
async function measure(
  concurrency: number,
  turn: (conversation: number, n: number) => Promise<boolean>,
  storePid?: number,
): Promise<{ result: LoadResult; cpu: TurnCpu; gc: GcPauses }> {
  await runLoad(concurrency, WARM_UP_MS, MAX_TURNS_PER_CELL, turn);
  const before = cpuMs(storePid);
  const gc = watchGcPauses();
  const result = await runLoad(concurrency, CELL_MS, MAX_TURNS_PER_CELL, turn);
  const after = cpuMs(storePid);
  const turns = Math.max(1, result.count);
  return {
    result,
    cpu: { bot: (after.own - before.own) / turns, store: (after.server - before.server) / turns },
    gc: await gc.stop(),
  };
}

function report(lines: readonly Line[]): void {
  const echoAt = new Map(
    lines.filter((l) => l.kind === 'echo').map((l) => [l.result.concurrency, l.result.turnsPerSecond]),
  );
  const ratio = (l: Line) =>
    round(l.result.turnsPerSecond / Math.max(0.001, echoAt.get(l.result.concurrency) ?? 0), 2);
  const echoCpuAt = new Map(
    lines.filter((l) => l.kind === 'echo' && l.cpu).map((l) => [l.result.concurrency, l.cpu?.bot ?? 0]),
  );
  const cpuFields = (l: Line) =>
    l.cpu
      ? {
          bot_cpu_ms_per_turn: round(l.cpu.bot, 3),
          store_cpu_ms_per_turn: round(l.cpu.store, 3),
          bot_cpu_ratio_vs_echo: round(
            (echoCpuAt.get(l.result.concurrency) ?? 0) / Math.max(0.001, l.cpu.bot),
            2,
          ),
        }
      : {};
  const gcFields = (l: Line) =>
    l.gc
      ? {
          gc_max_pause_ms: round(l.gc.maxMs, 1),
          gc_max_full_pause_ms: round(l.gc.maxFullMs, 1),
          gc_pause_ms_per_s: round(l.gc.totalMs / Math.max(0.001, l.result.seconds), 1),
        }
      : {};
  for (const l of lines)
    printLine(
      JSON.stringify({
        bench: 'turn',
        kind: l.kind,
        concurrency: l.result.concurrency,
        people: l.result.concurrency,
        store: l.store,
        store_latency_ms: l.latencyMs,
        turns_per_s: l.result.turnsPerSecond,
        p50_ms: l.result.p50,
        p99_ms: l.result.p99,
        round_trips: l.roundTrips,
        ratio_vs_echo: ratio(l),
        ...cpuFields(l),
        ...gcFields(l),
      }),
    );
  printLine();
  printTable(
    [
      'kind',
      'store',
      'latency ms',
      'at once',
      'turns',
      'turns/s',
      'p50',
      'p95',
      'p99',
      'max',
      'errors',
      'round trips',
      'vs echo',
      'bot cpu ms',
      'store cpu ms',
      'gc max ms',
    ],
    lines.map((l) => [
      l.kind,
      l.store,
      l.latencyMs,
      l.result.concurrency,
      l.result.count,
      l.result.turnsPerSecond,
      l.result.p50,
      l.result.p95,
      l.result.p99,
      l.result.max,
      l.result.errors,
      l.roundTrips,
      ratio(l).toFixed(2),
      l.cpu ? round(l.cpu.bot, 3) : '-',
      l.cpu ? round(l.cpu.store, 3) : '-',
      l.gc ? round(l.gc.maxMs, 1) : '-',
    ]),
  );
  printLine(
    `\nmachine: ${JSON.stringify(describeMachine())}; cells of ${CELL_MS / 1000} s after ${WARM_UP_MS / 1000} s of warm-up`,
  );
}

if (require.main === module) runMain('turn', LIMIT_MS, main);
