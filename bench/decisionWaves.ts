import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import type { RunningService } from '../src/main';
import { STORE_REQUESTS } from '../src/store/documentStore';
import { actorFor } from '../test/support/activities';
import { startAcceptingConnector } from './support/acceptingConnector';
import { cpuMs } from './support/cpuProfile';
import { markBackgroundWork } from './support/backgroundWork';
import { describeHolds, startLatencyProxy } from './support/latencyProxy';
import { runMain } from './support/machine';
import { printLine } from './support/output';
import { createClient } from './support/postJson';
import { startServiceOn } from './support/startBenchService';
import { startCosmosProcess } from './support/startCosmosProcess';
import { storeLatencyMs } from './support/storeLatency';
import { runExchange, type ExchangeKind } from './turn/exchangeCycle';

/** One store call, in ms from when the turn was posted. */
interface Call {
  what: string;
  start: number;
  end?: number;
  background: boolean;
  /** An HTTP request to the store (BENCH_WAVES_HTTP), not a store call. */
  http?: true;
}

interface TracedTurn {
  reply: number;
  calls: Call[];
  /** CPU of this process (service, client) during the turn, ms. */
  cpu: number;
  /** CPU of the Cosmos-protocol server's process during the turn, ms (counted in 10 ms ticks). */
  serverCpu: number;
}

const EXCHANGES = Number(process.env.BENCH_WAVES_EXCHANGES ?? 8);
/** Where to write a CPU profile of each timed turn posted on an idle service (`<prefix>-<kind>-<n>.cpuprofile`). */
const PROFILE = process.env.BENCH_WAVES_PROFILE;
/** The profiles' sampling interval: a turn lasts tens of milliseconds. */
const PROFILE_INTERVAL_US = 100;
/** Also list each HTTP request to the store, when it was written and when its answer was read. */
const HTTP = process.env.BENCH_WAVES_HTTP === '1';

/**
 * Where the exchange's timed turns (send, approve, accept) spend their time with a remote store:
 * every store call, its start and end in ms from when the turn was posted, and when the answer
 * came back, over the Cosmos-protocol server behind the latency proxy; calls of deliveries are
 * marked `bg`. The turns are traced twice: posted as soon as the turn before was answered, then
 * once the service is idle. Prints the median turn of each kind call by call, and the proxy's holds.
 * Also prints, per kind, the time from the turn's last store call to its answer and how many
 * store calls of deliveries began before the answer, and the CPU of this process and of the store's.
 * Run: `npm run build && node dist/bench/decisionWaves.js [--store-latency-ms 5]`
 * (`BENCH_WAVES_PROXY=here` runs the proxy in this process, as it was run before;
 * `BENCH_WAVES_HTTP=1` lists each HTTP request to the store beside the store calls, and counts each
 * turn's HTTP requests per wave and how long each wave took;
 * `BENCH_WAVES_PROFILE=prefix` writes a CPU profile of each turn posted on an idle service).
 */
async function main(): Promise<void> {
  const latencyMs = storeLatencyMs();
  const cosmos = await startCosmosProcess();
  const inProcess = process.env.BENCH_WAVES_PROXY === 'here';
  const proxy = await startLatencyProxy(cosmos.endpoint, latencyMs, { inProcess });
  const connector = await startAcceptingConnector();
  const client = createClient(4);
  const running = await startServiceOn(
    { kind: 'cosmos', cosmos, endpoint: proxy.endpoint, database: 'bench-waves' },
    1,
  );
  const session = new Session();
  session.connect();
  try {
    const { service } = running;
    const visitorId = running.visitorIds[0] as string;
    const visitor = actorFor(visitorId, 'waves-visitor');
    const on = {
      url: service.url,
      store: service.store,
      post: (url: string, body: unknown) =>
        client.post(url, { ...(body as Record<string, unknown>), serviceUrl: connector.url }),
    };
    const calls = timeStoreCalls(service);
    await runExchange(on, visitor, visitorId, (_kind, turn) => turn());
    for (const idleFirst of [false, true]) {
      const heldBefore = (await proxy.holds()).length;
      const turns: Record<ExchangeKind, TracedTurn[]> = { send: [], approve: [], accept: [] };
      for (let n = 0; n < EXCHANGES; n += 1)
        await runExchange(on, visitor, visitorId, async (kind, turn) => {
          if (idleFirst) await service.dispatcher.idle();
          const profile = idleFirst && PROFILE ? `${PROFILE}-${kind}-${n}` : undefined;
          if (profile) {
            await session.post('Profiler.enable');
            await session.post('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
            await session.post('Profiler.start');
          }
          const from = calls.length;
          const cpuBefore = cpuMs(cosmos.pid);
          const begin = performance.now();
          const result = await turn();
          const reply = performance.now() - begin;
          const cpuAfter = cpuMs(cosmos.pid);
          const cpu = cpuAfter.own - cpuBefore.own;
          const serverCpu = cpuAfter.server - cpuBefore.server;
          if (profile)
            writeFileSync(
              `${profile}.cpuprofile`,
              JSON.stringify((await session.post('Profiler.stop')).profile),
            );
          const own = calls.slice(from).map((c) => ({
            ...c,
            start: c.start - begin,
            ...(c.end === undefined ? {} : { end: c.end - begin }),
          }));
          turns[kind].push({ reply, calls: own, cpu, serverCpu });
          return result;
        });
      await service.dispatcher.idle();
      printLine(
        `\n=== ${idleFirst ? 'each timed turn posted once the service is idle' : 'posted as soon as the turn before was answered'} ===`,
      );
      printLine(
        describeHolds((await proxy.holds()).slice(heldBefore), latencyMs) +
          (inProcess ? ' (in this process)' : ''),
      );
      for (const [kind, list] of Object.entries(turns)) printTurns(kind, list);
    }
  } finally {
    session.disconnect();
    client.close();
    await running.stop();
    await connector.stop();
    await proxy.stop();
    await cosmos.stop();
  }
}

/** Every HTTP request this process sends from now on (to the store: the service sends nothing else while traced). */
function traceHttpRequests(calls: Call[], background: AsyncLocalStorage<true>): void {
  const started = new WeakMap<object, Call>();
  diagnostics.subscribe('http.client.request.start', (message) => {
    const { request } = message as { request: { method: string; path: string } };
    if (request.path === '/api/messages') return;
    const call: Call = {
      what: `  http ${request.method} ${request.path.replace(/^\/dbs\/[^/]+\/colls\//, '').slice(0, 50)}`,
      start: performance.now(),
      background: background.getStore() === true,
      http: true,
    };
    started.set(request, call);
    calls.push(call);
  });
  diagnostics.subscribe('http.client.response.finish', (message) => {
    const call = started.get((message as { request: object }).request);
    if (call) call.end = performance.now();
  });
}

/**
 * Every call to the service's store from now on, with its times; calls of deliveries and of what a
 * decision files after its answer marked background.
 */
function timeStoreCalls(service: RunningService): Call[] {
  const background = new AsyncLocalStorage<true>();
  const calls: Call[] = [];
  if (HTTP) traceHttpRequests(calls, background);
  markBackgroundWork(service, background);
  const target = service.store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const operation of STORE_REQUESTS) {
    const original = target[operation] as (...args: unknown[]) => Promise<unknown>;
    target[operation] = (...args: unknown[]) => {
      const call: Call = {
        what: `${operation} ${String(args[0])}`,
        start: performance.now(),
        background: background.getStore() === true,
      };
      calls.push(call);
      return original.apply(service.store, args).finally(() => (call.end = performance.now()));
    };
  }
  return calls;
}

function printTurns(kind: string, list: TracedTurn[]): void {
  const sorted = [...list].sort((a, b) => a.reply - b.reply);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) return;
  const cpu = median(list.map((t) => t.cpu));
  // The server's CPU is counted in 10 ms ticks: only its mean over the turns says anything.
  const serverCpu = list.reduce((sum, t) => sum + t.serverCpu, 0) / list.length;
  printLine(
    `${kind}: reply p50 ${middle.reply.toFixed(1)} ms (min ${sorted[0]?.reply.toFixed(1)}, max ${sorted.at(-1)?.reply.toFixed(1)}), CPU of this process p50 ${cpu.toFixed(1)} ms, of the store's mean ${serverCpu.toFixed(1)} ms; the median turn:`,
  );
  for (const c of middle.calls)
    printLine(
      `  ${c.background ? 'bg' : '  '} ${c.start.toFixed(1).padStart(6)} → ${(c.end ?? NaN).toFixed(1).padStart(6)}  ${c.what}`,
    );
  printLine(`     answered at ${middle.reply.toFixed(1)}`);
  const storeCalls = (t: TracedTurn) => t.calls.filter((c) => !c.http);
  const tails = list.map(
    (t) =>
      t.reply -
      Math.max(
        ...storeCalls(t)
          .filter((c) => !c.background)
          .map((c) => c.end ?? NaN),
      ),
  );
  const early = list.map((t) => storeCalls(t).filter((c) => c.background && c.start < t.reply).length);
  printLine(
    `     ${kind}: from its last store call's answer to its own, p50 ${median(tails).toFixed(1)} ms; store calls of deliveries begun before the answer: ${early.reduce((a, b) => a + b, 0)} in ${list.length} turns`,
  );
  if (HTTP) {
    const waves = list.map((t) => httpWaves(t.calls));
    const counts = waves.map((turn) => turn.map((wave) => wave.length).join(' / '));
    printLine(`     ${kind}: HTTP requests per wave, turn by turn: ${counts.join(', ')}`);
    const lengths = [0, 1, 2].map((n) =>
      median(waves.map((turn) => lastAnswer(turn[n]) - (n === 0 ? 0 : lastAnswer(turn[n - 1])))),
    );
    printLine(
      `     ${kind}: from the post (or the wave before's last answer) to each wave's last answer, p50: ${lengths.map((ms) => ms.toFixed(1)).join(' / ')} ms`,
    );
  }
}

/**
 * The turn's own HTTP requests (not its deliveries'), wave by wave: a request begun after an
 * answer of the wave before had come back starts a new wave (it may have waited for that answer);
 * one begun before any answer of the current wave belongs to it.
 */
function httpWaves(calls: readonly Call[]): Call[][] {
  const own = calls.filter((c) => c.http && !c.background).sort((a, b) => a.start - b.start);
  const waves: Call[][] = [];
  let firstAnswer = Number.NEGATIVE_INFINITY;
  for (const call of own) {
    if (waves.length === 0 || call.start > firstAnswer) {
      waves.push([]);
      firstAnswer = Number.POSITIVE_INFINITY;
    }
    waves.at(-1)?.push(call);
    firstAnswer = Math.min(firstAnswer, call.end ?? Number.POSITIVE_INFINITY);
  }
  return waves;
}

/** When a wave's last answer came back, in ms from the post (NaN for a wave the turn did not have). */
function lastAnswer(wave: readonly Call[] | undefined): number {
  return wave ? Math.max(...wave.map((c) => c.end ?? NaN)) : NaN;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
}

if (require.main === module) runMain('decision_waves', 180_000, main);
