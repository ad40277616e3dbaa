import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { decideAction } from '../../../src/teams/cards/decideAction';
import { actorFor, activityFrom, cardExecute, cardSubmit, message } from '../../support/activities';
import { startFakeConnector } from '../../support/fakeConnector';
import { allText, postActivity } from '../../support/http';
import { requestAwaitingManager, walkToSummary } from '../../support/requestWalk';
import { startTestService, type TestService } from '../../support/startTestService';
import { traceStore, type StoreTrace } from '../../support/storeTrace';

const alex = actorFor(DEMO_IDS.alex, 'alex-answer-first');
const megan = actorFor(DEMO_IDS.megan, 'megan-answer-first');
const adele = actorFor(DEMO_IDS.adele, 'adele-answer-first');

/**
 * The messages a turn queues (the manager's approval card, the host's card, the visitor's news)
 * are delivered in the background, and that work starts only once the turn's own answer has been
 * written: the person who clicked does not wait for the store calls and sends of someone else's
 * message. Nothing is lost by it: every message is still delivered. Ordered by the store trace's
 * counter and the HTTP server's own "answer written" event, not by time.
 */
describe("a turn's deliveries start once its answer has gone, over HTTP", () => {
  let service: TestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let trace: StoreTrace;
  const background = new AsyncLocalStorage<true>();
  /** The trace's clock when each answer to /api/messages finished being written. */
  const answered: number[] = [];
  const onAnswer = (message: unknown) => {
    const { request } = message as { request: { url?: string } };
    if (request.url === '/api/messages') answered.push(trace.mark());
  };

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService({ SCHEDULER_INTERVAL_SECONDS: '0' });
    for (const actor of [alex, megan, adele])
      await postActivity(
        service.url,
        activityFrom(
          actor,
          { type: 'conversationUpdate', membersAdded: [{ id: actor.userId }], deliveryMode: 'normal' },
          connector.url,
        ),
      );
    const kick = service.dispatcher.kick.bind(service.dispatcher);
    service.dispatcher.kick = (queued) => background.run(true, () => kick(queued));
    trace = traceStore(service.store, () => (background.getStore() ? 'background' : undefined));
    diagnostics.subscribe('http.server.response.finish', onAnswer);
  });
  afterAll(async () => {
    diagnostics.unsubscribe('http.server.response.finish', onAnswer);
    trace?.restore();
    await service?.stop();
    await connector?.stop();
  });

  /** One turn over HTTP; its deliveries' store calls, and when its answer was written. */
  async function turn(activity: Record<string, unknown>) {
    await service.dispatcher.idle();
    const from = trace.mark();
    const before = answered.length;
    const { status, replies } = await postActivity(service.url, { ...activity, serviceUrl: connector.url });
    expect(status).toBe(200);
    expect(answered.length).toBe(before + 1);
    await service.dispatcher.idle();
    const deliveries = trace.calls.filter((c) => c.start > from && c.label === 'background');
    return { replies, answeredAt: answered[before] as number, deliveries };
  }

  const say = async (text: string) => (await turn(message(alex, text))).replies;
  const click = async (data: Record<string, unknown>) => (await turn(cardSubmit(alex, data))).replies;

  it('sends, approves and accepts, each answered before any of its messages is read or sent', async () => {
    await walkToSummary(say, click);

    const sent = connector.posts.length;
    const send = await turn(cardSubmit(alex, { verb: 'draft_submit' }));
    expect(allText(send.replies)).toContain('I have asked Megan Bowen');
    const request = (await requestAwaitingManager(service.store)) as ShadowingRequest;
    const button = (action: string) => decideAction(action, action, request).data as Record<string, unknown>;
    const approve = await turn(
      cardExecute(megan, 'decide', { ...button('approve'), coverMethod: 'within_team' }),
    );
    const accept = await turn(cardExecute(adele, 'decide', button('accept')));

    for (const { deliveries, answeredAt } of [send, approve, accept]) {
      // Each turn queued messages, and their delivery began only after the answer was written.
      expect(deliveries.length).toBeGreaterThan(0);
      expect(
        deliveries.filter((c) => c.start < answeredAt).map((c) => `${c.operation} ${c.container}`),
      ).toEqual([]);
    }
    // Nothing was lost by waiting: the manager's, the host's and the visitor's messages all went.
    const chats = connector.posts
      .slice(sent)
      .filter((p) => p.method === 'POST')
      .map((p) => p.path);
    for (const actor of [megan, adele, alex])
      expect(chats.some((path) => path.includes(encodeURIComponent(actor.conversationId)))).toBe(true);
  });
});
