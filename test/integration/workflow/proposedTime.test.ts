import { decideOnRequest } from '../../../src/app/decideOnRequest';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { loadClashContext } from '../../../src/app/loadClashContext';
import { checkVisit } from '../../../src/domain/clash';
import { submitRequest } from '../../../src/app/submitRequest';
import type { HostOffer } from '../../../src/domain/offers';
import {
  finishedDraft,
  freeVisitors,
  morningOf,
  personOf,
  seedWorkflow,
  submitFor,
  type Workflow,
} from '../../support/workflowFixtures';
import { embeddedSubject } from '../../support/workflowStores';
import { toLondonInstant } from '../../../src/domain/time/londonTime';

/** The host proposes another time; the visitor takes it or leaves it. */
describe('a time the host proposes', () => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
  });

  /**
   * A demo visitor free on both mornings, so only the rules under test can refuse; `offRota`: not
   * rostered either (nothing to release), so the test alone decides what the mornings release.
   */
  async function visitorFreeOn(
    first: string,
    second: string,
    taken: Person[],
    offRota = false,
  ): Promise<Person> {
    const everyone = (await workflow.services.people.listAll()).filter(
      (p) => p.managerId && p.id !== workflow.offer.hostId && !taken.some((t) => t.id === p.id),
    );
    for (const person of everyone) {
      const free = await Promise.all(
        [first, second].map(async (day) => {
          const slot = morningOf(day);
          const context = await loadClashContext(workflow.services, person, workflow.offer, {
            from: new Date(slot.start),
            to: new Date(slot.end),
          });
          const report = checkVisit({ ...context, heldBookings: [], ...slot });
          return report.ok && (!offRota || report.release.length === 0);
        }),
      );
      if (free.every(Boolean)) {
        taken.push(person);
        return person;
      }
    }
    throw new Error(`no demo visitor is free on ${first} and ${second}`);
  }
  const chosen: Person[] = [];
  afterAll(async () => cleanup());

  async function releasedRequest(
    visitor: Person,
    day: string,
  ): Promise<{ request: ShadowingRequest; manager: Person; host: Person }> {
    const request = await submitFor(workflow, visitor, morningOf(day));
    const manager = await personOf(workflow.services, visitor.managerId as string);
    const host = await personOf(workflow.services, workflow.offer.hostId);
    const now = workflow.services.clock();
    expect(
      await decideOnRequest(
        workflow.services,
        manager,
        visitor.id,
        request.id,
        { action: 'approve', coverMethod: 'within_team' },
        now,
      ),
    ).toMatchObject({ ok: true });
    return { request, manager, host };
  }

  const stored = async (request: ShadowingRequest) =>
    (await workflow.services.requests.find(request.visitorId, request.id))?.request;

  it('moves the visit and the held place when the visitor takes the new time, then the host confirms', async () => {
    const visitor = await visitorFreeOn('2025-03-18', '2025-03-20', chosen);
    const { request, host } = await releasedRequest(visitor, '2025-03-18');
    const now = workflow.services.clock();
    const newTime = morningOf('2025-03-20');
    const proposed = await decideOnRequest(
      workflow.services,
      host,
      visitor.id,
      request.id,
      { action: 'propose_time', ...newTime },
      now,
    );
    expect(proposed).toMatchObject({ ok: true, request: { state: 'host_proposed_time', proposed: newTime } });

    const taken = await decideOnRequest(
      workflow.services,
      visitor,
      visitor.id,
      request.id,
      { action: 'accept_time' },
      now,
    );
    expect(taken).toMatchObject({
      ok: true,
      request: { state: 'awaiting_host', start: newTime.start, end: newTime.end },
    });
    expect((await stored(request))?.proposed).toBeUndefined();
    const holds = await workflow.services.holds.holdsAround(host.id, workflow.offer.id, newTime.start);
    // Stamped with when the new place was taken, so doctor --repair leaves a move under way alone.
    expect(holds.filter((h) => h.requestId === request.id)).toEqual([
      { requestId: request.id, ...newTime, heldAt: now.toISOString() },
    ]);

    expect(
      await decideOnRequest(workflow.services, host, visitor.id, request.id, { action: 'accept' }, now),
    ).toMatchObject({ ok: true, request: { state: 'confirmed' } });
  });

  it('sends the new time back to the manager when the trust asks for that', async () => {
    const visitor = await visitorFreeOn('2025-03-25', '2025-03-27', chosen);
    const { request, host, manager } = await releasedRequest(visitor, '2025-03-25');
    const now = workflow.services.clock();
    expect(
      await decideOnRequest(
        workflow.services,
        host,
        visitor.id,
        request.id,
        { action: 'propose_time', ...morningOf('2025-03-27') },
        now,
      ),
    ).toMatchObject({ ok: true });

    const reapproving = { ...workflow.services, reapproveNewTime: true };
    const taken = await decideOnRequest(
      reapproving,
      visitor,
      visitor.id,
      request.id,
      { action: 'accept_time' },
      now,
    );
    expect(taken).toMatchObject({ ok: true, request: { state: 'awaiting_manager' } });
    // The manager is asked again; the host, whose card asked about the old time, is told where it stands.
    if (taken.ok)
      expect((await taken.followUp).map((n) => [n.kind, n.personId])).toEqual([
        ['approval_needed', manager.id],
        ['request_update', host.id],
      ]);
  });

  /** Puts an on-call period on the visitor's rota: released time that needs cover, breaking no rest rule. */
  async function onCall(person: Person, day: string, from: string, to: string): Promise<void> {
    const month = day.slice(0, 7);
    const rota = (await workflow.services.rota.readMonth(person.id, month))?.rota ?? {
      personId: person.id,
      month,
      shifts: [],
    };
    const entry = {
      kind: 'on_call' as const,
      code: 'OC',
      start: new Date(toLondonInstant(day, from)).toISOString(),
      end: new Date(toLondonInstant(day, to)).toISOString(),
    };
    await workflow.services.rota.writeMonth({ ...rota, shifts: [...rota.shifts, entry] });
  }

  it.each([
    [
      'the hours released differ (on call 09:00-13:00, then 09:00-11:00)',
      ['2025-04-22', '2025-04-24'],
      '11:00',
      'awaiting_manager',
      2,
    ],
    [
      'the release is the same (on call all morning both days)',
      ['2025-04-15', '2025-04-17'],
      '13:00',
      'awaiting_host',
      4,
    ],
  ] as const)(
    'with REAPPROVE_NEW_TIME off, a new time goes back to the manager only when %s',
    async (_case, [first, second], secondEnd, state, hours) => {
      const visitor = await visitorFreeOn(first, second, chosen, true);
      await onCall(visitor, first, '09:00', '13:00');
      await onCall(visitor, second, '09:00', secondEnd);
      const { request, host } = await releasedRequest(visitor, first);
      expect(await stored(request)).toMatchObject({
        timeBasis: 'work_time',
        releaseHours: 4,
        coverHours: 4,
        cover: 'arranged',
      });
      const now = workflow.services.clock();
      expect(workflow.services.reapproveNewTime).toBeFalsy();
      expect(await propose(host, visitor, request, morningOf(second))).toMatchObject({ ok: true });
      const taken = await decideOnRequest(
        workflow.services,
        visitor,
        visitor.id,
        request.id,
        { action: 'accept_time' },
        now,
      );
      expect(taken).toMatchObject({
        ok: true,
        request: { state, timeBasis: 'work_time', releaseHours: hours, coverHours: hours },
      });
      const after = await stored(request);
      if (state === 'awaiting_manager') expect(after?.cover).toBeUndefined();
      else expect(after?.cover).toBe('arranged');
      // The host's places are left for the tests that follow.
      expect(
        await decideOnRequest(workflow.services, visitor, visitor.id, request.id, { action: 'cancel' }, now),
      ).toMatchObject({ ok: true });
    },
  );

  it('refuses a proposed time that clashes, changing nothing', async () => {
    const visitor = await visitorFreeOn('2025-03-13', '2025-03-11', chosen);
    const { request, host } = await releasedRequest(visitor, '2025-03-13');
    const before = await stored(request);
    // A Saturday: not one of the host's sessions.
    const result = await decideOnRequest(
      workflow.services,
      host,
      visitor.id,
      request.id,
      { action: 'propose_time', ...morningOf('2025-03-22') },
      workflow.services.clock(),
    );
    expect(result).toMatchObject({ ok: false, refusal: expect.stringMatching(/^That time does not work: /) });
    expect(await stored(request)).toEqual(before);
  });

  const propose = (
    host: Person,
    visitor: Person,
    request: ShadowingRequest,
    slot: { start: string; end: string },
  ) =>
    decideOnRequest(
      workflow.services,
      host,
      visitor.id,
      request.id,
      { action: 'propose_time', ...slot },
      workflow.services.clock(),
    );

  /** One request waiting for the host, for the refusals (which change nothing). */
  let waiting: { visitor: Person; request: ShadowingRequest; host: Person } | undefined;
  const waitingForHost = async () => {
    if (!waiting) {
      const visitor = await visitorFreeOn('2025-03-25', '2025-03-25', chosen);
      waiting = { visitor, ...(await releasedRequest(visitor, '2025-03-25')) };
    }
    return waiting;
  };
  it('refuses a time that has passed, saying so, changing nothing', async () => {
    const { visitor, request, host } = await waitingForHost();
    const before = await stored(request);
    // The demo's today is Mon 3 Mar 2025: the Thursday before has gone.
    const result = await propose(host, visitor, request, morningOf('2025-02-27'));
    expect(result).toMatchObject({
      ok: false,
      refusal: 'That time has already passed. Please choose a time still to come.',
      canTryAgain: true,
    });
    expect(await stored(request)).toEqual(before);
  });

  it.each([
    ['words', { start: 'next Tuesday', end: 'lunchtime' }],
    ['a date without an offset', { start: '2025-03-25T09:00:00', end: '2025-03-25T13:00:00' }],
    ['a day that does not exist', { start: '2025-02-30T09:00:00Z', end: '2025-02-30T13:00:00Z' }],
    ['an end before the start', { start: '2025-03-25T13:00:00Z', end: '2025-03-25T09:00:00Z' }],
  ])('refuses a time given as %s, in words, changing nothing', async (_label, slot) => {
    const { visitor, request, host } = await waitingForHost();
    const before = await stored(request);
    const result = await propose(host, visitor, request, slot);
    expect(result).toMatchObject({
      ok: false,
      refusal: expect.stringMatching(/could not be read|must end after it starts/),
    });
    expect(await stored(request)).toEqual(before);
  });

  it("refuses a time that overlaps another of the visitor's visits, with any host (visitor_already_booked)", async () => {
    const visitor = await visitorFreeOn('2025-04-03', '2025-04-01', chosen);
    const { request, host } = await releasedRequest(visitor, '2025-04-03');
    // The visitor has asked another host (the acute medical unit) for Tuesday morning.
    const other = (
      await workflow.services.offers.find(
        (await workflow.services.offers.listActive()).find((o) => o.id === 'demo-offer-acute-medical-unit')
          ?.hostId ?? '',
        'demo-offer-acute-medical-unit',
      )
    )?.offer;
    expect(other).toBeDefined();
    const now = workflow.services.clock();
    const elsewhere = await submitRequest(
      workflow.services,
      visitor,
      finishedDraft(other as HostOffer, morningOf('2025-04-01'), now),
      now,
    );
    expect(elsewhere).toMatchObject({ ok: true });
    const before = await stored(request);

    const result = await propose(host, visitor, request, morningOf('2025-04-01'));
    expect(result).toMatchObject({
      ok: false,
      refusal: expect.stringContaining(
        'You already have a shadowing visit asked for or booked at Tue 1 Apr, 09:00-13:00',
      ),
    });
    expect(await stored(request)).toEqual(before);

    // Nor can the visitor send a second request for that morning to the discharge team.
    const twice = await submitRequest(
      workflow.services,
      visitor,
      finishedDraft(workflow.offer, morningOf('2025-04-01'), now),
      now,
    );
    expect(twice).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('You already have a shadowing visit')],
    });
  });
});

/** Sessions with their own times and on dates: a proposed time lies within one occurrence. */
describe("a proposed time and the host's own session times", () => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  const dated = { date: '2025-03-27', start: '10:00', end: '12:30' };

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    const found = await workflow.services.offers.find(workflow.offer.hostId, workflow.offer.id);
    if (!found) throw new Error('the demo offer is missing');
    // Tuesday mornings as before; Thursdays only on one date, with times of their own.
    const offer: HostOffer = {
      ...found.offer,
      sessions: [...found.offer.sessions.filter((s) => !('weekday' in s) || s.weekday !== 'thu'), dated],
    };
    await workflow.services.offers.replace(offer, found.etag);
    workflow = { ...workflow, offer };
  });
  afterAll(async () => cleanup());

  it('takes a time within the dated session and refuses one that runs past it or falls on another Thursday', async () => {
    const within = { start: '2025-03-27T10:00:00.000Z', end: '2025-03-27T12:30:00.000Z' };
    const [visitor] = await freeVisitors(workflow.services, workflow.offer, within, 1);
    const request = await submitFor(workflow, visitor as Person, morningOf('2025-03-18'));
    const now = workflow.services.clock();
    const manager = await personOf(workflow.services, (visitor as Person).managerId as string);
    const host = await personOf(workflow.services, workflow.offer.hostId);
    expect(
      await decideOnRequest(
        workflow.services,
        manager,
        request.visitorId,
        request.id,
        { action: 'approve', coverMethod: 'within_team' },
        now,
      ),
    ).toMatchObject({ ok: true });
    const propose = (slot: { start: string; end: string }) =>
      decideOnRequest(
        workflow.services,
        host,
        request.visitorId,
        request.id,
        { action: 'propose_time', ...slot },
        now,
      );

    expect(await propose(morningOf('2025-03-27'))).toMatchObject({
      ok: false,
      refusal: expect.stringContaining('The host does not offer visits at Thu 27 Mar, 09:00-13:00.'),
    });
    expect(
      await propose({ start: '2025-04-03T10:00:00.000Z', end: '2025-04-03T11:30:00.000Z' }),
    ).toMatchObject({
      ok: false,
      refusal: expect.stringContaining('The host does not offer visits at Thu 3 Apr'),
    });
    expect(await propose(within)).toMatchObject({
      ok: true,
      request: { state: 'host_proposed_time', proposed: within },
    });
  });
});
