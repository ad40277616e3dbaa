import { createServices, type Services } from '../../../src/app/services';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { decideAction } from '../../../src/teams/cards/decideAction';
import { seedDemoOrganisation } from '../../../src/demo/seedDemo';
import { actorFor, cardExecute, message, type Actor } from '../../support/activities';
import {
  startCosmosServer,
  TEST_SERVER_REQUEST_TIMEOUT_MS,
  type CosmosTestServer,
} from '../../support/cosmosServer';
import { startFakeConnector } from '../../support/fakeConnector';
import { allText, postActivity } from '../../support/http';
import { freeMornings, requestInState, writeFollowUps } from '../../support/requestInState';
import { startTestService, type TestService } from '../../support/startTestService';
import { traceStore, type StoreTrace } from '../../support/storeTrace';

/**
 * Two instances of the service over one Cosmos-protocol server. Instance A keeps short-lived
 * copies of the people it has read; a copy B has since made out of date must not let anyone do or
 * see more than the store says they may. Only their own "my requests" and "my offers" may be
 * answered from a copy; everything else reads the person afresh.
 */
describe('copies one instance keeps of people, changed by another instance', () => {
  let cosmos: CosmosTestServer;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let a: TestService;
  let b: TestService;
  let servicesB: Services;
  let traceA: StoreTrace;

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    connector = await startFakeConnector();
    const env = {
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: cosmos.key,
      COSMOS_ALLOW_SELF_SIGNED_TLS: 'true',
      COSMOS_DATABASE: 'stale-copies',
      SCHEDULER_INTERVAL_SECONDS: '0',
    };
    const options = { cosmosRequestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS };
    a = await startTestService(env, options);
    b = await startTestService(env, options);
    await seedDemoOrganisation(b.store, { today: new Date() });
    servicesB = createServices(b.store);
    traceA = traceStore(a.store);
  });
  afterAll(async () => {
    traceA?.restore();
    await a?.stop();
    await b?.stop();
    await connector?.stop();
    await cosmos?.stop();
  });

  const say = async (service: TestService, activity: Record<string, unknown>) => {
    const from = traceA.mark();
    const { status, replies } = await postActivity(service.url, { ...activity, serviceUrl: connector.url });
    expect(status).toBe(200);
    const calls = traceA.between(from, traceA.mark()).map((c) => `${c.operation} ${c.container}`);
    return { text: allText(replies), calls };
  };

  it('answers "my requests" from a person it read moments ago with two store calls, and reads and rewrites them from a new conversation', async () => {
    const alex = actorFor(DEMO_IDS.alex, 'alex-copies');
    await say(a, message(alex, 'hello'));
    await say(a, message(alex, 'my requests'));
    const again = await say(a, message(alex, 'my requests'));
    expect(again.text).toContain('Your requests');
    expect(again.calls.sort()).toEqual(['query requests', 'read botstate']);

    // Another conversation: the stored one is rewritten, which drops A's copy, so the next is read.
    const elsewhere: Actor = { ...alex, conversationId: 'a:alex-copies-elsewhere' };
    const moved = await say(a, message(elsewhere, 'my requests'));
    expect(moved.calls).toEqual(expect.arrayContaining(['read people', 'replace people']));
    const next = await say(a, message(elsewhere, 'my requests'));
    expect(next.calls).toContain('read people');
    expect(next.calls).not.toContain('replace people');
    expect((await say(a, message(elsewhere, 'my requests'))).calls).not.toContain('read people');
  });

  it('shows on A at once what B changed of a request, though A answers "my requests" from its copy of the person', async () => {
    const alex = actorFor(DEMO_IDS.alex, 'alex-sees-b');
    const megan = actorFor(DEMO_IDS.megan, 'megan-on-b');
    const [slot] = (await freeMornings(servicesB, 1, new Date())) as [{ start: string; end: string }];
    const request = requestInState('awaiting_manager', slot, slot, new Date());
    await servicesB.requests.create(request);
    await writeFollowUps(servicesB, request);
    await say(a, message(alex, 'hello'));
    const before = await say(a, message(alex, 'my requests'));
    expect(statusOf(before.text, request.id)).toBe('Waiting for your manager');

    // Megan approves on instance B; Alex asks A again straight away.
    const approve = decideAction('approve', 'approve', request).data as Record<string, unknown>;
    await say(b, cardExecute(megan, 'decide', { ...approve, coverMethod: 'within_team' }, connector.url));
    const stored = await b.store.read<{ id: string; state: string }>(
      'requests',
      request.id,
      request.visitorId,
    );
    expect(stored?.doc.state).toBe('awaiting_host');
    const after = await say(a, message(alex, 'my requests'));
    expect(after.calls.sort()).toEqual(['query requests', 'read botstate']);
    expect(statusOf(after.text, request.id)).toBe('Waiting for the host');
  });

  it('lets a manager removed from the directory on another instance decide nothing and start nothing, while A still holds their copy', async () => {
    const megan = actorFor(DEMO_IDS.megan, 'megan-copies');
    const [slot] = (await freeMornings(servicesB, 1, new Date())) as [{ start: string; end: string }];
    const request = requestInState('awaiting_manager', slot, slot, new Date());
    await servicesB.requests.create(request);
    await writeFollowUps(servicesB, request);
    await say(a, message(megan, 'hello'));
    await say(a, message(megan, 'my requests'));
    expect((await say(a, message(megan, 'my requests'))).calls).not.toContain('read people');

    // Instance B removes Megan from the directory; A's copy of her is now out of date.
    expect(await b.store.delete('people', DEMO_IDS.megan, DEMO_IDS.megan)).toBe(true);

    // Her own list may still come from the copy for a few seconds: nothing in it is anyone else's.
    const own = await say(a, message(megan, 'my requests'));
    expect(own.calls).not.toContain('read people');
    expect(own.text).not.toMatch(/Alex|Wilber|discharges/i);

    // A decision reads her afresh: not in the directory, so the request is left as it was.
    const data = { action: 'approve', requestId: request.id, visitorId: request.visitorId };
    const decided = await postActivity(a.url, cardExecute(megan, 'decide', data, connector.url));
    expect(JSON.stringify(decided.body)).not.toMatch(/understand why discharges|See a board round/);
    const stored = await b.store.read<{ id: string; state: string }>(
      'requests',
      request.id,
      request.visitorId,
    );
    expect(stored?.doc.state).toBe('awaiting_manager');

    // So does starting anything.
    const started = await say(a, message(megan, 'new request'));
    expect(started.text).toMatch(/can't find you in the staff directory/);
    expect(started.calls).toContain('read people');
  });
});

/** The status "my requests" shows for one request: the card's entry whose cancel button names it. */
function statusOf(text: string, requestId: string): string | undefined {
  const entry = text.split('"type":"Container"').find((part) => part.includes(`"requestId":"${requestId}"`));
  return entry?.match(/"title":"Status","value":"([^"]+)"/)?.[1];
}
