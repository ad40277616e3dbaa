import { actorFor, type Actor } from '../test/support/activities';
import { startEchoBot } from './echoBot';
import { ask } from './support/askBot';
import { cpuMs, startCpuProfile } from './support/cpuProfile';
import { describeMachine, runMain } from './support/machine';
import { printLine } from './support/output';
import { createClient } from './support/postJson';
import { startServiceOn, type StoreService } from './support/startBenchService';
import { startCosmosProcess, type CosmosProcess } from './support/startCosmosProcess';
import { round } from './support/stats';
import { OPENING, PURPOSE } from './turn/exchangeCycle';

/**
 * CPU of one host search turn, apart from the "back" turn that `request_step` alternates it with
 * and from the echo bot's turn: one conversation, one turn at a time, each turn's CPU (this process:
 * service and client together; on the Cosmos-protocol server also that server's process) added to
 * its kind. Counted in CPU, not turns a second, so it holds on a busy machine far better than the
 * turn benchmark's ratios. With SEARCH_CPU_PROFILE=FILE, the first store's search turns are
 * CPU-profiled into FILE: only the samples taken while a search turn was under way are kept.
 * Run: `npm run build && node scripts/node24.cjs dist/bench/searchTurnCpu.js`, with
 * SEARCH_CPU_STORES (default `embedded,cosmos`) and SEARCH_CPU_TURNS (default 300 of each kind,
 * after 50 to warm up).
 */
const STORES = (process.env.SEARCH_CPU_STORES ?? 'embedded,cosmos').split(',') as Array<
  'embedded' | 'cosmos'
>;
const TURNS = Number(process.env.SEARCH_CPU_TURNS ?? 300);
const WARM_UP = 50;
const LIMIT_MS = 290_000;
const PROFILE = process.env.SEARCH_CPU_PROFILE;

type Client = ReturnType<typeof createClient>;
interface Spent {
  own: number;
  server: number;
  turns: number;
}

async function timed(spent: Spent, storePid: number | undefined, turn: () => Promise<boolean>) {
  const before = cpuMs(storePid);
  const ok = await turn();
  const after = cpuMs(storePid);
  if (!ok) throw new Error('a turn was not answered as expected');
  spent.own += after.own - before.own;
  spent.server += after.server - before.server;
  spent.turns += 1;
}

const perTurn = (spent: Spent) => ({
  cpu_ms_per_turn: round(spent.own / Math.max(1, spent.turns), 3),
  store_process_cpu_ms_per_turn: round(spent.server / Math.max(1, spent.turns), 3),
});

async function measureStore(
  client: Client,
  store: 'embedded' | 'cosmos',
  service: StoreService,
  cosmos: CosmosProcess | undefined,
  profileTo: string | undefined,
): Promise<void> {
  const url = service.service.url;
  const actor = actorFor(service.visitorIds[0] as string, `search-cpu-${store}`);
  await ask(client, url, actor, 'hello', /./);
  if (!(await ask(client, url, actor, OPENING, /why/i)))
    throw new Error(`the request conversation did not ask for a purpose (${store})`);
  const search = () => ask(client, url, actor, PURPOSE, /Choose a host and a time/);
  const back = () => ask(client, url, actor, 'back', /Why would you like to go/);
  for (let n = 0; n < WARM_UP; n += 1) {
    await search();
    await back();
  }
  const pid = store === 'cosmos' ? cosmos?.pid : undefined;
  const searches: Spent = { own: 0, server: 0, turns: 0 };
  const backs: Spent = { own: 0, server: 0, turns: 0 };
  const profile = await startCpuProfile(profileTo);
  const searching: Array<[bigint, bigint]> = [];
  for (let n = 0; n < TURNS; n += 1) {
    const from = process.hrtime.bigint() / 1000n;
    await timed(searches, pid, search);
    searching.push([from, process.hrtime.bigint() / 1000n]);
    await timed(backs, pid, back);
  }
  await profile?.stop((at) => searching.some(([from, to]) => at >= from && at <= to));
  printLine(
    JSON.stringify({ bench: 'search_turn_cpu', store, kind: 'search', turns: TURNS, ...perTurn(searches) }),
  );
  printLine(
    JSON.stringify({ bench: 'search_turn_cpu', store, kind: 'back', turns: TURNS, ...perTurn(backs) }),
  );
}

async function main(): Promise<void> {
  const client = createClient(1);
  const echo = await startEchoBot();
  let cosmos: CosmosProcess | undefined;
  try {
    const echoActor: Actor = actorFor('be4c0000-0000-4000-8000-000000000000', 'search-cpu-echo');
    const echoes: Spent = { own: 0, server: 0, turns: 0 };
    for (let n = 0; n < WARM_UP; n += 1) await ask(client, echo.url, echoActor, `hello ${n}`, /You said/);
    for (let n = 0; n < TURNS; n += 1)
      await timed(echoes, undefined, () => ask(client, echo.url, echoActor, `hello ${n}`, /You said/));
    printLine(
      JSON.stringify({
        bench: 'search_turn_cpu',
        store: 'memory',
        kind: 'echo',
        turns: TURNS,
        ...perTurn(echoes),
      }),
    );
    for (const [index, store] of STORES.entries()) {
      if (store === 'cosmos') cosmos ??= await startCosmosProcess();
      const service = await startServiceOn(
        store === 'cosmos' && cosmos
          ? { kind: 'cosmos', cosmos, database: 'bench-search-cpu' }
          : { kind: 'embedded' },
        1,
      );
      try {
        await measureStore(client, store, service, cosmos, index === 0 ? PROFILE : undefined);
      } finally {
        await service.stop();
      }
    }
    printLine(`machine: ${JSON.stringify(describeMachine())}; ${TURNS} turns of each kind, one at a time`);
  } finally {
    client.close();
    await echo.close();
    await cosmos?.stop();
  }
}

if (require.main === module) runMain('search_turn_cpu', LIMIT_MS, main);
