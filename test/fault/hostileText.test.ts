import { randomUUID } from 'node:crypto';
import { createServices, type Services } from '../../src/app/services';
import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import type { ShadowingRequest } from '../../src/domain/requests';
import type { Doc } from '../../src/store/documentStore';
import { isCatalogueEntry, type CatalogueEntry } from '../../src/store/repositories/offerCatalogue';
import { actorFor, activityFrom, cardExecute, cardSubmit, message, type Actor } from '../support/activities';
import { cardActions, lastCardReply } from '../support/cards';
import { snapshotContainers } from '../support/domainSnapshot';
import { startFakeConnector } from '../support/fakeConnector';
import { expectedStoredText, HOSTILE_TEXTS, probeFor, type HostileText } from '../support/hostileText';
import { allText, postActivity, type BotReply } from '../support/http';
import { renderedPlacesOf } from '../support/inertCards';
import { LEAKED_ERROR } from '../support/politeReply';
import { clearRequest, freeMornings, requestInState } from '../support/requestInState';
import { startTestService, type TestService } from '../support/startTestService';
import { countFigure } from '../support/faultFigures';

/**
 * Hostile text (query fragments, card template syntax, markdown, HTML, control and direction
 * characters, NUL, lone surrogates, 10,000 characters) typed into every free-text field over
 * HTTP: it is stored as typed or refused in plain words, shown only where Teams cannot read it
 * as markdown (a TextRun or an input's value), and nobody else's data or lists are affected.
 */
const REFUSED = 'Please check:';
const alex = actorFor(DEMO_IDS.alex, 'alex-hostile');
const megan = actorFor(DEMO_IDS.megan, 'megan-hostile');
const isaiah = actorFor(DEMO_IDS.isaiah, 'isaiah-hostile');

describe('hostile text through every free-text field', () => {
  let service: TestService;
  let services: Services;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let othersBefore: string;
  let slot: { start: string; end: string };

  const chatFor = (who: Actor): Actor => ({
    ...who,
    conversationId: `a:${who.userId.slice(3)}-${randomUUID()}`,
  });
  /** The request or offer being written in this chat, as kept in conversation state. */
  const draftIn = async (who: Actor, field: 'draft' | 'offerDraft') => {
    const docs = await service.store.query('botstate');
    const doc = docs.find((d) => String(d.key).endsWith(`/conversations/${who.conversationId}`));
    return (doc?.state as Record<string, Record<string, unknown> | undefined> | undefined)?.[field];
  };
  /** Posts one activity and checks every reply: nothing leaked, and the probe never rendered. */
  const send = async (activity: Record<string, unknown>, probe: string | undefined): Promise<BotReply[]> => {
    const { status, replies, body } = await postActivity(service.url, {
      ...activity,
      serviceUrl: connector.url,
    });
    expect(status).toBe(200);
    expect(JSON.stringify(body ?? '')).not.toMatch(LEAKED_ERROR);
    if (probe) for (const reply of replies) expect(renderedPlacesOf(reply, probe)).toEqual([]);
    return replies;
  };
  /** Types the hostile answer; when it is refused (in plain words) the fallback is typed instead. */
  const answer = async (who: Actor, hostile: string, fallback: string): Promise<boolean> => {
    const replies = await send(message(who, hostile), probeFor(hostile));
    if (!allText(replies).includes(REFUSED)) return true;
    expect(allText(await send(message(who, fallback), undefined))).not.toContain(REFUSED);
    return false;
  };

  /** Sends why (hostile) and what to learn on the card; when refused, the fallback instead. */
  const reasons = async (who: Actor, hostile: string, fallback: string): Promise<boolean> => {
    const card = (purpose: string) =>
      cardSubmit(who, { verb: 'draft_reasons', purpose, objectives: 'See a board round' });
    const replies = await send(card(hostile), probeFor(hostile));
    if (!allText(replies).includes(REFUSED)) return true;
    expect(allText(await send(card(fallback), undefined))).not.toContain(REFUSED);
    return false;
  };

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService({ SCHEDULER_INTERVAL_SECONDS: '0' });
    services = createServices(service.store);
    for (const who of [alex, megan, isaiah]) {
      await postActivity(
        service.url,
        activityFrom(
          who,
          { type: 'conversationUpdate', membersAdded: [{ id: who.userId }], deliveryMode: 'normal' },
          connector.url,
        ),
      );
    }
    othersBefore = await othersData();
    [slot] = (await freeMornings(services, 1, new Date())) as [typeof slot];
  });
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  /** Everyone's data except what the tests themselves write: Alex's requests and Isaiah's offers. */
  const othersData = async () => {
    // The offers container also holds the host search's copy of each offer, named by its host.
    const hostOf = (doc: Doc) => (isCatalogueEntry(doc) ? (doc as CatalogueEntry).offer.hostId : doc.hostId);
    const offers = (await service.store.query('offers')).filter((o) => hostOf(o) !== DEMO_IDS.isaiah);
    return `${await snapshotContainers(service.store, ['people', 'rota'])}${JSON.stringify(offers.sort((a, b) => a.id.localeCompare(b.id)))}`;
  };

  it.each(HOSTILE_TEXTS.map((h) => [h.name, h] as const))(
    'through the request conversation: %s',
    async (_name, { text }: HostileText) => {
      const who = chatFor(alex);
      await send(message(who, 'new request'), undefined);
      // Any "what" is kept as typed, then changed back to one a host offers, so hosts are found.
      const whatKept = await answer(who, text, 'the discharge team');
      if (whatKept) {
        expect((await draftIn(who, 'draft'))?.what).toBe(expectedStoredText(text));
        await send(message(who, 'back'), probeFor(text));
        await send(message(who, 'the discharge team'), undefined);
      }
      // Why and what to learn come together on one card; the objectives are then changed by typing.
      const purposeKept = await reasons(who, text, 'To understand why discharges from my ward get delayed');
      await send(message(who, 'change objectives'), probeFor(text));
      const objectivesKept = await answer(who, text, 'See a board round');
      await send(message(who, 'change when'), probeFor(text));
      expect(await answer(who, text, 'next month')).toBe(false);
      const hosts = await send(message(who, 'change when'), undefined).then(() =>
        send(message(who, 'next month'), undefined),
      );
      const host = cardActions(lastCardReply(hosts)).find(
        (a) => a.data.field === 'host' && a.data.value === 'demo-offer-discharge-board-round',
      );
      expect(host).toBeDefined();
      const slots = await send(cardSubmit(who, host?.data ?? {}), probeFor(text));
      // A typed time that is not a time is refused in plain words.
      expect(allText(await send(message(who, text), probeFor(text)))).toContain(REFUSED);
      const slot = cardActions(lastCardReply(slots)).find((a) => a.data.field === 'slot');
      expect(allText(await send(cardSubmit(who, slot?.data ?? {}), probeFor(text)))).toContain(
        'Check your request',
      );
      expect(allText(await send(cardSubmit(who, { verb: 'draft_submit' }), probeFor(text)))).toContain(
        'Sent.',
      );

      const [request] = (await services.requests.listForVisitor(DEMO_IDS.alex, 1)) as [ShadowingRequest];
      const stored = expectedStoredText(text);
      expect(request.what).toBe('the discharge team');
      if (purposeKept) expect(request.purpose).toBe(stored);
      if (objectivesKept) for (const objective of request.objectives) expect(stored).toContain(objective);
      // "My requests" still lists it, inert, and the cancel button still finds it.
      const mine = await send(message(who, 'my requests'), probeFor(text));
      const cancel = cardActions(lastCardReply(mine)).find((a) => a.data.requestId === request.id);
      expect(allText(await send(cardSubmit(who, cancel?.data ?? {}), probeFor(text)))).toContain(
        'I have cancelled that request.',
      );
      await service.dispatcher.idle();
    },
  );

  it.each(HOSTILE_TEXTS.map((h) => [h.name, h] as const))(
    'as a reason for declining: %s',
    async (_name, { text }: HostileText) => {
      const request = requestInState('awaiting_manager', slot, slot, new Date());
      await services.requests.create(request);
      const mark = connector.posts.length;
      const probe = probeFor(text);
      const { status, body } = await postActivity(
        service.url,
        cardExecute(
          megan,
          'decide',
          {
            action: 'decline_release',
            declineCategory: 'other',
            requestId: request.id,
            visitorId: DEMO_IDS.alex,
            reason: text,
          },
          connector.url,
        ),
      );
      expect(status).toBe(200);
      const card = body as { value?: unknown };
      expect(JSON.stringify(body)).not.toMatch(LEAKED_ERROR);
      if (probe)
        expect(
          renderedPlacesOf(
            {
              attachments: [{ content: card.value }],
              text: typeof card.value === 'string' ? card.value : undefined,
            },
            probe,
          ),
        ).toEqual([]);
      const after = (await services.requests.find(DEMO_IDS.alex, request.id))?.request as ShadowingRequest;
      if (expectedStoredText(text).length > 500) {
        // Longer than the card's reason box allows: refused in plain words on the manager's card, nothing changed.
        expect(JSON.stringify(card.value)).toContain(
          'please keep your reason under 500. Nothing has been changed.',
        );
        expect(JSON.stringify(card.value)).toContain('Approve release');
        expect(after).toEqual(request);
      } else {
        expect(after.state).toBe('declined_by_manager');
        // The reason reads as the category chosen, then the words typed.
        const typed = expectedStoredText(text);
        expect(after.history.at(-1)?.reason).toBe(typed ? `Other reason: ${typed}` : 'Other reason');
        await service.dispatcher.idle();
        const toAlex = connector.posts.slice(mark).filter((p) => p.path.includes('alex-hostile'));
        expect(toAlex).toHaveLength(1);
        if (probe)
          for (const post of toAlex)
            expect(renderedPlacesOf(post.body as unknown as BotReply, probe)).toEqual([]);
      }
      await clearRequest(service.store, request);
    },
  );

  it.each(HOSTILE_TEXTS.map((h) => [h.name, h] as const))(
    'through the offer conversation: %s',
    async (_name, { text }: HostileText) => {
      const who = chatFor(isaiah);
      const probe = probeFor(text);
      await send(cardSubmit(who, { verb: 'offer_new' }), undefined);
      const kept = {
        title: await answer(who, text, 'Ward 7 nursing handover'),
        description: await answer(
          who,
          text,
          'Join the morning handover and a drug round on a busy surgical ward.',
        ),
      };
      await send(message(who, 'Nursing'), undefined);
      const departmentKept = await answer(who, text, 'Ward 7');
      await send(message(who, 'clinic'), undefined);
      expect(await answer(who, text, 'Tuesday mornings')).toBe(false);
      for (const reply of ['2 a week and 4 a month', 'anyone']) await send(message(who, reply), undefined);
      const prerequisitesKept = await answer(who, text, 'none');
      const meetingPointKept = await answer(who, text, 'Ward 7 nurses station, level 2');
      expect(allText(await send(message(who, 'continue'), probe))).toContain('Check your offer');
      expect(allText(await send(cardSubmit(who, { verb: 'offer_submit' }), probe))).toContain('Saved.');

      const offers = await services.offers.listForHost(DEMO_IDS.isaiah);
      const offer = offers.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
      const stored = expectedStoredText(text);
      if (kept.title) expect(offer?.title).toBe(stored);
      if (kept.description) expect(offer?.description).toBe(stored);
      if (departmentKept) expect(offer?.department).toBe(stored);
      if (prerequisitesKept) expect(offer?.prerequisites).toBe(stored);
      if (meetingPointKept) expect(offer?.meetingPoint).toBe(stored);
      await send(cardSubmit(who, { verb: 'offer_list' }), probe);
    },
  );

  it("leaves everyone else's data and lists as they were", async () => {
    const othersAfter = await othersData();
    countFigure('wrongStateChanges', othersAfter === othersBefore ? 0 : 1);
    expect(othersAfter).toBe(othersBefore);
    const mine = await services.requests.listForVisitor(DEMO_IDS.alex, 100);
    expect(mine.length).toBe(HOSTILE_TEXTS.length);
    expect(mine.every((r) => r.state === 'cancelled')).toBe(true);
    const megansList = allText(await send(message(chatFor(megan), 'my requests'), undefined));
    expect(megansList).not.toContain('understand why discharges');
    expect((await services.offers.listForHost(DEMO_IDS.isaiah)).length).toBe(HOSTILE_TEXTS.length);
  });
});
