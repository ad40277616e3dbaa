import { queueCheckIns } from '../src/app/outcomes/queueCheckIns';
import { recordCheckIn } from '../src/app/outcomes/recordCheckIn';
import { submitOutcomeForm } from '../src/app/outcomes/submitOutcomeForm';
import type { OutcomeServices } from '../src/app/outcomes/outcomeServices';
import { createServices } from '../src/app/services';
import { DEMO_IDS } from '../src/demo/demoOrganisation';
import type { Person } from '../src/domain/people';
import { STORE_REQUESTS, type DocumentStore } from '../src/store/documentStore';
import { ExchangesRepository } from '../src/store/repositories/exchangesRepository';
import {
  actorFor,
  activityFrom,
  cardExecute,
  cardSubmit,
  message,
  type Actor,
} from '../test/support/activities';
import { cardActions, lastCardReply } from '../test/support/cards';
import { startFakeConnector } from '../test/support/fakeConnector';
import { allText, postActivity } from '../test/support/http';
import { HOST_FORM, VISITOR_FORM } from '../test/support/outcomeFixtures';
import { countStoreCalls, type PathCounts } from './storeOps/countStoreCalls';
import { describeMachine, runMain } from './support/machine';
import { printFigures, printLine } from './support/output';
import { printTable } from './support/printTable';
import { startBenchService } from './support/startBenchService';

/**
 * Store requests for one exchange from first message to logged outcome: the request conversation
 * and submission (visitor), the release (manager), the acceptance (host), over HTTP through the
 * real service with a loopback connector; then, with the clock moved past the visit, the check-in
 * and both outcome forms through the use cases and the scheduler's after-visit scan. Every
 * DocumentStore call is counted by path, operation and container; queries without a partition
 * key are cross-partition. Run: `npm run build && node dist/bench/storeOps.js`.
 */
const LIMIT_MS = 120_000;
const DAY_MS = 86_400_000;
const PATHS = ['visitor', 'manager', 'host', 'background'] as const;

async function main(): Promise<void> {
  const counter = countStoreCalls();
  const connector = await startFakeConnector();
  const bench = await startBenchService('bench-store-ops', 0);
  const { service } = bench;
  const dispatcher = service.dispatcher;
  const kick = dispatcher.kick.bind(dispatcher);
  dispatcher.kick = (queued) => counter.runAs('background', () => kick(queued));
  try {
    const [alex, megan, adele] = [
      actorFor(DEMO_IDS.alex, 'alex'),
      actorFor(DEMO_IDS.megan, 'megan'),
      actorFor(DEMO_IDS.adele, 'adele'),
    ];
    for (const actor of [alex, megan, adele]) {
      await postActivity(
        service.url,
        activityFrom(
          actor,
          { type: 'conversationUpdate', membersAdded: [{ id: actor.userId }], deliveryMode: 'normal' },
          connector.url,
        ),
      );
    }
    await dispatcher.idle();

    counter.setPath('visitor');
    const requestId = await requestAsVisitor(
      service.url,
      alex,
      connector.url,
      () => dispatcher.idle(),
      service.store,
    );
    counter.setPath('manager');
    await decide(service.url, megan, connector.url, {
      action: 'approve',
      requestId,
      visitorId: DEMO_IDS.alex,
    });
    counter.setPath('host');
    await decide(service.url, adele, connector.url, {
      action: 'accept',
      requestId,
      visitorId: DEMO_IDS.alex,
    });
    counter.setPath('idle');
    await dispatcher.idle();

    const outcome = await recordOutcome(counter, service.store, requestId);
    report(counter.counts, outcome);
  } finally {
    counter.restore();
    await bench.stop();
    await connector.stop();
  }
}

async function requestAsVisitor(
  url: string,
  alex: Actor,
  connectorUrl: string,
  idle: () => Promise<void>,
  store: DocumentStore,
): Promise<string> {
  const say = async (text: string) =>
    (await postActivity(url, { ...message(alex, text), serviceUrl: connectorUrl })).replies;
  const click = async (data: Record<string, unknown>) =>
    (await postActivity(url, { ...cardSubmit(alex, data), serviceUrl: connectorUrl })).replies;
  await say("I'd like to spend a morning with the discharge team in two weeks");
  const hosts = await say(
    'To understand why discharges from my ward get delayed\nSee a board round\nLearn how a discharge is planned',
  );
  const time = cardActions(lastCardReply(hosts)).find(
    (a) => a.data.verb === 'draft_pick' && a.data.offerId === 'demo-offer-discharge-board-round',
  );
  await click(time?.data ?? {});
  const sent = await click({ verb: 'draft_submit' });
  if (!allText(sent).includes('I have asked')) throw new Error('the request was not submitted');
  await idle();
  const saved = await store.query('requests', {
    partitionKey: DEMO_IDS.alex,
    where: [{ field: 'state', op: '=', value: 'awaiting_manager' }],
  });
  return String(saved[0]?.id);
}

async function decide(
  url: string,
  actor: Actor,
  connectorUrl: string,
  data: Record<string, unknown>,
): Promise<void> {
  const { status, body } = await postActivity(url, cardExecute(actor, 'decide', data, connectorUrl));
  if (status !== 200 || JSON.stringify(body).includes('Nothing has been changed'))
    throw new Error(`the decision was refused: ${JSON.stringify(body)}`);
}

/** After the visit: the scheduler's scan, the visitor's check-in and form, the host's form, the log. */
async function recordOutcome(
  counter: ReturnType<typeof countStoreCalls>,
  store: DocumentStore,
  requestId: string,
): Promise<Record<string, unknown>> {
  const found = await store.read<{ id: string; end?: string } & Record<string, unknown>>(
    'requests',
    requestId,
    DEMO_IDS.alex,
  );
  const visitEnd = Date.parse(found?.doc.end ?? '');
  if (Number.isNaN(visitEnd))
    return { recorded: false, reason: 'the request has no visit end to move the clock past' };
  let now = new Date(visitEnd + 2 * 3_600_000);
  const services: OutcomeServices = Object.assign(
    createServices(store, () => now),
    { exchanges: new ExchangesRepository(store) },
  );
  const person = async (id: string) => (await services.people.findById(id)) as Person;
  const [alex, adele] = [await person(DEMO_IDS.alex), await person(DEMO_IDS.adele)];
  const steps: Array<[string, () => Promise<unknown>]> = [
    ['background', () => queueCheckIns(store, services, now)],
    ['visitor', () => recordCheckIn(services, alex, alex.id, requestId, 'yes', now)],
    ['visitor', () => submitOutcomeForm(services, 'visitor', alex, alex.id, requestId, VISITOR_FORM, now)],
    ['host', () => submitOutcomeForm(services, 'host', adele, alex.id, requestId, HOST_FORM, now)],
    [
      'background',
      async () => ((now = new Date(visitEnd + 15 * DAY_MS)), queueCheckIns(store, services, now)),
    ],
  ];
  const results: string[] = [];
  for (const [path, step] of steps) {
    counter.setPath(path);
    const result = (await step()) as { ok?: boolean } | unknown[] | undefined;
    results.push(
      Array.isArray(result)
        ? `${result.length} queued`
        : result && typeof result === 'object' && 'ok' in result
          ? String(result.ok)
          : 'done',
    );
  }
  counter.setPath('idle');
  const logged = await store.query('exchanges', {
    where: [{ field: 'requestId', op: '=', value: requestId }],
  });
  return { recorded: true, steps: results, exchangeLogged: logged.length > 0 };
}

function report(counts: Map<string, PathCounts>, outcome: Record<string, unknown>): void {
  const empty: PathCounts = {
    requests: 0,
    byOperation: {},
    byContainer: {},
    crossPartitionQueries: 0,
    crossPartition: [],
    httpRequests: 0,
    queryPlanRequests: 0,
  };
  const byPath = Object.fromEntries(PATHS.map((path) => [path, counts.get(path) ?? empty]));
  const total = PATHS.reduce((sum, path) => sum + (counts.get(path)?.requests ?? 0), 0);
  const crossOnTurns = (['visitor', 'manager', 'host'] as const).reduce(
    (sum, path) => sum + (counts.get(path)?.crossPartitionQueries ?? 0),
    0,
  );
  printFigures('store_ops', {
    exchange:
      'request conversation, submit, release, accept over HTTP; check-in, both outcome forms and the after-visit scan with the clock moved on',
    requests: total,
    crossPartitionQueries: PATHS.reduce(
      (sum, path) => sum + (counts.get(path)?.crossPartitionQueries ?? 0),
      0,
    ),
    crossPartitionOnPeoplePaths: crossOnTurns,
    httpRequests: PATHS.reduce((sum, path) => sum + (counts.get(path)?.httpRequests ?? 0), 0),
    requestCharge: null,
    requestChargeNote:
      '@vercel/cosmosdb-server reports a flat 1 RU for every HTTP request, so no real charge can be measured here',
    byPath,
    setup: counts.get('setup')?.requests ?? 0,
    outcome,
    machine: describeMachine(),
  });
  printLine();
  const operations = STORE_REQUESTS;
  printTable(
    ['path', 'requests', ...operations, 'cross-partition', 'HTTP', 'of which query plans'],
    PATHS.map((path) => {
      const c = byPath[path] as PathCounts;
      return [
        path,
        c.requests,
        ...operations.map((op) => c.byOperation[op] ?? 0),
        c.crossPartitionQueries,
        c.httpRequests,
        c.queryPlanRequests,
      ];
    }),
  );
  for (const path of PATHS) {
    const c = byPath[path] as PathCounts;
    printLine(
      `\n${path}: by container ${JSON.stringify(c.byContainer)}${c.crossPartition.length ? `; cross-partition: ${c.crossPartition.join('; ')}` : ''}`,
    );
  }
}

if (require.main === module) runMain('store_ops', LIMIT_MS, main);
