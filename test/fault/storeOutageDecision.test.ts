import { createServices, type Services } from '../../src/app/services';
import { submitRequest } from '../../src/app/submitRequest';
import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import { seedDemoOrganisation } from '../../src/demo/seedDemo';
import type { ShadowingRequest } from '../../src/domain/requests';
import { actorFor, activityFrom, cardExecute, message, type Actor } from '../support/activities';
import { startFakeConnector } from '../support/fakeConnector';
import { allText, postActivity } from '../support/http';
import { TEST_SERVER_REQUEST_TIMEOUT_MS } from '../support/cosmosServer';
import { startInterruptibleCosmos, type InterruptibleCosmos } from '../support/interruptibleCosmos';
import { LEAKED_ERROR } from '../support/politeReply';
import { DISCHARGE_OFFER, freeMornings } from '../support/requestInState';
import { startTestService, type TestService } from '../support/startTestService';
import { finishedDraft, personOf } from '../support/workflowFixtures';

/**
 * The Cosmos-protocol server goes away in the middle of a turn, right after one write has landed:
 * the person is told kindly (with a reference), and once the store is back nothing is half done:
 * the half-filled request is intact, and a decision has either not happened or is completed by
 * clicking again (tasks, places and messages brought in line, each message queued once).
 */
const FRIENDLY =
  /Sorry, I can't reach my records just now, so I could not finish that\. .*reference: [0-9A-F]{8}\./;
const megan = actorFor(DEMO_IDS.megan, 'megan-outage');
const alex = actorFor(DEMO_IDS.alex, 'alex-outage-mid');
const adele = actorFor(DEMO_IDS.adele, 'adele-outage-mid');

describe('the store going away mid-turn (Cosmos-protocol server)', () => {
  let cosmos: InterruptibleCosmos;
  let service: TestService;
  let services: Services;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeAll(async () => {
    connector = await startFakeConnector();
    cosmos = await startInterruptibleCosmos();
    service = await startTestService(
      {
        COSMOS_ENDPOINT: cosmos.endpoint,
        COSMOS_KEY: cosmos.key,
        COSMOS_ALLOW_SELF_SIGNED_TLS: 'true',
        COSMOS_DATABASE: 'outage-mid',
        SCHEDULER_INTERVAL_SECONDS: '0',
      },
      { cosmosRequestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS },
    );
    await seedDemoOrganisation(service.store, { today: new Date() });
    services = createServices(service.store);
    for (const who of [megan, alex, adele])
      await postActivity(
        service.url,
        activityFrom(
          who,
          { type: 'conversationUpdate', membersAdded: [{ id: who.userId }], deliveryMode: 'normal' },
          connector.url,
        ),
      );
  });
  afterAll(async () => {
    await service?.stop();
    await cosmos?.stop();
    await connector?.stop();
  });

  const submitForAlex = async (slotIndex: number): Promise<ShadowingRequest> => {
    const now = new Date();
    const slots = await freeMornings(services, slotIndex + 1, now);
    const offer = (await services.offers.find(DEMO_IDS.adele, DISCHARGE_OFFER))?.offer;
    const result = await submitRequest(
      services,
      await personOf(services, DEMO_IDS.alex),
      finishedDraft(offer!, slots[slotIndex]!, now),
      now,
    );
    if (!result.ok) throw new Error(result.problems.join(' '));
    return result.request;
  };
  const decide = async (who: Actor, request: ShadowingRequest) => {
    const { status, body } = await postActivity(
      service.url,
      cardExecute(
        who,
        'decide',
        {
          action: 'approve',
          coverMethod: 'within_team',
          requestId: request.id,
          visitorId: request.visitorId,
        },
        connector.url,
      ),
    );
    expect(status).toBe(200);
    expect(JSON.stringify(body)).not.toMatch(LEAKED_ERROR);
    return JSON.stringify(body);
  };
  const tasksOf = async (request: ShadowingRequest) =>
    (await service.store.query('tasks', { where: [{ field: 'requestId', op: '=', value: request.id }] }))
      .map((t) => [t.role, t.state])
      .sort();
  const hostCards = async (request: ShadowingRequest) =>
    service.store.query('outbox', {
      partitionKey: DEMO_IDS.adele,
      where: [{ field: 'requestId', op: '=', value: request.id }],
    });

  it('keeps a conversation step whose answer could not be saved, and asks it again', async () => {
    const say = async (text: string) =>
      postActivity(service.url, { ...message(alex, text), serviceUrl: connector.url });
    expect(allText((await say('I would like to shadow the discharge team next week')).replies)).toContain(
      'Why would you like to go, and what do you want to learn?',
    );
    const stopped = cosmos.stopAfter(
      (method, path) => method === 'GET' && path.includes('/colls/botstate/docs/'),
    );
    const down = await say('Because discharges from my ward get delayed');
    await stopped;
    expect(down.status).toBe(200);
    expect(allText(down.replies)).toMatch(FRIENDLY);
    expect(allText(down.replies)).not.toMatch(LEAKED_ERROR);
    await cosmos.restart();
    expect(allText((await say('Because discharges from my ward get delayed')).replies)).toContain(
      'What do you want to learn?',
    );
    expect(allText((await say('cancel')).replies)).toContain('I have cancelled that request.');
  });

  it('makes no change when the store is gone before a decision is written', async () => {
    const request = await submitForAlex(0);
    const stopped = cosmos.stopAfter(
      (method, path) => method === 'GET' && path.includes(`/colls/requests/docs/${request.id}`),
    );
    expect(await decide(megan, request)).toMatch(FRIENDLY);
    await stopped;
    await cosmos.restart();
    const stored = (await services.requests.find(DEMO_IDS.alex, request.id))?.request;
    expect(stored).toEqual(request);
    expect(await tasksOf(request)).toEqual([
      ['host', 'awaiting_manager'],
      ['manager', 'awaiting_manager'],
    ]);
    expect(await hostCards(request)).toEqual([]);

    expect(await decide(megan, request)).toContain('approved the release');
    await service.dispatcher.idle();
    expect(await tasksOf(request)).toEqual([
      ['host', 'awaiting_host'],
      ['manager', 'awaiting_host'],
    ]);
    expect(await hostCards(request)).toHaveLength(1);
  });

  it('completes a decision written just before the store went away when the manager clicks again', async () => {
    const request = await submitForAlex(1);
    const stopped = cosmos.stopAfter(
      (method, path) => method === 'PUT' && path.includes(`/colls/requests/docs/${request.id}`),
    );
    // Answered once the decision is written: what follows it finds the store gone.
    expect(await decide(megan, request)).toContain('You approved the release. Adele Vance has been asked.');
    await stopped;
    await cosmos.restart();
    // The decision itself landed; what follows from it did not.
    expect((await services.requests.find(DEMO_IDS.alex, request.id))?.request.state).toBe('awaiting_host');
    expect(await hostCards(request)).toEqual([]);

    // Clicking again says where the request stands, and finishes what was left undone, once.
    expect(await decide(megan, request)).toMatch(/can no longer be done/);
    expect(await decide(megan, request)).toMatch(/can no longer be done/);
    await service.dispatcher.idle();
    const stored = (await services.requests.find(DEMO_IDS.alex, request.id))?.request;
    expect(stored?.history.map((t) => t.to)).toEqual(['awaiting_manager', 'awaiting_host']);
    expect(await tasksOf(request)).toEqual([
      ['host', 'awaiting_host'],
      ['manager', 'awaiting_host'],
    ]);
    expect(await hostCards(request)).toHaveLength(1);
    expect(
      (
        await service.store.query('outbox', {
          partitionKey: DEMO_IDS.alex,
          where: [{ field: 'requestId', op: '=', value: request.id }],
        })
      ).length,
    ).toBe(1);
  });
});
