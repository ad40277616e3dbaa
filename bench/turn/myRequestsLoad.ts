import type { ContainerName } from '../../src/store/containers';
import type { Doc, DocumentStore, Query } from '../../src/store/documentStore';
import { actorFor, message, type Actor } from '../../test/support/activities';
import { traceStore } from '../../test/support/storeTrace';
import { startEchoBot } from '../echoBot';
import { cpuMs, startCpuProfile } from '../support/cpuProfile';
import { describeMachine, runMain } from '../support/machine';
import { printLine } from '../support/output';
import { createClient } from '../support/postJson';
import { startServiceOn, type StoreService } from '../support/startBenchService';
import { startCosmosProcess, type CosmosProcess } from '../support/startCosmosProcess';
import { round } from '../support/stats';
import { OPENING } from './exchangeCycle';
import { runLoad } from './runLoad';

/**
 * "My requests" alone, on one target, for as long as asked: for CPU profiles of the common turn
 * (`MY_REQUESTS_PROFILE=/tmp/turn.cpuprofile node dist/bench/turn/myRequestsLoad.js embedded`) and quick before/after runs.
 * Targets: `embedded`, `cosmos` (the Cosmos-protocol server in its own process, so a profile of
 * this process holds our side only), `echo` (the baseline bot) or `cosmos-by-id`: a what-if, not
 * the service as it is. As `cosmos`, but the person's requests query is answered by a point read of
 * one document by id (their directory entry) and an empty list, which is what the card shows here
 * (these visitors have no requests stored): what "my requests" would cost if each visitor's list
 * were kept on one document read by id. As in the turn benchmark, each
 * conversation is a different person with a request open at its purpose question.
 * Settings: MY_REQUESTS_CONVERSATIONS (16), MY_REQUESTS_SECONDS (20). Prints one JSON line, with
 * the store calls of one turn counted (not timed) and the CPU time a turn cost.
 */
type Target = 'embedded' | 'cosmos' | 'echo' | 'cosmos-by-id';
const TARGETS: readonly Target[] = ['embedded', 'cosmos', 'echo', 'cosmos-by-id'];
const CONVERSATIONS = Number(process.env.MY_REQUESTS_CONVERSATIONS ?? 16);
const SECONDS = Number(process.env.MY_REQUESTS_SECONDS ?? 20);
const WARM_UP_MS = 2_000;
const COUNTED_TURNS = 5;

async function main(): Promise<void> {
  const target = process.argv[2] as Target;
  if (!TARGETS.includes(target)) throw new Error(`name a target: ${TARGETS.join(', ')}`);
  const client = createClient(CONVERSATIONS);
  let cosmos: CosmosProcess | undefined;
  let running: StoreService | undefined;
  const echo = target === 'echo' ? await startEchoBot() : undefined;
  try {
    if (target === 'cosmos' || target === 'cosmos-by-id') cosmos = await startCosmosProcess();
    if (target !== 'echo')
      running = await startServiceOn(
        cosmos ? { kind: 'cosmos', cosmos, database: 'bench-my-requests' } : { kind: 'embedded' },
        CONVERSATIONS,
      );
    if (running && target === 'cosmos-by-id')
      await answerRequestListsById(running.service.store, running.visitorIds);
    const url = running?.service.url ?? (echo?.url as string);
    const ids = running?.visitorIds ?? Array.from({ length: CONVERSATIONS }, (_, i) => `echo-${i}`);
    const actors = ids.map((id, i) => actorFor(id, `my-requests-${target}-${i}`));
    const ask = async (actor: Actor, text: string, expect: RegExp) => {
      const { status, body } = await client.post(`${url}/api/messages`, message(actor, text));
      return status === 200 && expect.test(body);
    };
    const expected = echo ? /You said/ : /Your requests/;
    if (running)
      for (const actor of actors) {
        await ask(actor, 'hello', /./);
        if (!(await ask(actor, OPENING, /why/i))) throw new Error('no request was begun');
      }
    const turn = (i: number) => ask(actors[i] as Actor, 'my requests', expected);
    const storeCalls = running ? await countStoreCalls(running, () => turn(0)) : 0;
    await runLoad(CONVERSATIONS, WARM_UP_MS, Number.MAX_SAFE_INTEGER, turn);
    const profile = await startCpuProfile(process.env.MY_REQUESTS_PROFILE);
    const cpuBefore = cpuMs(cosmos?.pid);
    const result = await runLoad(CONVERSATIONS, SECONDS * 1000, Number.MAX_SAFE_INTEGER, turn);
    const cpuAfter = cpuMs(cosmos?.pid);
    await profile?.stop();
    const turns = result.count;
    printLine(
      JSON.stringify({
        bench: 'my_requests_load',
        target,
        conversations: CONVERSATIONS,
        turns_per_s: result.turnsPerSecond,
        p50_ms: result.p50,
        p99_ms: result.p99,
        errors: result.errors,
        store_calls_per_turn: storeCalls,
        cpu_ms_per_turn: round((cpuAfter.own - cpuBefore.own) / turns, 3),
        store_process_cpu_ms_per_turn: round((cpuAfter.server - cpuBefore.server) / turns, 3),
        machine: describeMachine(),
      }),
    );
  } finally {
    client.close();
    await running?.stop();
    await echo?.close();
    await cosmos?.stop();
  }
}

/**
 * The what-if of `cosmos-by-id`: a visitor's newest requests (the only query with a partition
 * and an order a "my requests" turn makes) become a point read by id and the empty list the
 * query gives these visitors (checked first).
 */
async function answerRequestListsById(store: DocumentStore, visitorIds: string[]): Promise<void> {
  const [query, read] = [store.query.bind(store), store.read.bind(store)];
  for (const id of visitorIds)
    if ((await query('requests', { partitionKey: id })).length > 0)
      throw new Error(`visitor ${id} has requests stored: the what-if would show less than the service`);
  store.query = async <T extends Doc>(container: ContainerName, spec?: Query): Promise<T[]> => {
    if (container !== 'requests' || !spec?.partitionKey || !spec.orderBy) return query<T>(container, spec);
    await read('people', spec.partitionKey, spec.partitionKey);
    return [];
  };
}

/** Store calls of one turn, on average over a few after two to warm up. */
async function countStoreCalls(running: StoreService, turn: () => Promise<boolean>): Promise<number> {
  for (let n = 0; n < 2; n += 1) await turn();
  const trace = traceStore(running.service.store);
  try {
    const from = trace.mark();
    for (let n = 0; n < COUNTED_TURNS; n += 1)
      if (!(await turn())) throw new Error('a turn was not answered as expected');
    return round(trace.between(from, trace.mark()).length / COUNTED_TURNS, 2);
  } finally {
    trace.restore();
  }
}

if (require.main === module) runMain('my_requests_load', (SECONDS + 120) * 1000, main);
