import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_IDS } from '../src/demo/demoOrganisation';
import type { DocumentStore } from '../src/store/documentStore';
import { morningOf, personOf, seedWorkflow, submitFor, VISIT_DAY } from '../test/support/workflowFixtures';
import {
  APP_PER_SECOND,
  CONVERSATION_PER_SECOND,
  startLimitedConnector,
  type LimitedConnector,
} from './fanout/startLimitedConnector';
import { slotSpacingMicros, TEAMS_PER_SECOND } from '../src/app/sending/reserveSendSlots';
import { runWorker, type WorkerUsage } from './fanout/runWorker';
import { summariseSendTrace } from './fanout/summariseSendTrace';
import { crowdedSecond, type CrowdedRequest } from './fanout/crowdedSecond';
import { conversationIdOf, queueRound, seedRecipients } from './fanout/seedRecipients';
import { describeMachine, runMain } from './support/machine';
import { printFigures, printLine } from './support/output';
import { printTable } from './support/printTable';
import { startCosmosProcess } from './support/startCosmosProcess';
import { describeLatency, round, type Latency } from './support/stats';
import { busiestSecond } from '../test/support/steppedTime';

/**
 * Fan-out benchmark: one proactive message to each of 2,000 people (FANOUT_RECIPIENTS) through
 * the real outbox, deliverDue, TeamsDeliverer and SendRateLimiter, to a loopback connector that
 * enforces Teams' limits (50 a second per app, 7 a second per conversation, 429 with Retry-After
 * past them). Round 1 runs straight through; round 2 is killed (SIGKILL) half-way and resumed by a
 * fresh instance over the same store; round 3 is sent by two instances (two worker processes) at
 * once over the same Cosmos-protocol server, as two replicas of the service would. Duplicates and
 * losses are counted per conversation, and the connector notes the most messages it was sent
 * (accepted or not) within any one second. Rounds 4 and 5 are round 1 with the connector
 * throttling the app for one second half-way (every message answered 429 with Retry-After 1), first
 * with a 429 holding back only its own message (as before), then with the shared schedule paused
 * for every instance. Each round prints its JSON line as soon as it ends.
 * Run: `npm run build && node dist/bench/fanout.js` (FANOUT_RATE=45 to try another limiter rate;
 * FANOUT_ANSWER_DELAY_MS=200 to have the connector answer each request that long after reading it,
 * as Teams far away does).
 */
const RECIPIENTS = Number(process.env.FANOUT_RECIPIENTS ?? 2_000);
const DATABASE = 'bench-fanout';
/** The claims of a killed instance last a minute; the fresh instance runs as if that had passed. */
const RESUME_SHIFT_MS = 61_000;
const LIMIT_MS = 295_000;
/** How long the connector throttles the app in the throttled rounds. */
const THROTTLE_MS = 1_000;
/** FANOUT_ROUNDS=straight,two_instances runs only those rounds (names as printed); unset: all five. */
const ROUNDS = process.env.FANOUT_ROUNDS?.split(',').map((name) => name.trim());
const runs = (name: string) => ROUNDS === undefined || ROUNDS.includes(name);

interface RoundFigures {
  recipients: number;
  accepted: number;
  throttled429: number;
  duplicates: number;
  lost: number;
  sendSeconds: number;
  wallSeconds: number;
  sendRate: number;
  efficiency: number;
  /** The most messages sent to the connector within any one second, 429s included. */
  peakPerSecond: number;
  killedAfter?: number;
  /** Messages claimed but not marked sent when the instance was killed: the most that can arrive twice. */
  inFlightAtKill?: number;
  instances: number;
  /** CPU time of the sending instance per message (start-up included). */
  cpuMsPerMessage?: number;
  /** Resident memory of each sending instance when it finished, MiB. */
  workerRssMiB?: number[];
  /**
   * The most sends the limiters let go within any one second, by the senders' clock (all
   * instances together). The connector's own figure can be higher when it is itself starved of
   * CPU and takes several waiting requests at one instant.
   */
  maxGrantedPerSecond?: number;
  workerExit?: Array<number | string>;
  /** Delivery runs a worker saw fail (the store did not answer) and followed with another. */
  failedRuns?: number;
  /** Where the time between sends went (see timingOf). */
  timing?: Timing;
}

interface Timing {
  /** How long after its slot each send was let go, ms. */
  lateMs: Latency;
  /** From being let go to the connector reading the request, ms. */
  transitMs: Latency;
  /** Slots given up because the sender woke too late for them. */
  misses: number;
  /** Gaps of more than 3 slots between requests read by the connector: how many, and their time in all. */
  longGaps: number;
  longGapsSeconds: number;
  /** Store requests per message sent, by operation and container, all instances together. */
  storeCallsPerMessage: Record<string, number>;
}

async function main(): Promise<void> {
  const started = performance.now();
  const cosmos = await startCosmosProcess();
  const connector = await startLimitedConnector({
    answerDelayMs: Number(process.env.FANOUT_ANSWER_DELAY_MS ?? 0),
  });
  try {
    const store = await cosmos.openStore(DATABASE);
    const workflow = await seedWorkflow(store);
    const request = await submitFor(
      workflow,
      await personOf(workflow.services, DEMO_IDS.alex),
      morningOf(VISIT_DAY),
    );
    await clearOutbox(store);
    const recipients = await seedRecipients(store, RECIPIENTS, connector.url);
    const env = {
      FANOUT_COSMOS_ENDPOINT: cosmos.endpoint,
      FANOUT_COSMOS_KEY: cosmos.key,
      FANOUT_DATABASE: DATABASE,
      ...(process.env.FANOUT_RATE ? { FANOUT_RATE: process.env.FANOUT_RATE } : {}),
    };

    const done: Array<[string, RoundFigures]> = [];
    const keep = (
      name: string,
      label: (r: RoundFigures) => string,
      figures: RoundFigures,
      usages: ReadonlyArray<WorkerUsage | undefined> = [],
    ) => {
      printRound(name, figures);
      done.push([label(figures), figures]);
      traceSends(name, connector, usages);
    };

    if (runs('straight')) {
      await queueRound(store, recipients, request, 'round-1', new Date());
      connector.reset();
      const wall1 = performance.now();
      const worker = runWorker(env);
      const exit1 = await worker.done;
      const cpuMsPerMessage = round((worker.usage?.cpuMs ?? 0) / Math.max(1, worker.usage?.handled ?? 1), 2);
      const straight = tally(connector, RECIPIENTS, performance.now() - wall1, {
        instances: 1,
        workerExit: [exit1],
        failedRuns: worker.usage?.failedRuns ?? 0,
        cpuMsPerMessage,
        workerRssMiB: [worker.usage?.rssMiB ?? 0],
        maxGrantedPerSecond: busiestSecond(worker.usage?.granted ?? []),
        timing: timingOf(connector, [worker.usage]),
      });
      keep('straight', () => 'straight through', straight, [worker.usage]);
    }

    if (runs('killed_and_resumed')) {
      await queueRound(store, recipients, request, 'round-2', new Date());
      connector.reset();
      const wall2 = performance.now();
      const first = runWorker(env);
      const half = Math.floor(RECIPIENTS / 2);
      await Promise.race([connector.whenAccepted(half).then(() => first.child.kill('SIGKILL')), first.done]);
      const exitA = await first.done;
      const killedAfter = connector.counts.accepted;
      const inFlightAtKill = await countInFlight(store);
      const exitB = await runWorker({ ...env, FANOUT_CLOCK_SHIFT_MS: String(RESUME_SHIFT_MS) }).done;
      const resumed = tally(connector, RECIPIENTS, performance.now() - wall2, {
        instances: 1,
        killedAfter,
        inFlightAtKill,
        workerExit: [exitA, exitB],
      });
      keep(
        'killed_and_resumed',
        (r) => `killed after ${r.killedAfter} (${r.inFlightAtKill} in flight), resumed`,
        resumed,
      );
    }

    if (runs('two_instances')) {
      await queueRound(store, recipients, request, 'round-3', new Date());
      connector.reset();
      const wall3 = performance.now();
      const pair = [runWorker(env), runWorker(env)];
      const exits = await Promise.all(pair.map((w) => w.done));
      const twoInstances = tally(connector, RECIPIENTS, performance.now() - wall3, {
        instances: 2,
        workerExit: exits,
        failedRuns: pair.reduce((sum, w) => sum + (w.usage?.failedRuns ?? 0), 0),
        workerRssMiB: pair.map((w) => w.usage?.rssMiB ?? 0),
        maxGrantedPerSecond: busiestSecond(pair.flatMap((w) => w.usage?.granted ?? [])),
        timing: timingOf(
          connector,
          pair.map((w) => w.usage),
        ),
      });
      keep(
        'two_instances',
        () => 'two instances at once',
        twoInstances,
        pair.map((w) => w.usage),
      );
    }

    for (const [name, label, extraEnv] of [
      [
        'throttled_1s_own_message_waits',
        'throttled 1 s, only the 429 waits',
        { FANOUT_NO_SHARED_PAUSE: '1' },
      ],
      ['throttled_1s_shared_pause', 'throttled 1 s, shared pause', {}],
    ] as const) {
      if (!runs(name)) continue;
      await queueRound(store, recipients, request, `round-${name}`, new Date());
      connector.reset();
      const wall = performance.now();
      const throttledWorker = runWorker({ ...env, ...extraEnv });
      void connector.whenAccepted(Math.floor(RECIPIENTS / 2)).then(() => connector.throttleFor(THROTTLE_MS));
      const exit = await throttledWorker.done;
      const figures = tally(connector, RECIPIENTS, performance.now() - wall, {
        instances: 1,
        workerExit: [exit],
        maxGrantedPerSecond: busiestSecond(throttledWorker.usage?.granted ?? []),
      });
      keep(name, () => label, figures);
    }

    report(done, performance.now() - started);
  } finally {
    await connector.stop();
    await cosmos.stop();
  }
}

/**
 * With FANOUT_TRACE_SENDS=DIR: writes DIR/<round>.json, each instance's sends (slot, when it went,
 * when it was handed to fetch, when the connector read it) and the slots it reserved, and prints
 * where the round's time went (see summariseSendTrace).
 */
function traceSends(
  name: string,
  connector: LimitedConnector,
  usages: ReadonlyArray<WorkerUsage | undefined>,
): void {
  const dir = process.env.FANOUT_TRACE_SENDS;
  if (!dir || usages.length === 0) return;
  const arrivals = connector.counts.firstArrival;
  const instances = usages.map((usage) => ({
    reserved: usage?.reserved ?? [],
    sends: (usage?.sends ?? []).map((send) => ({ ...send, arrived: arrivals.get(send.conversation) })),
    fetches: usage?.fetches ?? [],
    collections: usage?.collections ?? [],
  }));
  mkdirSync(dir, { recursive: true });
  const requests = connector.counts.requests;
  const crowded = crowdedSecond(requests, instances);
  writeFileSync(
    path.join(dir, `${name}.json`),
    JSON.stringify({ round: name, instances, requests, crowded }),
  );
  printFigures('fanout_trace', {
    round: name,
    ...summariseSendTrace(instances),
    ...(crowded ? { crowdedSecond: describeCrowded(crowded) } : {}),
  });
}

/** The crowded second in short: its requests by kind, and the first and last of them (the rest are in the trace file). */
function describeCrowded(crowded: readonly CrowdedRequest[]): Record<string, unknown> {
  const kinds: Record<string, number> = {};
  for (const request of crowded) kinds[request.kind] = (kinds[request.kind] ?? 0) + 1;
  return { requests: crowded.length, kinds, first: crowded[0], last: crowded[crowded.length - 1] };
}

/** How late sends were let go, how long they took to reach the connector, and the gaps between them. */
function timingOf(connector: LimitedConnector, usages: ReadonlyArray<WorkerUsage | undefined>): Timing {
  const arrivals = connector.counts.firstArrival;
  const transit: number[] = [];
  for (const usage of usages)
    for (const [conversation, at] of Object.entries(usage?.grantedTo ?? {})) {
      const arrived = arrivals.get(conversation);
      if (arrived !== undefined) transit.push(arrived - at);
    }
  const times = [...arrivals.values()].sort((a, b) => a - b);
  const slotMs = slotSpacingMicros(Number(process.env.FANOUT_RATE ?? TEAMS_PER_SECOND), usages.length) / 1000;
  let longGaps = 0;
  let longGapsMs = 0;
  for (let i = 1; i < times.length; i += 1) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (gap > 3 * slotMs) {
      longGaps += 1;
      longGapsMs += gap;
      if (process.env.FANOUT_TRACE_GAPS) traceGap(times, i, arrivals, usages);
    }
  }
  return {
    lateMs: describeLatency(usages.flatMap((u) => u?.lateMs ?? [])),
    transitMs: describeLatency(transit),
    misses: usages.reduce((sum, u) => sum + (u?.misses ?? 0), 0),
    longGaps,
    longGapsSeconds: round(longGapsMs / 1000, 2),
    storeCallsPerMessage: perMessage(usages, Math.max(1, connector.counts.accepted)),
  };
}

/** With FANOUT_TRACE_GAPS set: where a long gap fell, and which instance sent either side of it. */
function traceGap(
  times: readonly number[],
  i: number,
  arrivals: ReadonlyMap<string, number>,
  usages: ReadonlyArray<WorkerUsage | undefined>,
): void {
  const senderOf = (at: number) => {
    for (const [conversation, arrived] of arrivals)
      if (arrived === at) return usages.findIndex((u) => u?.grantedTo?.[conversation] !== undefined);
    return -1;
  };
  const [before, after] = [times[i - 1] as number, times[i] as number];
  console.error(
    `gap ${round(after - before, 1)} ms at ${round(before % 100_000, 0)} ` +
      `(message ${i} of ${times.length}), sender before ${senderOf(before)}, after ${senderOf(after)}`,
  );
}

function perMessage(
  usages: ReadonlyArray<WorkerUsage | undefined>,
  messages: number,
): Record<string, number> {
  const total: Record<string, number> = {};
  for (const usage of usages)
    for (const [name, count] of Object.entries(usage?.storeCalls ?? {}))
      total[name] = (total[name] ?? 0) + count;
  const all = Object.values(total).reduce((sum, n) => sum + n, 0);
  return Object.fromEntries([
    ['all', round(all / messages, 2)],
    ...Object.entries(total)
      .sort(([, a], [, b]) => b - a)
      .map(([name, count]) => [name, round(count / messages, 3)]),
  ]);
}

/** Messages an instance had claimed and not yet marked: the ones a kill leaves in flight. */
async function countInFlight(store: DocumentStore): Promise<number> {
  return (await store.query('outbox', { where: [{ field: 'status', op: '=', value: 'sending' }] })).length;
}

async function clearOutbox(store: DocumentStore): Promise<void> {
  for (const doc of await store.query('outbox'))
    await store.delete('outbox', String(doc.id), String(doc.personId));
}

function tally(
  connector: LimitedConnector,
  recipients: number,
  wallMs: number,
  extra: Partial<RoundFigures> & { instances: number },
): RoundFigures {
  const { counts } = connector;
  let duplicates = 0;
  let lost = 0;
  for (let i = 0; i < recipients; i += 1) {
    const got = counts.perConversation.get(conversationIdOf(i)) ?? 0;
    if (got === 0) lost += 1;
    duplicates += Math.max(0, got - 1);
  }
  const sendSeconds = (counts.lastAt - counts.firstAt) / 1000;
  const sendRate = sendSeconds > 0 ? (counts.accepted - 1) / sendSeconds : 0;
  return {
    recipients,
    accepted: counts.accepted,
    throttled429: counts.throttled,
    duplicates,
    lost,
    sendSeconds: round(sendSeconds, 1),
    wallSeconds: round(wallMs / 1000, 1),
    sendRate: round(sendRate, 1),
    efficiency: round(sendRate / APP_PER_SECOND, 3),
    peakPerSecond: counts.peakAttemptsPerSecond,
    ...extra,
  };
}

/** One JSON line per round, printed as the round ends, so a run cut short still shows what it measured. */
function printRound(round: string, r: RoundFigures): void {
  printFigures('fanout', {
    round,
    instances: r.instances,
    recipients: r.recipients,
    limits: { appPerSecond: APP_PER_SECOND, conversationPerSecond: CONVERSATION_PER_SECOND },
    limiterRate: process.env.FANOUT_RATE ? Number(process.env.FANOUT_RATE) : 'default',
    efficiency: r.efficiency,
    maxPerSecond: r.peakPerSecond,
    ...(r.maxGrantedPerSecond !== undefined ? { maxGrantedPerSecond: r.maxGrantedPerSecond } : {}),
    throttled429: r.throttled429,
    lost: r.lost,
    duplicates: r.duplicates,
    ...(r.inFlightAtKill !== undefined
      ? { inFlightAtKill: r.inFlightAtKill, killedAfter: r.killedAfter }
      : {}),
    sendRate: r.sendRate,
    sendSeconds: r.sendSeconds,
    wallSeconds: r.wallSeconds,
    ...(r.cpuMsPerMessage !== undefined ? { cpuMsPerMessage: r.cpuMsPerMessage } : {}),
    ...(r.workerRssMiB ? { workerRssMiB: r.workerRssMiB } : {}),
    ...(r.timing ? { timing: r.timing } : {}),
    workerExit: r.workerExit,
    ...(r.failedRuns ? { failedRuns: r.failedRuns } : {}),
    machine: describeMachine(),
  });
}

function report(rounds: ReadonlyArray<[string, RoundFigures]>, elapsedMs: number): void {
  printLine();
  const row = (name: string, r: RoundFigures) => [
    name,
    r.instances,
    r.accepted,
    r.throttled429,
    r.duplicates,
    r.lost,
    r.sendSeconds,
    r.sendRate,
    r.peakPerSecond,
    r.efficiency.toFixed(3),
  ];
  printTable(
    [
      'round',
      'instances',
      'sent',
      '429s',
      'duplicates',
      'lost',
      'send s',
      'per s',
      'peak in 1 s',
      'efficiency',
    ],
    rounds.map(([name, r]) => row(name, r)),
  );
  printLine(`\n${round(elapsedMs / 1000, 1)} s in all`);
}

if (require.main === module) runMain('fanout', LIMIT_MS, main);
