import type { AddressInfo } from 'node:net';
import type { Request, Response } from 'restify';
import { notificationId } from '../../../src/app/notifications';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { createServer } from '../../../src/http/createServer';
import type { ContainerName } from '../../../src/store/containers';
import { StoreUnavailableError, type Doc, type DocumentStore } from '../../../src/store/documentStore';
import { decideAction } from '../../../src/teams/cards/decideAction';
import { createAdapter } from '../../../src/teams/createAdapter';
import type { Bot } from '../../../src/teams/createBot';
import { createMessageEndpoint } from '../../../src/teams/createMessageEndpoint';
import { CARD_RECORD_RETRY_DELAYS_MS } from '../../../src/teams/visitorRequestCard';
import { actorFor, activityFrom, cardExecute, cardSubmit, message } from '../../support/activities';
import { postActivity, replyText, type BotReply } from '../../support/http';
import { captureLogs } from '../../support/logCapture';
import { requestAwaitingManager, walkToSummary } from '../../support/requestWalk';
import { startScriptedConnector } from '../../support/scriptedConnector';
import { seedWorkflow, type Workflow } from '../../support/workflowFixtures';
import { workflowBot } from '../../support/workflowBot';
import { STORE_SUBJECTS } from '../../support/workflowStores';

const alex = actorFor(DEMO_IDS.alex, 'alex-card-record');
const megan = actorFor(DEMO_IDS.megan, 'megan-card-record');

/** The same store, failing (a 503 or a timeout) the next `times` writes of a visitor's request card record. */
function failingCardRecords(store: DocumentStore): { store: DocumentStore; fail(times: number): void } {
  let left = 0;
  const wrapped = Object.create(store, {
    create: {
      value: async (container: ContainerName, doc: Doc) => {
        if (container === 'outbox' && doc.id.endsWith(':card') && left > 0) {
          left -= 1;
          throw new StoreUnavailableError('the store did not answer in time');
        }
        return store.create(container, doc);
      },
    },
  }) as DocumentStore;
  return { store: wrapped, fail: (times) => (left = times) };
}

/**
 * When a visitor sends a request, the bot shows them their request card and records its id, so
 * that later news updates the card in place. The card is in the chat before that write: a store
 * failing it briefly has it written on a later try, and one that stays away leaves the turn as it
 * was (the request was sent) with the loss logged, never a "something went wrong" after "Sent".
 * Through the real HTTP endpoint, bot and connector client, on both stores.
 */
describe.each(STORE_SUBJECTS)('the store fails to record the visitor’s request card: $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let bot: Bot;
  let faults: ReturnType<typeof failingCardRecords>;
  let connector: Awaited<ReturnType<typeof startScriptedConnector>>;
  let server: ReturnType<typeof createServer>;
  let url: string;
  let logs: ReturnType<typeof captureLogs>;

  beforeEach(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    faults = failingCardRecords(opened.store);
    connector = await startScriptedConnector();
    logs = captureLogs();
    const adapter = createAdapter();
    bot = workflowBot(workflow, faults.store, logs.logger, { adapter });
    const endpoint = createMessageEndpoint(adapter, bot.app);
    server = createServer({
      logger: logs.logger,
      maxBodyBytes: 256 * 1024,
      handleActivity: (req: Request, res: Response) => endpoint(req, res),
      checkHealth: async () => ({}),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await bot.dispatcher.idle();
    await connector.stop();
    await cleanup();
  });

  const turn = async (activity: Record<string, unknown>) => {
    const { status, replies } = await postActivity(url, { ...activity, serviceUrl: connector.url });
    expect(status).toBe(200);
    await bot.dispatcher.idle();
    return replies;
  };
  const say = (text: string) => turn(message(alex, text));
  const click = (data: Record<string, unknown>) => turn(cardSubmit(alex, data));
  const toAlex = () => connector.posts.filter((p) => p.conversationId === alex.conversationId);
  const textOf = (body: Record<string, unknown>) => replyText(body as unknown as BotReply);

  /** Alex puts a request together and sends it; its answer goes through the connector, as in Teams. */
  async function sendARequest(): Promise<ShadowingRequest> {
    // Megan has the app, so her approval card reaches her and nobody else is asked instead.
    await turn(
      activityFrom(megan, {
        type: 'conversationUpdate',
        membersAdded: [{ id: megan.userId }],
        deliveryMode: 'normal',
      }),
    );
    await walkToSummary(say, click);
    await turn(
      activityFrom(alex, { type: 'message', value: { verb: 'draft_submit' }, deliveryMode: 'normal' }),
    );
    const stored = await requestAwaitingManager(workflow.store);
    expect(stored).toBeDefined();
    return stored as ShadowingRequest;
  }
  /** What Alex read in the chat after sending, each message as text. */
  const afterSending = () => toAlex().map((p) => textOf(p.body));
  const sentCard = () =>
    toAlex().find((p) => p.method === 'POST' && textOf(p.body).includes('Cancel this request'));
  const cardRecord = (request: ShadowingRequest) =>
    workflow.services.outbox.find(
      DEMO_IDS.alex,
      notificationId('request_update', request.id, DEMO_IDS.alex, 'card'),
    );

  it('records the card on a later try, and updates it in place when the manager approves', async () => {
    faults.fail(CARD_RECORD_RETRY_DELAYS_MS.length);
    const request = await sendARequest();

    expect(afterSending().join('\n')).toContain('Sent. I have asked Megan Bowen');
    expect(afterSending().join('\n')).not.toContain('Sorry');
    const card = sentCard();
    expect(card).toBeDefined();
    expect((await cardRecord(request))?.notification.activityId).toBeDefined();

    const approve = decideAction('approve', 'approve', request).data as Record<string, unknown>;
    await turn(cardExecute(megan, 'decide', { ...approve, coverMethod: 'within_team' }, connector.url));
    await bot.dispatcher.tick();
    await bot.dispatcher.idle();

    const recorded = (await cardRecord(request))?.notification.activityId;
    const updated = toAlex()
      .filter((p) => p.method === 'PUT')
      .map((p) => p.body.id);
    expect(updated.length).toBeGreaterThan(0);
    expect(new Set(updated)).toEqual(new Set([recorded]));
  });

  it('ends the turn as sent and logs what the visitor will see when the store stays away', async () => {
    faults.fail(CARD_RECORD_RETRY_DELAYS_MS.length + 1);
    const request = await sendARequest();

    const read = afterSending().join('\n');
    expect(read).toContain('Sent. I have asked Megan Bowen');
    expect(read).not.toContain('Sorry');
    expect(sentCard()).toBeDefined();
    expect(await cardRecord(request)).toBeUndefined();
    expect(logs.lines).toContainEqual(
      expect.objectContaining({
        level: 50,
        requestId: request.id,
        msg: expect.stringContaining('the card will not be updated in place'),
      }),
    );
  });
});
