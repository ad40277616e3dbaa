import { createServices, type Services } from '../../../src/app/services';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { actorFor, activityFrom, cardExecute } from '../../support/activities';
import { startFakeConnector } from '../../support/fakeConnector';
import { postActivity, type BotReply } from '../../support/http';
import { clearRequest, freeMornings, requestInState, writeFollowUps } from '../../support/requestInState';
import { rosterLongDay } from '../../support/longDay';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-cover');
const megan = actorFor(DEMO_IDS.megan, 'megan-cover');
const adele = actorFor(DEMO_IDS.adele, 'adele-cover');
const lynne = actorFor(DEMO_IDS.lynne, 'lynne-cover');
const isaiah = actorFor(DEMO_IDS.isaiah, 'isaiah-cover');
type Who = typeof alex;

const PURPOSE = 'To understand why discharges from my ward get delayed';

/**
 * The manager's card and cover as a tracked task, through the real restify server: Alex is on a
 * long day during the visit, Megan releases him and hands cover to Lynne, the rota coordinator
 * most of Acute Medicine names, who arranges it or cannot.
 */
describe('release, cover and its cost, over HTTP', () => {
  let service: TestService;
  let services: Services;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let slot: { start: string; end: string };
  let open: ShadowingRequest[] = [];

  const execute = async (who: Who, verb: string, data: Record<string, unknown>) => {
    const { status, body } = await postActivity(service.url, cardExecute(who, verb, data, connector.url));
    expect(status).toBe(200);
    return JSON.stringify((body as { value: unknown }).value);
  };
  /** Messages sent to one person's chat since `from` (POST), or cards updated in place (PUT). */
  const sentTo = (who: Who, from: number, method: 'POST' | 'PUT' = 'POST') =>
    connector.posts
      .slice(from)
      .filter((p) => p.method === method && p.path.includes(encodeURIComponent(who.conversationId)))
      .map((p) => JSON.stringify(p.body as unknown as BotReply));
  const stored = async (request: ShadowingRequest) =>
    (await services.requests.find(request.visitorId, request.id))?.request as ShadowingRequest;

  /** Alex's request, waiting for Megan, with her approval card queued and sent. */
  async function waitingForMegan(): Promise<ShadowingRequest> {
    const request = requestInState('awaiting_manager', slot, slot, new Date());
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
    open.push(request);
    return request;
  }

  async function setCoordinator(coordinatorId: string | undefined): Promise<void> {
    for (const person of await services.people.listByDepartment('Acute Medicine')) {
      const { rotaCoordinatorId: _old, ...rest } = person;
      await services.people.upsert(coordinatorId ? { ...rest, rotaCoordinatorId: coordinatorId } : rest);
    }
  }

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService({ SCHEDULER_INTERVAL_SECONDS: '0' });
    services = createServices(service.store);
    for (const who of [alex, megan, adele, lynne, isaiah])
      await postActivity(
        service.url,
        activityFrom(
          who,
          { type: 'conversationUpdate', membersAdded: [{ id: who.userId }], deliveryMode: 'normal' },
          connector.url,
        ),
      );
    [slot] = (await freeMornings(services, 1, new Date())) as [typeof slot];
    // Alex is on a long day, 08:00-20:30, the day of the visit: the morning needs release and cover.
    await rosterLongDay(services, DEMO_IDS.alex, slot);
    await setCoordinator(DEMO_IDS.lynne);
    const person = await services.people.findById(DEMO_IDS.alex);
    await services.people.upsert({ ...person!, grade: 'FY1' });
  });
  afterEach(async () => {
    for (const request of open) await clearRequest(service.store, request);
    open = [];
    await setCoordinator(DEMO_IDS.lynne);
  });
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  it("shows Megan the shift, the hours, work time, the cover and its cost, and Alex's year", async () => {
    const mark = connector.posts.length;
    await waitingForMegan();
    const [card] = sentTo(megan, mark);
    expect(card).toContain('Long day, ');
    expect(card).toContain('08:00-20:30');
    expect(card).toContain('Work time: rostered to work then, so you are asked to release them.');
    expect(card).toMatch(/"title":"Hours released","value":"4 hours"/);
    expect(card).toMatch(/"title":"Cover needed","value":"4 hours"/);
    // FY1 bank £26.72 and agency £29.58 an hour, for 4 hours.
    expect(card).toContain(
      'About £107 if bank staff cover, about £118 through an agency or locum. An estimate at FY1 rates.',
    );
    expect(card).toContain('Shadowing this year');
    expect(card).not.toContain('Costs');
    expect(card).not.toContain('own time');
    expect(card).toContain('To approve: how will the shift be covered?');
    expect(card).toContain('If you decline: the main reason');
  });

  it('refuses an approval without a cover choice, saying what is missing, and changes nothing', async () => {
    const request = await waitingForMegan();
    const before = await stored(request);
    const mark = connector.posts.length;
    const answer = await execute(megan, 'decide', {
      action: 'approve',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    expect(answer).toContain(
      'Please choose how the shift will be covered, then press Approve release again.',
    );
    expect(answer).toContain('Approve release');
    expect(await stored(request)).toEqual(before);
    await service.dispatcher.idle();
    expect(connector.posts.length).toBe(mark);
  });

  it('hands cover to the rota coordinator, who arranges it; manager and visitor are told', async () => {
    const request = await waitingForMegan();
    const mark = connector.posts.length;
    const approved = await execute(megan, 'decide', {
      action: 'approve',
      coverMethod: 'rota_coordinator',
      coverNote: 'Ask Sam first',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    expect(approved).toContain('You approved the release.');
    expect(approved).toContain('Lynne Robbins has been asked to arrange cover.');
    const approvedRequest = await stored(request);
    expect(approvedRequest).toMatchObject({
      state: 'awaiting_host',
      timeBasis: 'work_time',
      releaseHours: 4,
      coverHours: 4,
      cover: 'pending',
      coverMethod: 'rota_coordinator',
      coverArrangerId: DEMO_IDS.lynne,
      coverCostEstimateGbp: 106.88,
      coverNotes: 'Ask Sam first',
    });
    await service.dispatcher.idle();
    const [toLynne] = sentTo(lynne, mark);
    expect(toLynne).toContain('Cover needed while Alex Wilber is away');
    expect(toLynne).toContain('Long day, ');
    expect(toLynne).toMatch(/"title":"Hours to cover","value":"4 hours"/);
    expect(toLynne).toContain('Ask Sam first');
    // The coordinator learns who, which shift, the hours and the date; not why or where.
    expect(toLynne).not.toContain(PURPOSE);
    expect(toLynne).not.toContain('Discharge');

    const after = connector.posts.length;
    const arranged = await execute(lynne, 'cover', {
      action: 'cover_arranged',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    expect(arranged).toContain('cover is marked as arranged');
    // Her own card says she arranged it; the manager's names the role, as before.
    expect(arranged).toContain('"title":"Cover","value":"Arranged by you."');
    expect(arranged).not.toContain(PURPOSE);
    expect(await stored(request)).toMatchObject({ cover: 'arranged', state: 'awaiting_host' });
    await service.dispatcher.idle();
    expect(sentTo(megan, after).join()).toContain("Cover for Alex Wilber's shift has been arranged.");
    expect(sentTo(megan, after).join()).toContain(
      '"title":"Cover","value":"Arranged by the rota coordinator."',
    );
    expect(sentTo(alex, after).join()).toContain('Cover for your shift has been arranged.');

    // A second click, or one on a request that has moved on: where it stands, nothing changed.
    const twice = await execute(lynne, 'cover', {
      action: 'cover_failed',
      reason: 'No one',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    expect(twice).toContain('Cover is arranged already. Nothing has been changed.');
    expect((await stored(request)).cover).toBe('arranged');
  });

  it("confirms to the host in the host's words, without the visitor's rota or cover", async () => {
    const request = await waitingForMegan();
    await execute(megan, 'decide', {
      action: 'approve',
      coverMethod: 'rota_coordinator',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    await execute(lynne, 'cover', {
      action: 'cover_arranged',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    const mark = connector.posts.length;
    const toAdele = await execute(adele, 'decide', {
      action: 'accept',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    expect(toAdele).toContain('Confirmed: Alex Wilber will shadow you');
    expect(toAdele).toContain('Where to meet');
    expect(toAdele).toContain('Cancel the visit');
    for (const visitorsOnly of [
      'your manager releases you',
      'Cover for your shift',
      'Wear your trust ID badge',
    ])
      expect(toAdele).not.toContain(visitorsOnly);
    await service.dispatcher.idle();
    const toAlex = sentTo(alex, mark).join();
    expect(toAlex).toContain('Your shadowing visit is confirmed');
    expect(toAlex).toContain('Work time: your manager releases you from your rota.');
    expect(toAlex).toMatch(/"title":"Cover for your shift","value":"Arranged by the rota coordinator"/);
  });

  it.each([
    ['pending', false],
    ['arranged', true],
  ])(
    'tells the rota coordinator when the visitor calls the visit off with cover %s',
    async (_status, arrange) => {
      const request = await waitingForMegan();
      await execute(megan, 'decide', {
        action: 'approve',
        coverMethod: 'rota_coordinator',
        requestId: request.id,
        visitorId: DEMO_IDS.alex,
      });
      if (arrange)
        await execute(lynne, 'cover', {
          action: 'cover_arranged',
          requestId: request.id,
          visitorId: DEMO_IDS.alex,
        });
      await service.dispatcher.idle();
      const mark = connector.posts.length;
      await execute(alex, 'decide', {
        action: 'cancel',
        reason: 'My own ward is short that day',
        requestId: request.id,
        visitorId: DEMO_IDS.alex,
      });
      expect((await stored(request)).state).toBe('cancelled');
      await service.dispatcher.idle();
      const toLynne = sentTo(lynne, mark);
      expect(toLynne).toHaveLength(1);
      expect(toLynne[0]).toContain("Cover no longer needed: Alex Wilber's visit is off");
      expect(toLynne[0]).toContain(
        'The visit has been called off, so this cover is no longer needed. If you have booked someone, you can stand them down.',
      );
      // The coordinator learns the cover is off, not why the visitor called the visit off.
      expect(toLynne[0]).not.toContain('My own ward is short that day');
      expect(toLynne[0]).not.toContain('Cover arranged');
      // Her earlier cover card is redrawn in place, its buttons gone, pointing to the message
      // beside it rather than repeating it.
      const updated = sentTo(lynne, mark, 'PUT');
      expect(updated).toHaveLength(1);
      expect(updated[0]).toContain('This card is out of date, so its buttons have been taken off.');
      expect(updated[0]).not.toContain('Cover no longer needed');
      expect(updated[0]).not.toContain('"verb"');
      expect(updated[0]).not.toContain('My own ward is short that day');
    },
  );

  it('tells the manager and visitor when cover cannot be arranged; the manager releases without it', async () => {
    const request = await waitingForMegan();
    await execute(megan, 'decide', {
      action: 'approve',
      coverMethod: 'rota_coordinator',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    const noReason = await execute(lynne, 'cover', {
      action: 'cover_failed',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    expect(noReason).toContain('Please say briefly why cover cannot be arranged');
    expect((await stored(request)).cover).toBe('pending');

    const mark = connector.posts.length;
    await execute(lynne, 'cover', {
      action: 'cover_failed',
      reason: 'Nobody on the bank that day',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    expect(await stored(request)).toMatchObject({
      cover: 'failed',
      coverFailedReason: 'Nobody on the bank that day',
    });
    await service.dispatcher.idle();
    const toMegan = sentTo(megan, mark).join();
    expect(toMegan).toContain("Cover could not be arranged for Alex Wilber's visit");
    expect(toMegan).toContain('Nobody on the bank that day');
    expect(toMegan).toContain('Release without cover');
    expect(sentTo(alex, mark).join()).toContain('Cover for your shift could not be arranged');
    // The host's place is kept while Megan decides.
    expect(await services.holds.holdsAround(DEMO_IDS.adele, request.offerId!, slot.start)).toEqual(
      expect.arrayContaining([expect.objectContaining({ requestId: request.id })]),
    );

    const released = await execute(megan, 'cover', {
      action: 'release_without_cover',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    // Adele has not answered yet: the visit is not agreed, so nobody is told it goes ahead.
    expect(released).toContain(
      'You released them without cover. The visitor has been told; the visit goes ahead once the host has agreed it.',
    );
    await service.dispatcher.idle();
    expect(sentTo(alex, mark).join()).toContain(
      'Cover could not be arranged, but your manager has released you anyway. Your visit goes ahead once the host has agreed it.',
    );
    expect(await stored(request)).toMatchObject({
      cover: 'failed',
      releasedWithoutCover: true,
      state: 'awaiting_host',
    });
  });

  it('lets the manager cancel when cover cannot be arranged, giving the host’s place back', async () => {
    const request = await waitingForMegan();
    await execute(megan, 'decide', {
      action: 'approve',
      coverMethod: 'rota_coordinator',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    const early = await execute(megan, 'decide', {
      action: 'cancel_for_cover',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    expect(early).toContain('Cover is not marked as impossible');
    expect((await stored(request)).state).toBe('awaiting_host');
    await execute(lynne, 'cover', {
      action: 'cover_failed',
      reason: 'Short that week',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    await execute(megan, 'decide', {
      action: 'cancel_for_cover',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    expect((await stored(request)).state).toBe('cancelled');
    expect(await services.holds.holdsAround(DEMO_IDS.adele, request.offerId!, slot.start)).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ requestId: request.id })]),
    );
  });

  it('tells the manager to arrange cover when no rota coordinator is known', async () => {
    await setCoordinator(undefined);
    const request = await waitingForMegan();
    const approved = await execute(megan, 'decide', {
      action: 'approve',
      coverMethod: 'rota_coordinator',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    expect(approved).toContain(
      'No rota coordinator is known for Acute Medicine, so please arrange cover yourself',
    );
    expect(approved).toContain('Cover arranged');
    expect(await stored(request)).toMatchObject({ cover: 'pending', coverArrangerId: DEMO_IDS.megan });
    const arranged = await execute(megan, 'cover', {
      action: 'cover_arranged',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    // Megan clicked it herself: only Alex is told.
    expect(arranged).toContain('Thank you: cover is marked as arranged. The visitor has been told.');
    expect((await stored(request)).cover).toBe('arranged');
  });

  it('sends the request back to the manager when a rota change alters what the visit releases', async () => {
    const request = await waitingForMegan();
    await execute(megan, 'decide', {
      action: 'approve',
      coverMethod: 'within_team',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    expect(await stored(request)).toMatchObject({
      state: 'awaiting_host',
      cover: 'arranged',
      releaseHours: 4,
    });
    // The long day is taken off Alex's rota before Adele answers: the visit is now in his own time.
    const month = new Date(slot.start).toISOString().slice(0, 7);
    const rota = (await services.rota.readMonth(DEMO_IDS.alex, month))!.rota;
    await services.rota.writeMonth({ ...rota, shifts: rota.shifts.filter((s) => s.code !== 'LD') });
    try {
      const mark = connector.posts.length;
      const answer = await execute(adele, 'decide', {
        action: 'accept',
        requestId: request.id,
        visitorId: DEMO_IDS.alex,
      });
      expect(answer).toContain(
        "Alex Wilber's rota has changed since the release, so Megan Bowen has been asked to decide again.",
      );
      const after = await stored(request);
      expect(after).toMatchObject({
        state: 'awaiting_manager',
        timeBasis: 'own_time',
        releaseHours: 0,
        coverHours: 0,
      });
      expect(after.cover).toBeUndefined();
      await service.dispatcher.idle();
      expect(sentTo(megan, mark).join()).toContain('Alex Wilber asks to be released for a shadowing visit');
    } finally {
      await services.rota.writeMonth(rota);
    }
  });

  it('sends a new time that changes the release back to the manager, whatever REAPPROVE_NEW_TIME says', async () => {
    const [, other] = await freeMornings(services, 2, new Date());
    // The proposed morning is off Alex's rota; the first is in his long day.
    const month = other!.start.slice(0, 7);
    const rota = (await services.rota.readMonth(DEMO_IDS.alex, month))?.rota;
    if (rota)
      await services.rota.writeMonth({
        ...rota,
        shifts: rota.shifts.filter((s) => s.end <= other!.start || s.start >= other!.end),
      });
    const request: ShadowingRequest = {
      ...requestInState('host_proposed_time', slot, other!, new Date()),
      timeBasis: 'work_time',
      releaseHours: 4,
      coverHours: 4,
      cover: 'arranged',
      coverMethod: 'within_team',
    };
    await services.requests.create(request);
    open.push(request);
    try {
      await execute(alex, 'decide', {
        action: 'accept_time',
        requestId: request.id,
        visitorId: DEMO_IDS.alex,
      });
      const after = await stored(request);
      expect(after).toMatchObject({ state: 'awaiting_manager', start: other!.start, timeBasis: 'own_time' });
      expect(after.cover).toBeUndefined();
    } finally {
      if (rota) await services.rota.writeMonth(rota);
    }
  });

  it('reveals nothing to someone with no part in the cover, and changes nothing', async () => {
    const request = await waitingForMegan();
    await execute(megan, 'decide', {
      action: 'approve',
      coverMethod: 'rota_coordinator',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    const before = await stored(request);
    for (const who of [isaiah, adele, alex]) {
      const answer = await execute(who, 'cover', {
        action: 'cover_arranged',
        requestId: request.id,
        visitorId: DEMO_IDS.alex,
      });
      expect(answer).toBe(JSON.stringify('You cannot act on that request. Nothing has been changed.'));
    }
    expect(await stored(request)).toEqual(before);
  });
});
