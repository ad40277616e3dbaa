import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { actorFor, activityFrom, cardExecute, cardSubmit, message } from '../../support/activities';
import { startFakeConnector } from '../../support/fakeConnector';
import { allText, postActivity, type BotReply } from '../../support/http';
import { requestAwaitingManager, walkToSummary } from '../../support/requestWalk';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-flow');
const megan = actorFor(DEMO_IDS.megan, 'megan-flow');
const adele = actorFor(DEMO_IDS.adele, 'adele-flow');
const lynne = actorFor(DEMO_IDS.lynne, 'lynne-flow');

describe('from a submitted request to a confirmed visit, three people over HTTP', () => {
  let service: TestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  const install = (actor: typeof alex) =>
    postActivity(
      service.url,
      activityFrom(
        actor,
        { type: 'conversationUpdate', membersAdded: [{ id: actor.userId }], deliveryMode: 'normal' },
        connector.url,
      ),
    );
  // Replies come back in the response (expectReplies); the serviceUrl is the connector, as in Teams.
  const say = async (text: string) =>
    (await postActivity(service.url, { ...message(alex, text), serviceUrl: connector.url })).replies;
  const click = async (data: Record<string, unknown>) =>
    (await postActivity(service.url, { ...cardSubmit(alex, data), serviceUrl: connector.url })).replies;
  const execute = async (actor: typeof alex, data: Record<string, unknown>) => {
    const { status, body } = await postActivity(
      service.url,
      cardExecute(actor, 'decide', data, connector.url),
    );
    expect(status).toBe(200);
    return body as { statusCode: number; type: string; value: unknown };
  };
  /** Cards the bot sent proactively to one person's chat since `from`. */
  const sentTo = (actor: typeof alex, from = 0) =>
    connector.posts
      .slice(from)
      .filter((p) => p.path.includes(encodeURIComponent(actor.conversationId)))
      .map((p) => p.body as unknown as BotReply);

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService({ SCHEDULER_INTERVAL_SECONDS: '0' });
    for (const actor of [alex, megan, adele, lynne]) await install(actor);
  });
  // Free the host's places after each test: the demo offer takes two visitors a week.
  afterEach(async () => {
    const open = await service.store.query('requests', {
      partitionKey: DEMO_IDS.alex,
      where: [{ field: 'state', op: 'in', value: ['awaiting_manager', 'awaiting_host', 'confirmed'] }],
    });
    for (const request of open) await click({ verb: 'cancel_request', requestId: request.id });
    await service.dispatcher.idle();
  });
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  async function submitRequest(): Promise<string> {
    await walkToSummary(say, click);
    const sent = await click({ verb: 'draft_submit' });
    expect(allText(sent)).toMatch(
      /I have asked Megan Bowen to (release you|agree your visit, in your own time)/,
    );
    await service.dispatcher.idle();
    return String((await requestAwaitingManager(service.store))?.id);
  }

  it('sends Megan an approval card, Adele a host card after release, and both a confirmation', async () => {
    const mark = connector.posts.length;
    const requestId = await submitRequest();

    const toMegan = sentTo(megan, mark);
    expect(toMegan).toHaveLength(1);
    const approval = JSON.stringify(toMegan[0]);
    expect(approval).toContain('Alex Wilber asks to be released for a shadowing visit');
    expect(approval).toContain('Shadowing this year');
    expect(approval).not.toContain('Costs');
    expect(approval).toContain('"verb":"decide"');
    expect(sentTo(adele, mark)).toHaveLength(0);

    // Megan approves: her card is replaced by the decision, told to her as hers.
    const approved = await execute(megan, {
      action: 'approve',
      coverMethod: 'within_team',
      requestId,
      visitorId: DEMO_IDS.alex,
    });
    expect(approved.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(approved.value)).toContain('You approved the release. Adele Vance has been asked.');
    await service.dispatcher.idle();

    const toAdele = sentTo(adele, mark);
    expect(toAdele).toHaveLength(1);
    expect(JSON.stringify(toAdele[0])).toContain('Alex Wilber would like to shadow you');
    expect(JSON.stringify(sentTo(alex, mark))).toContain('Megan Bowen approved the release.');

    // Adele accepts: her card becomes the confirmation, in her words; Alex gets his own.
    const accepted = await execute(adele, { action: 'accept', requestId, visitorId: DEMO_IDS.alex });
    expect(JSON.stringify(accepted.value)).toContain('Confirmed: Alex Wilber will shadow you');
    expect(JSON.stringify(accepted.value)).not.toContain('Your shadowing visit is confirmed');
    await service.dispatcher.idle();
    const toAlex = JSON.stringify(sentTo(alex, mark));
    expect(toAlex).toContain('Your shadowing visit is confirmed');
    expect(toAlex).toContain('Patient Flow Hub');
    expect(toAlex).toContain('Add to my calendar');

    const [request] = await service.store.query('requests', {
      partitionKey: DEMO_IDS.alex,
      where: [{ field: 'id', op: '=', value: requestId }],
    });
    expect(request).toMatchObject({ state: 'confirmed' });
    expect((request?.history as Array<{ by: string; to: string }>).map((t) => [t.to, t.by])).toEqual([
      ['awaiting_manager', DEMO_IDS.alex],
      ['awaiting_host', DEMO_IDS.megan],
      ['confirmed', DEMO_IDS.adele],
    ]);
  });

  it("updates the visitor's own request card in place when the manager decides", async () => {
    await walkToSummary(say, click, 'See a board round');
    // Sent as Teams does, with replies posted to the connector, so the request card gets an id.
    const mark = connector.posts.length;
    await postActivity(service.url, {
      ...cardSubmit(alex, { verb: 'draft_submit' }),
      serviceUrl: connector.url,
      deliveryMode: 'normal',
    });
    await connector.waitFor(mark + 2);
    const request = await requestAwaitingManager(service.store);
    const record = await service.store.read(
      'outbox',
      `request_update:${String(request?.id)}:${DEMO_IDS.alex}:card`,
      DEMO_IDS.alex,
    );
    const cardId = String(record?.doc.activityId);
    expect(cardId).toMatch(/^sent-\d+$/);

    await execute(megan, {
      action: 'approve',
      coverMethod: 'within_team',
      requestId: request?.id,
      visitorId: DEMO_IDS.alex,
    });
    await service.dispatcher.idle();
    const updates = connector.posts.filter(
      (p) => p.method === 'PUT' && p.path.endsWith(`/activities/${cardId}`),
    );
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates[0]?.body)).toContain('Waiting for the host');
  });

  it('refuses a decision from the wrong person, changing nothing', async () => {
    const requestId = await submitRequest();
    for (const [actor, action] of [
      [lynne, 'approve'],
      [alex, 'approve'],
      [adele, 'accept'],
    ] as const) {
      const answer = await execute(actor, { action, requestId, visitorId: DEMO_IDS.alex });
      expect(JSON.stringify(answer.value)).toContain('Nothing has been changed.');
    }
    const [request] = await service.store.query('requests', {
      partitionKey: DEMO_IDS.alex,
      where: [{ field: 'id', op: '=', value: requestId }],
    });
    expect(request).toMatchObject({ state: 'awaiting_manager' });
    expect((request?.history as unknown[]).length).toBe(1);
  });

  it('makes exactly one change when the manager double-clicks, and says so on the second', async () => {
    const requestId = await submitRequest();
    const [first, second] = await Promise.all([
      execute(megan, { action: 'approve', coverMethod: 'within_team', requestId, visitorId: DEMO_IDS.alex }),
      execute(megan, { action: 'approve', coverMethod: 'within_team', requestId, visitorId: DEMO_IDS.alex }),
    ]);
    const texts = [JSON.stringify(first.value), JSON.stringify(second.value)];
    expect(texts.filter((t) => t.includes('approved the release')).length).toBeGreaterThanOrEqual(1);
    expect(
      texts.filter((t) => t.includes('changed nothing') || t.includes('can no longer be done')).length,
    ).toBe(1);
    await service.dispatcher.idle();
    const [request] = await service.store.query('requests', {
      partitionKey: DEMO_IDS.alex,
      where: [{ field: 'id', op: '=', value: requestId }],
    });
    expect((request?.history as unknown[]).length).toBe(2);
    const hostCards = await service.store.query('outbox', {
      partitionKey: DEMO_IDS.adele,
      where: [{ field: 'requestId', op: '=', value: requestId }],
    });
    expect(hostCards).toHaveLength(1);
  });

  it('asks for the main reason before a decline, and records it with any words added', async () => {
    const requestId = await submitRequest();
    const noReason = await execute(megan, {
      action: 'decline_release',
      requestId,
      visitorId: DEMO_IDS.alex,
      reason: 'We are short-staffed that week',
    });
    expect(JSON.stringify(noReason.value)).toContain('Please choose the main reason for declining.');
    expect(JSON.stringify(noReason.value)).toContain('Approve release');
    const declined = await execute(megan, {
      action: 'decline_release',
      declineCategory: 'no_cover',
      requestId,
      visitorId: DEMO_IDS.alex,
      reason: 'We are short-staffed that week',
    });
    expect(JSON.stringify(declined.value)).toContain('No cover available: We are short-staffed that week');
    const [stored] = await service.store.query('requests', {
      partitionKey: DEMO_IDS.alex,
      where: [{ field: 'id', op: '=', value: requestId }],
    });
    expect(stored).toMatchObject({ state: 'declined_by_manager', declineCategory: 'no_cover' });
    await service.dispatcher.idle();
    expect(JSON.stringify(sentTo(alex))).toContain('could not release you this time.');
  });

  it('refuses an unreadable or forged payload without a change', async () => {
    const answer = await execute(megan, {
      action: 'approve',
      coverMethod: 'within_team',
      requestId: 'not-a-uuid',
      visitorId: DEMO_IDS.alex,
    });
    expect(JSON.stringify(answer.value)).toContain('nothing has been changed');
  });
});
