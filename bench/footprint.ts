import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedDemoOrganisation } from '../src/demo/seedDemo';
import { actorFor, message, type Actor } from '../test/support/activities';
import { findFreePort } from './footprint/freePort';
import { readRssMiB } from './footprint/sampleRss';
import { describeMachine, runMain } from './support/machine';
import { printFigures, printLine } from './support/output';
import { printTable } from './support/printTable';
import { createClient } from './support/postJson';
import { addVisitors, benchEnvironment } from './support/startBenchService';
import { startCosmosProcess } from './support/startCosmosProcess';
import { round, slope } from './support/stats';
import { runLoad } from './turn/runLoad';

/**
 * Footprint benchmark: the service started as it is deployed (`node dist/src/main.js`, Cosmos
 * settings pointing at the Cosmos-protocol server), time to a healthy /healthz, RSS at idle, then
 * RSS sampled from /proc every few seconds through two minutes of mixed turns from 16
 * conversations (read commands, request steps, help). Four of the 16 people send each turn from a
 * chat the service has not seen before, so anything kept per conversation would show as growth.
 * Run: `npm run build && node dist/bench/footprint.js`.
 */
const LOAD_MS = Number(process.env.BENCH_FOOTPRINT_LOAD_MS ?? 120_000);
const SAMPLE_MS = 5_000;
const CONVERSATIONS = 16;
/** How many of the people send every turn from a new chat (BENCH_FOOTPRINT_NEW_CHATS). */
const NEW_CHAT_PEOPLE = Number(process.env.BENCH_FOOTPRINT_NEW_CHATS ?? 4);
const DATABASE = 'bench-footprint';
const LIMIT_MS = LOAD_MS + 120_000;

async function main(): Promise<void> {
  const cosmos = await startCosmosProcess();
  const store = await cosmos.openStore(DATABASE);
  await seedDemoOrganisation(store, { today: new Date() });
  const visitorIds = await addVisitors(store, CONVERSATIONS);
  await store.close();
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'src', 'main.js')], {
    env: {
      ...process.env,
      ...benchEnvironment(cosmos, DATABASE),
      PORT: String(port),
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const client = createClient(CONVERSATIONS);
  try {
    const startupMs = await waitForHealth(url, child);
    const rssAtStart = readRssMiB(child.pid ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const rssIdle = readRssMiB(child.pid ?? 0);
    const samples = await loadAndSample(
      url,
      child.pid ?? 0,
      visitorIds.map((id, i) => actorFor(id, `footprint-${i}`)),
      client,
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const rssAfter = readRssMiB(child.pid ?? 0);
    report({ startupMs, rssAtStart, rssIdle, rssAfter, ...samples });
  } finally {
    client.close();
    child.kill('SIGTERM');
    await cosmos.stop();
  }
}

async function waitForHealth(url: string, child: ChildProcess): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the service stopped during start-up (exit ${child.exitCode})`);
    const healthy = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Samples {
  points: Array<{ seconds: number; rssMiB: number }>;
  turns: number;
  errors: number;
  turnsPerSecond: number;
}

/** The first NEW_CHAT_PEOPLE people send their n-th turn from a chat of its own. */
function chatFor(actor: Actor, i: number, n: number): Actor {
  return i < NEW_CHAT_PEOPLE ? { ...actor, conversationId: `a:footprint-${i}-chat-${n}` } : actor;
}

/** Mixed turns for LOAD_MS, RSS read every SAMPLE_MS. */
async function loadAndSample(
  url: string,
  pid: number,
  actors: Actor[],
  client: ReturnType<typeof createClient>,
): Promise<Samples> {
  const ask = async (actor: Actor, text: string) =>
    (await client.post(`${url}/api/messages`, message(actor, text))).status === 200;
  for (const actor of actors) {
    await ask(actor, 'hello');
    await ask(actor, "I'd like to spend a morning with the discharge team in two weeks");
  }
  const begin = performance.now();
  const points: Samples['points'] = [{ seconds: 0, rssMiB: readRssMiB(pid) }];
  const timer = setInterval(
    () => points.push({ seconds: round((performance.now() - begin) / 1000, 1), rssMiB: readRssMiB(pid) }),
    SAMPLE_MS,
  );
  const script = [
    // A reason with no learning aim in it: the objectives question follows, as before.
    'Because discharges from my ward keep getting delayed',
    'back',
    'my requests',
    'continue',
    'help',
    'my offers',
  ];
  const result = await runLoad(actors.length, LOAD_MS, Number.MAX_SAFE_INTEGER, (i, n) =>
    ask(chatFor(actors[i] as Actor, i, n), script[n % script.length] as string),
  );
  clearInterval(timer);
  points.push({ seconds: round((performance.now() - begin) / 1000, 1), rssMiB: readRssMiB(pid) });
  return { points, turns: result.count, errors: result.errors, turnsPerSecond: result.turnsPerSecond };
}

function report(
  figures: Samples & { startupMs: number; rssAtStart: number; rssIdle: number; rssAfter: number },
): void {
  const { points } = figures;
  const half = points.filter((p) => p.seconds >= (points[points.length - 1]?.seconds ?? 0) / 2);
  const perMinute = (list: typeof points) =>
    round(slope(list.map((p) => ({ x: p.seconds / 60, y: p.rssMiB }))), 2);
  printFigures('footprint', {
    startupMsToHealthy: round(figures.startupMs, 0),
    rssMiB: {
      atHealthy: figures.rssAtStart,
      idle: figures.rssIdle,
      startOfLoad: points[0]?.rssMiB,
      endOfLoad: points[points.length - 1]?.rssMiB,
      peakUnderLoad: Math.max(...points.map((p) => p.rssMiB)),
      afterLoad: figures.rssAfter,
    },
    slopeMiBPerMinute: { wholeLoad: perMinute(points), secondHalf: perMinute(half) },
    load: {
      seconds: LOAD_MS / 1000,
      conversations: CONVERSATIONS,
      peopleInNewChatEachTurn: NEW_CHAT_PEOPLE,
      turns: figures.turns,
      turnsPerSecond: figures.turnsPerSecond,
      errors: figures.errors,
    },
    samples: points,
    machine: describeMachine(),
  });
  printLine();
  printLine(
    `start-up to a healthy /healthz: ${Math.round(figures.startupMs)} ms; RSS ${figures.rssAtStart} MiB when healthy, ${figures.rssIdle} MiB idle, ${figures.rssAfter} MiB after the load`,
  );
  printLine(
    `${figures.turns} turns in ${LOAD_MS / 1000} s (${figures.turnsPerSecond}/s), ${figures.errors} errors; RSS slope ${perMinute(points)} MiB/min overall, ${perMinute(half)} MiB/min over the second half\n`,
  );
  printTable(
    ['seconds', 'RSS MiB'],
    points.map((p) => [p.seconds, p.rssMiB]),
  );
}

if (require.main === module) runMain('footprint', LIMIT_MS, main);
