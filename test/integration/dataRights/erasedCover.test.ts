import { COVER_TO_MANAGER } from '../../../src/app/dataRights/erasedArranger';
import { NOT_ON_SERVICE } from '../../../src/teams/cards/notOnServiceCard';
import { erasePersonData } from '../../../src/app/dataRights/erasePersonData';
import type { Notification } from '../../../src/app/notifications';
import { COVER_NOT_NEEDED } from '../../../src/app/coverStandDown';
import { createServices, type Services } from '../../../src/app/services';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { actorFor, cardExecute, type Actor } from '../../support/activities';
import { startFakeConnector, type CapturedPost } from '../../support/fakeConnector';
import { installAll, postActivity } from '../../support/http';
import { rosterLongDay } from '../../support/longDay';
import { fileWithPlaceHeld, freeMornings, requestInState } from '../../support/requestInState';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-erased-cover');
const megan = actorFor(DEMO_IDS.megan, 'megan-erased-cover');
const adele = actorFor(DEMO_IDS.adele, 'adele-erased-cover');
const lynne = actorFor(DEMO_IDS.lynne, 'lynne-erased-cover');
const patti = actorFor(DEMO_IDS.patti, 'patti-erased-cover');

const DAY = 86_400_000;
const MOVED_ON = 'This card is out of date, so its buttons have been taken off.';

/**
 * Cover asked for a visit, then the data of someone in it erased, over HTTP: Megan releases Alex
 * and hands cover to Lynne, the rota coordinator; it waits long enough for Lynne to be reminded
 * and Patti, the programme lead, to be asked to help. Then Alex, Adele or Lynne is erased and the
 * scheduler runs.
 */
describe('cover for a visit whose visitor, host or rota coordinator was erased, over HTTP', () => {
  let service: TestService;
  let services: Services;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let now: Date;
  let request: ShadowingRequest;

  const inChatOf = (who: Actor) => (p: CapturedPost) =>
    p.path.includes(`/conversations/${encodeURIComponent(who.conversationId)}/activities`);
  const bodies = (posts: CapturedPost[]) => posts.map((p) => JSON.stringify(p.body));
  /** Messages sent to `who` since `from` (POST), or their cards updated in place (PUT). */
  const sentTo = (who: Actor, from: number, method: 'POST' | 'PUT' = 'POST') =>
    bodies(connector.posts.slice(from).filter((p) => p.method === method && inChatOf(who)(p)));
  /** The activity ids of `who`'s cards with buttons about the request sent so far. */
  const cardsWithButtons = (who: Actor) =>
    connector.posts
      .map((p, i) => ({ body: JSON.stringify(p.body), p, activityId: `sent-${i + 1}` }))
      .filter(
        ({ p, body }) =>
          p.method === 'POST' && inChatOf(who)(p) && body.includes('"verb"') && body.includes(request.id),
      )
      .map(({ activityId }) => activityId);
  const updatesOf = (who: Actor, activityId: string, from: number) =>
    bodies(
      connector.posts
        .slice(from)
        .filter(
          (p) => p.method === 'PUT' && inChatOf(who)(p) && p.path.endsWith(`/activities/${activityId}`),
        ),
    );
  const press = async (who: Actor, verb: string, data: Record<string, unknown>, card?: string) => {
    const { status, body } = await postActivity(service.url, {
      ...cardExecute(who, verb, { requestId: request.id, visitorId: DEMO_IDS.alex, ...data }, connector.url),
      ...(card ? { replyToId: card } : {}),
    });
    expect(status).toBe(200);
    await service.dispatcher.idle();
    return JSON.stringify((body as { value: unknown }).value);
  };
  const tick = async (days = 0) => {
    now = new Date(now.getTime() + days * DAY);
    await service.dispatcher.tick();
    await service.dispatcher.idle();
  };
  /** The request as stored now, wherever an erasure moved it. */
  const stored = async () => {
    const [found] = await service.store.query<ShadowingRequest & { [f: string]: unknown }>('requests', {
      where: [{ field: 'id', op: '=', value: request.id }],
    });
    return found!;
  };
  const queuedFor = async (personId: string) =>
    (await service.store.query<Notification & { [f: string]: unknown }>('outbox')).filter(
      (n) => n.personId === personId,
    );

  beforeEach(async () => {
    now = new Date();
    connector = await startFakeConnector();
    service = await startTestService({ SCHEDULER_INTERVAL_SECONDS: '0' }, { clock: () => now });
    services = createServices(service.store);
    await installAll(service.url, connector.url, [alex, megan, adele, lynne, patti]);
    // Three weeks ahead, so the visit is still to come when cover has waited 5 working days.
    const [slot] = (await freeMornings(services, 1, new Date(now.getTime() + 14 * DAY))) as [
      { start: string; end: string },
    ];
    await rosterLongDay(services, DEMO_IDS.alex, slot);
    for (const person of await services.people.listByDepartment('Acute Medicine'))
      await services.people.upsert({ ...person, rotaCoordinatorId: DEMO_IDS.lynne });
    request = requestInState('awaiting_manager', slot, slot, now);
    await fileWithPlaceHeld(services, request);
    await tick();
    expect(await press(megan, 'decide', { action: 'approve', coverMethod: 'rota_coordinator' })).toContain(
      'Lynne Robbins has been asked to arrange cover.',
    );
    // A week on: Lynne has been reminded, and Patti asked to help with the cover and the host's answer.
    await tick(8);
    expect(sentTo(lynne, 0).join()).toContain('Reminder: cover is still needed');
    expect(sentTo(patti, 0).join()).toContain(
      'Cover for this visit has waited more than 5 working days to be arranged.',
    );
  });
  afterEach(async () => {
    await service?.stop();
    await connector?.stop();
  });

  it.each([
    ['visitor', DEMO_IDS.alex],
    ['host', DEMO_IDS.adele],
  ])(
    'after the %s is erased, the coordinator is told once and no cover card still asks',
    async (_who, erasedId) => {
      const lynnesCards = cardsWithButtons(lynne);
      const pattisCards = cardsWithButtons(patti);
      expect(lynnesCards).toHaveLength(2);
      expect(pattisCards.length).toBeGreaterThanOrEqual(1);
      await erasePersonData(service.store, erasedId);
      const mark = connector.posts.length;
      await tick(0.1);

      expect((await stored()).state).toBe('cancelled');
      const toLynne = sentTo(lynne, mark);
      expect(toLynne).toHaveLength(1);
      expect(toLynne[0]).toContain(COVER_NOT_NEEDED);
      expect(toLynne[0]).toContain('Cover no longer needed');
      // Every card that asked Lynne about this cover points to the message beside it, buttons gone.
      for (const card of lynnesCards) {
        const updates = updatesOf(lynne, card, mark);
        expect(updates).toHaveLength(1);
        expect(updates[0]).toContain(MOVED_ON);
        expect(updates[0]).not.toContain('"verb"');
      }
      // Patti was sent nothing: each card that asked her now says the visit is off, and no longer
      // that cover has waited.
      for (const card of pattisCards) {
        const updates = updatesOf(patti, card, mark);
        expect(updates).toHaveLength(1);
        expect(updates[0]).not.toContain('"verb"');
        expect(updates[0]).not.toContain('waited');
        expect(updates[0]).not.toContain('being arranged');
      }
      expect(sentTo(patti, mark, 'PUT').join()).toContain('Cover no longer needed');
      if (erasedId === DEMO_IDS.alex)
        for (const sent of [
          ...sentTo(lynne, mark),
          ...sentTo(lynne, mark, 'PUT'),
          ...sentTo(patti, mark, 'PUT'),
        ])
          expect(sent).not.toContain('Alex');
      // Her card about the host's answer, too, says plainly why the visit is off.
      for (const update of sentTo(patti, mark, 'PUT')) {
        expect(update).not.toContain('"verb"');
        expect(update).not.toContain('The system');
      }
      expect(await queuedFor('erased')).toEqual([]);

      // An old button gets a plain answer that it is over, and changes nothing.
      const before = await stored();
      for (const [who, card] of [
        [lynne, lynnesCards[0]!],
        [patti, pattisCards[0]!],
      ] as const) {
        const answer = await press(who, 'cover', { action: 'cover_arranged' }, card);
        expect(answer).toContain('no longer');
        expect(answer).toContain('Nothing has been changed.');
        expect(answer).not.toContain('You cannot act on that request');
        expect(answer).not.toContain('The system');
        if (erasedId === DEMO_IDS.alex) expect(answer).not.toContain('Alex');
      }
      // Megan's approval card, pressed again, says the same of the request.
      const again = await press(megan, 'decide', { action: 'approve', coverMethod: 'rota_coordinator' });
      expect(again).toContain('This request is already cancelled, so that can no longer be done.');
      expect(await stored()).toEqual(before);
    },
  );

  it("answers a button on an erased person's own old card plainly, takes that card's buttons off and changes nothing", async () => {
    const [lynnesCard] = cardsWithButtons(lynne);
    const [megansCard] = cardsWithButtons(megan);
    await erasePersonData(service.store, DEMO_IDS.lynne);
    await erasePersonData(service.store, DEMO_IDS.megan);
    const before = await stored();
    const mark = connector.posts.length;

    for (const [who, verb, data, card] of [
      [lynne, 'cover', { action: 'cover_arranged' }, lynnesCard!],
      [megan, 'decide', { action: 'approve', coverMethod: 'rota_coordinator' }, megansCard!],
    ] as const) {
      const answer = await press(who, verb, data, card);
      // The card pressed is replaced, in place, by one with no buttons and nothing of the request.
      expect(answer).toContain('"type":"AdaptiveCard"');
      expect(answer).toContain('This card no longer works');
      expect(answer).toContain(NOT_ON_SERVICE);
      expect(answer).not.toContain('"verb"');
      expect(answer).not.toContain('Alex');
    }
    expect(await stored()).toEqual(before);
    expect(connector.posts.length).toBe(mark);
    expect(await queuedFor('erased')).toEqual([]);
  });

  it('after the rota coordinator is erased, the manager is asked to arrange the cover, once', async () => {
    await erasePersonData(service.store, DEMO_IDS.lynne);
    const mark = connector.posts.length;
    await tick(0.1);

    const toMegan = sentTo(megan, mark);
    expect(toMegan).toHaveLength(1);
    expect(toMegan[0]).toContain(COVER_TO_MANAGER);
    expect(toMegan[0]).toContain('"verb":"cover"');
    expect(await stored()).toMatchObject({ cover: 'pending', coverArrangerId: DEMO_IDS.megan });
    expect(await queuedFor('erased')).toEqual([]);
    await tick(0.5);
    expect(sentTo(megan, mark)).toHaveLength(1);
    // Her name is in nothing sent or redrawn since.
    for (const sent of bodies(connector.posts.slice(mark))) expect(sent).not.toContain('Lynne');

    const [asked] = cardsWithButtons(megan).slice(-1);
    const answer = await press(megan, 'cover', { action: 'cover_arranged' }, asked);
    expect(answer).toContain('Thank you: cover is marked as arranged.');
    expect((await stored()).cover).toBe('arranged');
    // Her answer card says she arranged it, not how it was first to be arranged.
    expect(answer).toContain('"title":"Cover","value":"Arranged by you."');
    expect(answer).not.toContain('Rota coordinator to arrange');
    expect(sentTo(alex, mark).join()).toContain(
      '"title":"Cover for your shift","value":"Arranged by your manager"',
    );
  });
});
