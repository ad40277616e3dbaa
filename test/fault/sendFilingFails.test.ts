import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import { seedDemoOrganisation } from '../../src/demo/seedDemo';
import type { DocumentStore } from '../../src/store/documentStore';
import { actorFor, activityFrom, cardSubmit, message } from '../support/activities';
import { cardActions, lastCardReply } from '../support/cards';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmosServer';
import { startFakeConnector } from '../support/fakeConnector';
import { allText, postActivity, type BotReply } from '../support/http';
import { LEAKED_ERROR } from '../support/politeReply';
import { startTestService, type TestService } from '../support/startTestService';

const OPENING = "I'd like to spend a morning with the discharge team in two weeks";
const PURPOSE =
  'To understand why discharges from my ward get delayed\nSee a board round\nLearn how a discharge is planned';

/**
 * Sending a request saves the conversation (without its draft) while the manager's message and the
 * pointers are filed. When filing fails after the conversation was saved, the visitor is not told
 * the request was sent; clicking the same Send button again says it was sent and files what was
 * missing, once, though the conversation no longer holds the draft. Over HTTP, on both stores.
 */
describe.each(['embedded', 'cosmos'] as const)('filing a sent request fails (%s store)', (kind) => {
  let cosmos: CosmosTestServer | undefined;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let service: TestService;
  const alex = actorFor(DEMO_IDS.alex, `alex-filing-${kind}`);

  beforeAll(async () => {
    connector = await startFakeConnector();
    if (kind === 'cosmos') cosmos = await startCosmosServer();
    service = await startTestService({
      SCHEDULER_INTERVAL_SECONDS: '0',
      ...(cosmos
        ? {
            COSMOS_ENDPOINT: cosmos.endpoint,
            COSMOS_KEY: cosmos.key,
            COSMOS_ALLOW_SELF_SIGNED_TLS: 'true',
            COSMOS_DATABASE: 'send-filing',
          }
        : {}),
    });
    await seedDemoOrganisation(service.store, { today: new Date() });
  });
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
    await cosmos?.stop();
  });

  const post = async (activity: Record<string, unknown>): Promise<BotReply[]> => {
    const { status, replies } = await postActivity(service.url, { ...activity, serviceUrl: connector.url });
    expect(status).toBe(200);
    return replies;
  };
  const owedToManager = async () =>
    (await service.store.query('outbox', { partitionKey: DEMO_IDS.megan })).filter(
      (n) => n.kind === 'approval_needed',
    );

  it("tells the visitor it failed, and a second click files the manager's message once", async () => {
    await post(activityFrom(alex, { type: 'conversationUpdate', membersAdded: [{ id: alex.userId }] }));
    await post(message(alex, OPENING));
    const hosts = await post(message(alex, PURPOSE));
    const pick = cardActions(lastCardReply(hosts)).find((a) => a.data.verb === 'draft_pick');
    const summary = await post(cardSubmit(alex, pick?.data ?? {}));
    const send = cardActions(lastCardReply(summary)).find((a) => a.data.verb === 'draft_submit');
    expect(send).toBeDefined();

    const failing = failOutboxWrites(service.store);
    let first: BotReply[];
    try {
      first = await post(cardSubmit(alex, send?.data ?? {}));
    } finally {
      failing.restore();
    }
    expect(failing.refused).toBeGreaterThan(0);
    expect(allText(first)).not.toMatch(/I have asked/);
    expect(allText(first)).toMatch(/Sorry/);
    expect(allText(first)).not.toMatch(LEAKED_ERROR);
    const [request] = await service.store.query('requests', { partitionKey: DEMO_IDS.alex });
    expect(request?.state).toBe('awaiting_manager');
    expect(await owedToManager()).toEqual([]);

    const again = await post(cardSubmit(alex, send?.data ?? {}));
    expect(allText(again)).toContain('That request has already been sent to Megan');
    const owed = await owedToManager();
    expect(owed.map((n) => n.requestId)).toEqual([request?.id]);
    const pointers = await service.store.query('tasks', { partitionKey: DEMO_IDS.megan });
    expect(pointers.map((t) => t.requestId)).toContain(request?.id);

    await post(cardSubmit(alex, send?.data ?? {}));
    expect(await owedToManager()).toHaveLength(1);
  });
});

/** Makes every write to the outbox fail until restored, as a store failing at that moment would. */
function failOutboxWrites(store: DocumentStore): { refused: number; restore(): void } {
  const { create, upsert } = store;
  const failing = { refused: 0, restore: () => Object.assign(store, { create, upsert }) };
  const refuse = (container: string) => {
    if (container !== 'outbox') return undefined;
    failing.refused += 1;
    return Promise.reject(new Error('store gone'));
  };
  store.create = ((container, doc) =>
    refuse(container) ?? create.call(store, container, doc)) as typeof create;
  store.upsert = ((container, doc) =>
    refuse(container) ?? upsert.call(store, container, doc)) as typeof upsert;
  return failing;
}
