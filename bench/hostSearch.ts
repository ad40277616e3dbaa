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
import { runLoad, type LoadResult } from './turn/runLoad';

/**
 * Host search only: the `request_step` kind of the turn benchmark (answering why and what to
 * learn, which finds hosts and their free times, then "back"), against the echo bot in the same
 * run, on the stores and at the concurrencies asked for. Quicker than the whole turn benchmark,
 * and small enough to run under `--cpu-prof` to see where a search spends its time.
 * Run: `npm run build && node scripts/node24.cjs dist/bench/hostSearch.js`, with
 * HOST_SEARCH_STORES (default `embedded,cosmos`), HOST_SEARCH_CONCURRENCY (default `16,64`) and
 * HOST_SEARCH_SECONDS (default 5 per cell, after 1 s of warm-up). With HOST_SEARCH_PROFILE=FILE,
 * the first store's first timed cell (after its warm-up) is CPU-profiled into FILE (.cpuprofile),
 * so the profile holds host searches only; `dist/bench/summariseCpuProfile.js` summarises it.
 * Each line also gives the CPU this process (service and load) used per turn, which changes far
 * less with how busy the machine is than turns a second, and on the Cosmos-protocol server that
 * server's own process's.
 */
const STORES = (process.env.HOST_SEARCH_STORES ?? 'embedded,cosmos').split(',') as Array<
  'embedded' | 'cosmos'
>;
const CONCURRENCY = (process.env.HOST_SEARCH_CONCURRENCY ?? '16,64').split(',').map(Number);
const CELL_MS = Number(process.env.HOST_SEARCH_SECONDS ?? 5) * 1000;
const WARM_UP_MS = 1_000;
const MAX_TURNS = 1_000_000;
const LIMIT_MS = 290_000;
const PROFILE = process.env.HOST_SEARCH_PROFILE;

type Client = ReturnType<typeof createClient>;

function step(client: Client, url: string, actor: Actor, n: number): Promise<boolean> {
  return n % 2 === 0
    ? ask(client, url, actor, PURPOSE, /Choose a host and a time/)
    : ask(client, url, actor, 'back', /Why would you like to go/);
}

interface Measured extends LoadResult {
  /** CPU of this process (service and load together) per turn, and of the Cosmos-protocol server's. */
  cpuMsPerTurn: number;
  storeCpuMsPerTurn: number;
}

async function measure(
  concurrency: number,
  turn: (conversation: number, n: number) => Promise<boolean>,
  options: { profileTo?: string; storePid?: number } = {},
): Promise<Measured> {
  await runLoad(concurrency, WARM_UP_MS, MAX_TURNS, turn);
  const profile = await startCpuProfile(options.profileTo);
  const before = cpuMs(options.storePid);
  const result = await runLoad(concurrency, CELL_MS, MAX_TURNS, turn);
  const after = cpuMs(options.storePid);
  await profile?.stop();
  return {
    ...result,
    cpuMsPerTurn: round((after.own - before.own) / Math.max(1, result.count), 3),
    storeCpuMsPerTurn: round((after.server - before.server) / Math.max(1, result.count), 3),
  };
}

async function main(): Promise<void> {
  const people = Math.max(...CONCURRENCY);
  const client = createClient(people);
  const echo = await startEchoBot();
  let cosmos: CosmosProcess | undefined;
  const running: Array<{ store: string; service: StoreService; actors: Actor[] }> = [];
  try {
    for (const store of STORES) {
      if (store === 'cosmos') cosmos = await startCosmosProcess();
      const service = await startServiceOn(
        cosmos && store === 'cosmos'
          ? { kind: 'cosmos', cosmos, database: 'bench-host-search' }
          : { kind: 'embedded' },
        people,
      );
      const url = service.service.url;
      const actors = service.visitorIds.map((id, i) => actorFor(id, `search-${store}-${i}`));
      for (const actor of actors) {
        await ask(client, url, actor, 'hello', /./);
        if (!(await ask(client, url, actor, OPENING, /why/i)))
          throw new Error(`the request conversation did not ask for a purpose (${store})`);
      }
      running.push({ store, service, actors });
    }
    for (const concurrency of CONCURRENCY) {
      const echoResult = await measure(concurrency, (i, n) =>
        ask(client, echo.url, running[0]?.actors[i] as Actor, `hello ${n}`, /You said/),
      );
      printResult('echo', 'memory', echoResult, echoResult);
      for (const [index, { store, service, actors }] of running.entries()) {
        const profileTo = index === 0 && concurrency === CONCURRENCY[0] ? PROFILE : undefined;
        const result = await measure(
          concurrency,
          (i, n) => step(client, service.service.url, actors[i] as Actor, n),
          { profileTo, storePid: store === 'cosmos' ? cosmos?.pid : undefined },
        );
        printResult('request_step', store, result, echoResult);
      }
    }
    printLine(`machine: ${JSON.stringify(describeMachine())}; cells of ${CELL_MS / 1000} s`);
  } finally {
    client.close();
    for (const { service } of running) await service.stop();
    await echo.close();
    await cosmos?.stop();
  }
}

function printResult(kind: string, store: string, result: Measured, echo: Measured): void {
  printLine(
    JSON.stringify({
      bench: 'host_search',
      kind,
      store,
      concurrency: result.concurrency,
      turns: result.count,
      turns_per_s: result.turnsPerSecond,
      p50_ms: result.p50,
      p99_ms: result.p99,
      errors: result.errors,
      ratio_vs_echo: round(result.turnsPerSecond / Math.max(0.001, echo.turnsPerSecond), 2),
      cpu_ms_per_turn: result.cpuMsPerTurn,
      ...(store === 'cosmos' ? { store_process_cpu_ms_per_turn: result.storeCpuMsPerTurn } : {}),
    }),
  );
}

if (require.main === module) runMain('host_search', LIMIT_MS, main);
