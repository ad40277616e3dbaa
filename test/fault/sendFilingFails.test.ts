import { randomUUID } from 'node:crypto';
import { cancelRequest } from '../../src/app/cancelRequest';
import { SEND_SETTLE_MS, stoppedSendsChecked } from '../../src/app/fileStoppedSends';
import { notificationId } from '../../src/app/notifications';
import { queueDueWork } from '../../src/app/scheduledWork';
import { createServices } from '../../src/app/services';
import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import { seedDemoOrganisation } from '../../src/demo/seedDemo';
import type { ShadowingRequest } from '../../src/domain/requests';
import { createLogger } from '../../src/logging/logger';
import type { ContainerName } from '../../src/store/containers';
import type { Doc, DocumentStore } from '../../src/store/documentStore';
import { actorFor, activityFrom, cardSubmit, message, type Actor } from '../support/activities';
import { storeConversationState, storedConversationState } from '../support/conversationState';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmosServer';
import { startFakeConnector } from '../support/fakeConnector';
import { allText, postActivity, type BotReply } from '../support/http';
import { captureLogs } from '../support/logCapture';
import { LEAKED_ERROR } from '../support/politeReply';
import { walkToSendButton } from '../support/requestWalk';
import { startTestService, type TestService } from '../support/startTestService';

const ASKED_MEGAN = /I have asked Megan Bowen to (release you|agree your visit)/;

/**
 * A request is sent once it is recorded: the visitor is answered when the request and its place are
 * written, and what the send owes after that (the manager's message, the manager's and host's
 * pointers) is filed after the answer. Filing that is held does not hold the answer; filing that
 * fails is logged and filed by the scheduler a minute on, once. The conversation is saved beside
 * the request, its draft held as being sent: a request that is never written leaves the draft to
 * send again, and a send that landed never leaves it to resume. Over HTTP, on both stores.
 */
describe.each(['embedded', 'cosmos'] as const)(
  'a request is answered once it is recorded (%s store)',
  (kind) => {
    let cosmos: CosmosTestServer | undefined;
    let connector: Awaited<ReturnType<typeof startFakeConnector>>;
    let service: TestService;
    const logs = captureLogs('error');

    beforeAll(async () => {
      connector = await startFakeConnector();
      if (kind === 'cosmos') cosmos = await startCosmosServer();
      const env: Record<string, string> = cosmos
        ? {
            COSMOS_ENDPOINT: cosmos.endpoint,
            COSMOS_KEY: cosmos.key,
            COSMOS_ALLOW_SELF_SIGNED_TLS: 'true',
            COSMOS_DATABASE: 'send-filing',
          }
        : {};
      service = await startTestService({ SCHEDULER_INTERVAL_SECONDS: '0', ...env }, {}, logs.logger);
      await seedDemoOrganisation(service.store, { today: new Date() });
    });
    afterEach(async () => {
      // Alex's requests are cancelled, so the next case finds the same place free.
      await service.dispatcher.idle();
      const services = createServices(service.store);
      const alex = { id: DEMO_IDS.alex, isProgrammeLead: false };
      for (const request of await requestsOfAlex())
        if (request.state === 'awaiting_manager')
          await cancelRequest(services, DEMO_IDS.alex, request.id, alex, new Date());
    });
    afterAll(async () => {
      await service?.stop();
      await connector?.stop();
      await cosmos?.stop();
    });

    const chatOf = (label: string): Actor => ({
      ...actorFor(DEMO_IDS.alex, `alex-${label}-${kind}`),
      conversationId: `a:alex-${label}-${randomUUID()}`,
    });
    /** Posts a turn; `settled` false returns before the service has done what the turn left for after. */
    const post = async (activity: Record<string, unknown>, settled = true): Promise<BotReply[]> => {
      const { status, replies } = await postActivity(
        service.url,
        { ...activity, serviceUrl: connector.url },
        { settled },
      );
      expect(status).toBe(200);
      return replies;
    };
    /** Takes a chat to its request's summary; resolves the "Send to my manager" button's data. */
    const toSendButton = async (chat: Actor): Promise<Record<string, unknown>> => {
      await post(activityFrom(chat, { type: 'conversationUpdate', membersAdded: [{ id: chat.userId }] }));
      const send = await walkToSendButton(
        (text) => post(message(chat, text)),
        (data) => post(cardSubmit(chat, data)),
      );
      expect(send?.draftId).toEqual(expect.any(String));
      return send ?? {};
    };
    const requestsOfAlex = () =>
      service.store.query<ShadowingRequest & Doc>('requests', { partitionKey: DEMO_IDS.alex });
    const sent = async (requestId: string) => ({
      messages: (await service.store.query('outbox', { partitionKey: DEMO_IDS.megan }))
        .filter((n) => n.requestId === requestId && n.kind === 'approval_needed')
        .map((n) => n.id),
      pointers: (
        await service.store.query('tasks', { where: [{ field: 'requestId', op: '=', value: requestId }] })
      )
        .map((t) => `${String(t.role)} ${String(t.state)}`)
        .sort(),
    });
    /** What a send owes once its request is recorded, as filed. */
    const filed = (requestId: string) => ({
      messages: [notificationId('approval_needed', requestId, DEMO_IDS.megan, '1')],
      pointers: ['host awaiting_manager', 'manager awaiting_manager'],
    });
    const storedState = (chat: Actor) => storedConversationState(service.store, chat);
    const storeState = (chat: Actor, state: Record<string, unknown>) =>
      storeConversationState(service.store, chat, state);

    it("answers while the manager's message and the pointers are still being written, which land after", async () => {
      const chat = chatOf('held');
      const send = await toSendButton(chat);
      const held = holdFilingWrites(service.store);
      try {
        expect(allText(await post(cardSubmit(chat, send), false))).toMatch(ASKED_MEGAN);
        await held.reached;
        const requestId = String(send.draftId);
        expect(await sent(requestId)).toEqual({ messages: [], pointers: [] });
        held.release();
        await service.dispatcher.idle();
        expect(await sent(requestId)).toEqual(filed(requestId));
      } finally {
        held.restore();
      }
    });

    it('answers when filing fails, logs it, and the scheduler files it once a minute on', async () => {
      const chat = chatOf('filing-fails');
      const send = await toSendButton(chat);
      const requestId = String(send.draftId);
      const failing = holdFilingWrites(service.store, new Error('store gone'));
      let answer: string;
      try {
        answer = allText(await post(cardSubmit(chat, send), false));
        await service.dispatcher.idle();
      } finally {
        failing.restore();
      }
      expect(answer).toMatch(ASKED_MEGAN);
      expect(answer).not.toMatch(/Sorry/);
      expect(logs.lines).toContainEqual(
        expect.objectContaining({ level: 50, requestId, job: 'file a send', err: expect.anything() }),
      );
      expect(await sent(requestId)).toEqual({ messages: [], pointers: [] });

      const [request] = (await requestsOfAlex()).filter((r) => r.id === requestId);
      expect(request?.state).toBe('awaiting_manager');
      const scanAt = async (msAfterSend: number) => {
        const now = new Date(Date.parse(request?.createdAt ?? '') + msAfterSend);
        const services = createServices(service.store, () => now);
        const queued = await queueDueWork(
          service.store,
          services,
          now,
          stoppedSendsChecked(),
          createLogger('silent'),
        );
        return queued.filter((n) => n.requestId === requestId).map((n) => n.id);
      };
      expect(await scanAt(SEND_SETTLE_MS - 1)).toEqual([]);
      expect(await sent(requestId)).toEqual({ messages: [], pointers: [] });
      expect(await scanAt(SEND_SETTLE_MS)).toEqual(filed(requestId).messages);
      expect(await sent(requestId)).toEqual(filed(requestId));
      expect(await scanAt(SEND_SETTLE_MS * 2)).toEqual([]);

      // Clicking Send again says it went, and files nothing twice.
      expect(allText(await post(cardSubmit(chat, send)))).toContain(
        'That request has already been sent to Megan',
      );
      expect(await sent(requestId)).toEqual(filed(requestId));
    });

    it('answers Send pressed again after the conversation moved on first, and files what its send left unfiled after', async () => {
      const chat = chatOf('again-fails');
      const send = await toSendButton(chat);
      const requestId = String(send.draftId);
      const failing = holdFilingWrites(service.store, new Error('store gone'));
      let again: string;
      try {
        expect(allText(await post(cardSubmit(chat, send)))).toMatch(ASKED_MEGAN);
        expect(await storedState(chat)).not.toHaveProperty('draft');
        again = allText(await post(cardSubmit(chat, send)));
      } finally {
        failing.restore();
      }
      expect(again).toContain('That request has already been sent to Megan');
      expect(again).not.toMatch(/Sorry/);
      const failures = logs.lines.filter((line) => line.requestId === requestId && line.level === 50);
      expect(failures.map((line) => line.job)).toEqual(['file a send', 'file a send']);
      expect(await sent(requestId)).toEqual({ messages: [], pointers: [] });

      expect(allText(await post(cardSubmit(chat, send)))).toContain(
        'That request has already been sent to Megan',
      );
      expect(await sent(requestId)).toEqual(filed(requestId));
    });

    it('keeps the draft when the request cannot be written, and Send again sends it once', async () => {
      const chat = chatOf('record-fails');
      const send = await toSendButton(chat);
      const requestId = String(send.draftId);
      const failing = failRequestWrites(service.store);
      let answer: string;
      try {
        answer = allText(await post(cardSubmit(chat, send)));
      } finally {
        failing.restore();
      }
      expect(answer).toMatch(/Sorry/);
      expect(answer).not.toMatch(ASKED_MEGAN);
      expect(answer).not.toMatch(LEAKED_ERROR);
      expect((await requestsOfAlex()).filter((r) => r.id === requestId)).toEqual([]);
      expect((await storedState(chat))?.draft).toMatchObject({ id: requestId, step: 'summary' });

      expect(allText(await post(cardSubmit(chat, send)))).toMatch(ASKED_MEGAN);
      expect(allText(await post(cardSubmit(chat, send)))).toContain(
        'That request has already been sent to Megan',
      );
      expect((await requestsOfAlex()).filter((r) => r.id === requestId)).toHaveLength(1);
      await service.dispatcher.idle();
      expect(await sent(requestId)).toEqual(filed(requestId));
      expect(await storedState(chat)).not.toHaveProperty('draft');
    });

    it('never resumes the draft of a send that landed, even when the conversation still holds it as being sent', async () => {
      const chat = chatOf('landed');
      const send = await toSendButton(chat);
      const atSummary = await storedState(chat);
      expect(allText(await post(cardSubmit(chat, send)))).toMatch(ASKED_MEGAN);
      await service.dispatcher.idle();
      expect(await storedState(chat)).not.toHaveProperty('draft');

      // As a send that stopped after its answer leaves the conversation.
      await storeState(chat, { ...atSummary, sending: send.draftId });
      expect(allText(await post(message(chat, 'continue')))).not.toContain('draft_submit');
      expect(await storedState(chat)).not.toHaveProperty('draft');
      expect(await storedState(chat)).not.toHaveProperty('sending');
    });

    it('keeps the draft of a send whose request was never written, to send again', async () => {
      const chat = chatOf('never-written');
      const send = await toSendButton(chat);
      const atSummary = await storedState(chat);
      // As a send that stopped while its request was being written leaves the conversation.
      await storeState(chat, { ...atSummary, sending: send.draftId });
      expect(allText(await post(message(chat, 'continue')))).toContain('draft_submit');
      expect((await storedState(chat))?.draft).toMatchObject({ id: send.draftId, step: 'summary' });
      expect(await storedState(chat)).not.toHaveProperty('sending');
    });
  },
);

/** Writes of what a send files after its answer: its pointers (not the places, in the same container) and the manager's message. */
const isFiling = (container: ContainerName, doc: Doc) =>
  (container === 'tasks' && doc.role !== 'ledger') ||
  (container === 'outbox' && doc.kind === 'approval_needed');

/**
 * Holds every write of what a send files (pointers, the manager's message) until released, or,
 * given `failure`, makes each fail with it, as a store failing at that moment would.
 */
function holdFilingWrites(store: DocumentStore, failure?: Error) {
  const { create, upsert } = store;
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let reached = () => undefined as void;
  const first = new Promise<void>((resolve) => (reached = resolve));
  const gate = async <T>(container: ContainerName, doc: Doc, write: () => Promise<T>): Promise<T> => {
    if (!isFiling(container, doc)) return write();
    reached();
    if (failure) throw failure;
    await released;
    return write();
  };
  store.create = ((c: ContainerName, doc: Doc) =>
    gate(c, doc, () => create.call(store, c, doc))) as typeof create;
  store.upsert = ((c: ContainerName, doc: Doc) =>
    gate(c, doc, () => upsert.call(store, c, doc))) as typeof upsert;
  return { reached: first, release, restore: () => Object.assign(store, { create, upsert }) };
}

/** Makes every write of a request fail until restored. */
function failRequestWrites(store: DocumentStore) {
  const { create } = store;
  store.create = ((c: ContainerName, doc: Doc) =>
    c === 'requests' ? Promise.reject(new Error('store gone')) : create.call(store, c, doc)) as typeof create;
  return { restore: () => Object.assign(store, { create }) };
}
