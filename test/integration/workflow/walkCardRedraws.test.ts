import { createServices, type Services } from '../../../src/app/services';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { actorFor, activityFrom, cardExecute } from '../../support/activities';
import { startFakeConnector, type CapturedPost } from '../../support/fakeConnector';
import { postActivity } from '../../support/http';
import { clearRequest, freeMornings, requestInState, writeFollowUps } from '../../support/requestInState';
import { rosterLongDay } from '../../support/longDay';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-walk');
const megan = actorFor(DEMO_IDS.megan, 'megan-walk');
const adele = actorFor(DEMO_IDS.adele, 'adele-walk');
const lynne = actorFor(DEMO_IDS.lynne, 'lynne-walk');
type Who = typeof alex;

const MOVED_ON = 'This card is out of date, so its buttons have been taken off.';

/**
 * The Playground walk's second visit, over HTTP, each button pressed on its own card as Teams
 * does it (the press names the card's message): Megan releases Alex and hands cover to Lynne, who
 * cannot arrange it; Megan releases him without cover; Adele accepts. Megan's earlier cards lose
 * their buttons once, and none repeats the confirmation beside the message that carries it.
 */
describe("the manager's cards through release, failed cover and acceptance, over HTTP", () => {
  let service: TestService;
  let services: Services;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let slot: { start: string; end: string };
  let request: ShadowingRequest;

  const inChatOf = (who: Who) => (p: CapturedPost) =>
    p.path.includes(`/conversations/${encodeURIComponent(who.conversationId)}/activities`);
  /** The card last sent to `who` that says `text`, and the activity id the fake connector gave it. */
  const sentCard = (who: Who, text: string) => {
    const matches = (p: CapturedPost) =>
      p.method === 'POST' && inChatOf(who)(p) && JSON.stringify(p.body).includes(text);
    const index = connector.posts.map((p, i) => (matches(p) ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
    expect(index).toBeGreaterThanOrEqual(0);
    return { body: JSON.stringify(connector.posts[index]?.body), activityId: `sent-${index + 1}` };
  };
  const updatesOf = (who: Who, activityId: string) =>
    connector.posts
      .filter((p) => p.method === 'PUT' && inChatOf(who)(p) && p.path.endsWith(`/activities/${activityId}`))
      .map((p) => JSON.stringify(p.body));
  const press = async (who: Who, card: string, verb: string, data: Record<string, unknown>) => {
    const { status, body } = await postActivity(service.url, {
      ...cardExecute(who, verb, { requestId: request.id, visitorId: DEMO_IDS.alex, ...data }, connector.url),
      replyToId: card,
    });
    expect(status).toBe(200);
    await service.dispatcher.idle();
    return JSON.stringify((body as { value: unknown }).value);
  };

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService({ SCHEDULER_INTERVAL_SECONDS: '0' });
    services = createServices(service.store);
    for (const who of [alex, megan, adele, lynne])
      await postActivity(
        service.url,
        activityFrom(
          who,
          { type: 'conversationUpdate', membersAdded: [{ id: who.userId }], deliveryMode: 'normal' },
          connector.url,
        ),
      );
    [slot] = (await freeMornings(services, 1, new Date())) as [typeof slot];
    // Alex is rostered on a long day then, so his release needs cover; Lynne arranges it.
    await rosterLongDay(services, DEMO_IDS.alex, slot);
    for (const person of await services.people.listByDepartment('Acute Medicine'))
      await services.people.upsert({ ...person, rotaCoordinatorId: DEMO_IDS.lynne });
    request = requestInState('awaiting_manager', slot, slot, new Date());
    await services.requests.create(request);
    await services.holds.reserve(
      DEMO_IDS.adele,
      request.offerId!,
      { requestId: request.id, ...slot },
      async () => ({ ok: true }),
    );
    await writeFollowUps(services, request);
    await service.dispatcher.tick();
    await service.dispatcher.idle();
  });
  afterAll(async () => {
    if (request) await clearRequest(service.store, request);
    await service?.stop();
    await connector?.stop();
  });

  it('takes the buttons off each of her earlier cards once, and never repeats the confirmation on them', async () => {
    const approval = sentCard(megan, 'Alex Wilber asks to be released for a shadowing visit');
    expect(
      await press(megan, approval.activityId, 'decide', {
        action: 'approve',
        coverMethod: 'rota_coordinator',
      }),
    ).toContain('You approved the release');
    const coverCard = sentCard(lynne, '"verb":"cover"');
    await press(lynne, coverCard.activityId, 'cover', {
      action: 'cover_failed',
      reason: 'Nobody on the bank that day',
    });
    const coverFailed = sentCard(megan, 'Release without cover');
    expect(
      await press(megan, coverFailed.activityId, 'cover', { action: 'release_without_cover' }),
    ).toContain('You released them without cover.');
    const hostCard = sentCard(adele, 'Alex Wilber would like to shadow you');
    await press(adele, hostCard.activityId, 'decide', { action: 'accept' });

    const confirmed = sentCard(megan, 'The visit is confirmed.');
    expect(confirmed.body).toContain('You released them without it.');
    const toApproval = updatesOf(megan, approval.activityId);
    const toCoverFailed = updatesOf(megan, coverFailed.activityId);
    // Each drops its buttons once and points to the newer message, whatever came after.
    expect(toApproval).toHaveLength(1);
    expect(toCoverFailed).toHaveLength(1);
    for (const update of [...toApproval, ...toCoverFailed]) {
      expect(update).toContain(MOVED_ON);
      expect(update).not.toContain('"verb"');
      expect(update).not.toContain('released them without it');
      expect(update).not.toContain('confirmed');
    }
    // Every update to Megan's chat was to one of those two cards.
    expect(connector.posts.filter((p) => p.method === 'PUT' && inChatOf(megan)(p))).toHaveLength(2);
  });
});
