import { AsyncLocalStorage } from 'node:async_hooks';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { seedDemoOrganisation } from '../../../src/demo/seedDemo';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { POINT_READS_UP_TO } from '../../../src/store/cosmos/cosmosDocumentStore';
import { decideAction } from '../../../src/teams/cards/decideAction';
import {
  actorFor,
  activityFrom,
  cardExecute,
  cardSubmit,
  message,
  type Actor,
} from '../../support/activities';
import { cardActions, lastCardReply } from '../../support/cards';
import {
  startCosmosServer,
  TEST_SERVER_REQUEST_TIMEOUT_MS,
  type CosmosTestServer,
} from '../../support/cosmosServer';
import { startFakeConnector } from '../../support/fakeConnector';
import { allText, postActivity, type BotReply } from '../../support/http';
import { startTestService, type TestService } from '../../support/startTestService';
import {
  crossPartitionQueries,
  sequentialRoundTrips,
  traceStore,
  type StoreCall,
  type StoreTrace,
} from '../../support/storeTrace';

/** Each person-facing turn: how many store round trips it waits for, one after another, and any cross-partition query. */
interface TurnCount {
  turn: string;
  roundTrips: number;
  crossPartition: string[];
  /** Writes of the bot's own state (conversation and user). */
  stateWrites: number;
  /** Reads of the bot's own state. */
  stateReads: number;
  /** Reads begun once the request was written (the decision saved), as `operation container`. */
  readsAfterRequestWrite: string[];
  /** HTTP requests to Cosmos DB: one per call, and one more per query for its query plan. */
  storeRequests: number;
  /** Store calls for rota months, and the people whose rotas they were. */
  rotaCalls: number;
  rotaPeople: number;
}

/**
 * Turns that wait for more than three round trips one after another, and why. Every other turn
 * waits for at most three: the person and the bot's state, what the turn needs, a write. Sending
 * a request (4, then 3, until 7 December 2026) waits for two: reads (the button names the host
 * and time, so the offer, rotas and places are read with the person and the draft); the place, the
 * request and the bot's state written side by side. Its pointers and message follow the answer.
 */
const MOST_ROUND_TRIPS: Record<string, number> = {
  // The offer catalogue and the ranking's completed exchanges on their first read in an instance.
  'request: why and what (finds hosts)': 4,
};

/**
 * HTTP requests to the store a decision or a send makes, counted on Cosmos DB, where
 * `@azure/cosmos` sends a query-plan request beside every query (so a query costs two). Each
 * costs CPU in this process and in the store even when it adds no round trip.
 * - send: the person, the draft, the offer, both rotas (3 months each, read as one query and its
 *   plan each, was 3 point reads each: 20 requests before), the places, the
 *   visitor's open visits (a query) and the bot state; the manager; the place, the request and
 *   the bot state (its two pointers and the manager's message are filed after the answer).
 * - approve: the manager, the request, the visitor, their rota (2 months); the request; two
 *   pointers and two messages; the host and the offer for the card (the visitor's visits this year
 *   are not read: the manager's card after a decision does not show them). No bot state: a
 *   decision reads none (2 requests, 14 before).
 * - accept: as approve, with the host's rota, the offer, its places and the visitor's open visits
 *   (a query) for the clash check; the card reads the manager. The rotas with the clash check's
 *   margins are 3 months, a query and its plan each (21 requests before), and the visitor's
 *   holds the months of the release, which are not read again (20 requests before, with the
 *   release's months and the bot state).
 * A rota range of 2 months or fewer is read by point reads (see CosmosDocumentStore.readMany).
 */
const MOST_STORE_REQUESTS: Record<string, number> = {
  // The person and the bot's state, then the state written: the rotas, places, open requests and
  // hosts' names the first search read seconds before are this instance's recent copies (15 before).
  'request: why and what again (finds hosts)': 3,
  'request: send': 15,
  'manager: approve': 12,
  'host: accept': 17,
};

/** Reads that began after the turn's write of a request had ended. */
function readsAfterRequestWrite(calls: readonly StoreCall[]): string[] {
  const written = calls.find((c) => c.container === 'requests' && c.operation === 'replace');
  if (written?.end === undefined) return [];
  const reads = ['read', 'readMany', 'query', 'queryVersioned'];
  return calls
    .filter((c) => c.start > (written.end as number) && reads.includes(c.operation))
    .map((c) => `${c.operation} ${c.container}`);
}

/**
 * HTTP requests one call makes on Cosmos DB: a query and its plan; a read of several documents,
 * a point read each up to POINT_READS_UP_TO ids, else a query and its plan.
 */
function httpRequestsOf(call: StoreCall): number {
  if (call.operation === 'query' || call.operation === 'queryVersioned') return 2;
  if (call.operation !== 'readMany') return 1;
  const ids = call.ids ?? 0;
  return ids <= POINT_READS_UP_TO ? ids : 2;
}

/**
 * Store calls for rota months, on the turns that read rotas: one call per person reads all the
 * months a range needs (each was a call of its own: 12, 6, 2 and 6). An acceptance reads the
 * visitor's rota for the visit (the release) and again with the clash check's margins, which can
 * need a month more: read with the margins first, the release's months are taken from it.
 */
const MOST_ROTA_CALLS: Record<string, number> = {
  'request: why and what (finds hosts)': 3,
  'request: send': 2,
  'manager: approve': 1,
  'host: accept': 2,
};

/**
 * Every kind of turn a person takes, over HTTP through the real service on the Cosmos-protocol
 * server, with every store call traced. Counted, not timed: the number of round trips a turn
 * waits for one after another is what a remote store's latency multiplies, and a query across
 * partitions on a person's path costs more the bigger the organisation. Work a turn hands to the
 * background (deliveries, and what a move files once its answer has gone) is left out.
 */
describe('store calls on person paths', () => {
  let cosmos: CosmosTestServer;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let service: TestService;
  let trace: StoreTrace;
  const background = new AsyncLocalStorage<true>();
  const counts: TurnCount[] = [];

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    connector = await startFakeConnector();
    service = await startTestService(
      {
        COSMOS_ENDPOINT: cosmos.endpoint,
        COSMOS_KEY: cosmos.key,
        COSMOS_ALLOW_SELF_SIGNED_TLS: 'true',
        COSMOS_DATABASE: 'person-paths',
        SCHEDULER_INTERVAL_SECONDS: '0',
      },
      { cosmosRequestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS },
    );
    await seedDemoOrganisation(service.store, { today: new Date() });
    const kick = service.dispatcher.kick.bind(service.dispatcher);
    service.dispatcher.kick = (queued) => background.run(true, () => kick(queued));
    // What a move files once its answer has gone is background work too, as deliveries are.
    const run = service.afterAnswer.run.bind(service.afterAnswer);
    service.afterAnswer.run = (work, about) =>
      about.after ? background.run(true, () => run(work, about)) : run(work, about);
    trace = traceStore(service.store, () => (background.getStore() ? 'background' : undefined));
  });
  afterAll(async () => {
    trace?.restore();
    await service?.stop();
    await connector?.stop();
    await cosmos?.stop();
  });

  /** Sends one activity and counts the store calls of that turn. */
  async function turn(name: string, activity: Record<string, unknown>): Promise<BotReply[]> {
    await service.dispatcher.idle();
    const from = trace.mark();
    const { status, replies } = await postActivity(service.url, { ...activity, serviceUrl: connector.url });
    const calls = trace.between(from, trace.mark()).filter((c) => c.label !== 'background');
    expect(status).toBe(200);
    if (process.env.TRACE_TURNS)
      console.log(
        name + '\n' + calls.map((c) => `${c.start}-${c.end} ${c.operation} ${c.container}`).join('\n'),
      );
    counts.push({
      turn: name,
      roundTrips: sequentialRoundTrips(calls),
      crossPartition: crossPartitionQueries(calls),
      stateWrites: calls.filter((c) => c.container === 'botstate' && c.operation !== 'read').length,
      stateReads: calls.filter((c) => c.container === 'botstate' && c.operation === 'read').length,
      readsAfterRequestWrite: readsAfterRequestWrite(calls),
      storeRequests: calls.reduce((sum, c) => sum + httpRequestsOf(c), 0),
      rotaCalls: calls.filter((c) => c.container === 'rota').length,
      rotaPeople: new Set(calls.filter((c) => c.container === 'rota').map((c) => c.partitionKey)).size,
    });
    return replies;
  }

  const alex = actorFor(DEMO_IDS.alex, 'alex');
  const megan = actorFor(DEMO_IDS.megan, 'megan');
  const adele = actorFor(DEMO_IDS.adele, 'adele');
  const welcome = (actor: Actor) =>
    activityFrom(actor, { type: 'conversationUpdate', membersAdded: [{ id: actor.userId }] });

  it('asks no query across partitions, and waits for few round trips, on any turn of a request from start to acceptance', async () => {
    for (const actor of [alex, megan, adele]) await turn('welcome (first contact)', welcome(actor));
    await turn('my requests', message(alex, 'my requests'));
    await turn('help', message(alex, 'help'));
    await turn(
      'request: first sentence',
      message(alex, "I'd like to spend a morning with the discharge team in two weeks"),
    );
    const why =
      'To understand why discharges from my ward get delayed\nSee a board round\nLearn how a discharge is planned';
    await turn('request: why and what (finds hosts)', message(alex, why));
    await turn('request: back', message(alex, 'back'));
    const hosts = await turn('request: why and what again (finds hosts)', message(alex, why));
    const time = cardActions(lastCardReply(hosts)).find(
      (a) => a.data.verb === 'draft_pick' && a.data.offerId === 'demo-offer-discharge-board-round',
    );
    expect(time).toBeDefined();
    const summary = await turn('request: pick a time', cardSubmit(alex, time?.data ?? {}));
    // The button as the summary card carries it: the draft, and the host and time chosen.
    const send = cardActions(lastCardReply(summary)).find((a) => a.data.verb === 'draft_submit');
    expect(send?.data).toMatchObject({
      offerId: 'demo-offer-discharge-board-round',
      start: expect.any(String),
    });
    const sent = await turn('request: send', cardSubmit(alex, send?.data ?? {}));
    expect(allText(sent)).toContain('I have asked');
    await turn('my requests', message(alex, 'my requests'));
    await service.dispatcher.idle();
    const [stored] = await service.store.query('requests', { partitionKey: DEMO_IDS.alex });
    if (!stored) throw new Error('the request was not stored');
    const request = stored as unknown as ShadowingRequest;
    // The buttons as the manager's and the host's cards carry them.
    const button = (action: string) => decideAction(action, action, request).data as Record<string, unknown>;
    expect(button('approve')).toMatchObject({ start: request.start, hostId: request.hostId });
    await turn('manager: approve', cardExecute(megan, 'decide', button('approve')));
    await turn('host: accept', cardExecute(adele, 'decide', button('accept')));
    await turn('host: my offers', message(adele, 'my offers'));
    await turn('host: offer to host', message(adele, 'offer to host'));
    await turn('host: cancel the offer', message(adele, 'cancel'));

    console.log(
      counts
        .map(
          (c) =>
            `${c.turn}: ${c.roundTrips} round trips, ${c.storeRequests} store requests, ${c.rotaCalls} rota calls${c.crossPartition.length ? ` CROSS ${c.crossPartition}` : ''}`,
        )
        .join('\n'),
    );
    expect(counts.flatMap((c) => c.crossPartition.map((q) => `${c.turn}: ${q}`))).toEqual([]);
    // Turns that change nothing of the conversation write no bot state.
    const unchanged = ['my requests', 'help', 'manager: approve', 'host: accept', 'host: my offers'];
    expect(counts.filter((c) => unchanged.includes(c.turn) && c.stateWrites > 0).map((c) => c.turn)).toEqual(
      [],
    );
    expect(counts.filter((c) => c.turn === 'request: back').map((c) => c.stateWrites)).toEqual([1]);
    // A decision on a card reads no bot state; a turn that may need it reads it.
    const decisions = ['manager: approve', 'host: accept'];
    expect(counts.filter((c) => decisions.includes(c.turn)).map((c) => c.stateReads)).toEqual([0, 0]);
    expect(counts.filter((c) => c.turn === 'host: my offers').map((c) => c.stateReads > 0)).toEqual([true]);
    // The card after a decision (the people, the offer) is read with the request or while the
    // decision is written, not after it is saved: what follows it is writes only, side by side.
    expect(counts.filter((c) => decisions.includes(c.turn)).map((c) => c.readsAfterRequestWrite)).toEqual([
      [],
      [],
    ]);
    const over = counts.filter((c) => c.roundTrips > (MOST_ROUND_TRIPS[c.turn] ?? 3));
    expect(over.map((c) => `${c.turn}: ${c.roundTrips}`)).toEqual([]);
    const budgeted = counts.filter((c) => MOST_STORE_REQUESTS[c.turn] !== undefined);
    expect(budgeted.map((c) => c.turn)).toEqual(Object.keys(MOST_STORE_REQUESTS));
    const overBudget = budgeted.filter((c) => c.storeRequests > (MOST_STORE_REQUESTS[c.turn] as number));
    expect(overBudget.map((c) => `${c.turn}: ${c.storeRequests} store requests`)).toEqual([]);
    const rotaOver = counts.filter((c) => c.rotaCalls > (MOST_ROTA_CALLS[c.turn] ?? 0));
    expect(rotaOver.map((c) => `${c.turn}: ${c.rotaCalls} rota calls`)).toEqual([]);
    // A host search reads each person's rota (the visitor's and each host's) in one call; the
    // same search again seconds later reads none, and waits only for the person, the state and its write.
    const searches = counts.filter((c) => c.turn.startsWith('request: why and what'));
    expect(searches.map((c) => [c.rotaCalls, c.rotaPeople, c.roundTrips])).toEqual([
      [3, 3, 4],
      [0, 0, 2],
    ]);
  });
});
