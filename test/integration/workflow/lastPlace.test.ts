import { decideOnRequest } from '../../../src/app/decideOnRequest';
import { loadClashContext } from '../../../src/app/loadClashContext';
import { submitRequest } from '../../../src/app/submitRequest';
import { checkVisit } from '../../../src/domain/clash';
import type { HostOffer } from '../../../src/domain/offers';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { slotForDay } from '../../../src/domain/requestDialog/slotForDay';
import {
  finishedDraft,
  freeVisitors,
  morningOf,
  personOf,
  seedWorkflow,
  visitorPerSlot,
  VISIT_DAY,
  type Workflow,
} from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/** Many visitors after the same host's last places at once: never more holds than places. */
describe.each(STORE_SUBJECTS)('the last places with one host: $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
  });
  afterAll(async () => cleanup());

  const heldWith = (offer: HostOffer, at: string) =>
    workflow.services.holds.holdsAround(offer.hostId, offer.id, at);
  const requestsFor = async (offer: HostOffer, visitors: Person[]) => {
    const all = await Promise.all(visitors.map((v) => workflow.services.requests.listForVisitor(v.id)));
    return all.flat().filter((r) => r.offerId === offer.id);
  };

  const submitEach = (offer: HostOffer, visitors: Person[], slots: Array<{ start: string; end: string }>) => {
    const now = workflow.services.clock();
    return Promise.all(
      visitors.map((v, i) =>
        submitRequest(
          workflow.services,
          v,
          finishedDraft(offer, slots[i] as { start: string; end: string }, now),
          now,
        ),
      ),
    );
  };

  it('gives six visitors racing for a week with one place exactly one hold', async () => {
    const sessions = (['tue', 'wed', 'thu'] as const).flatMap((weekday) =>
      (['am', 'pm'] as const).map((part) => ({ weekday, part })),
    );
    const offer: HostOffer = {
      ...workflow.offer,
      id: 'offer-one-a-week',
      sessions,
      capacityPerWeek: 1,
      capacityPerMonth: 4,
    };
    await workflow.store.upsert('offers', { ...offer });
    const slots = ['2025-03-11', '2025-03-12', '2025-03-13'].flatMap((day) => [
      slotForDay(day, 'am'),
      slotForDay(day, 'pm'),
    ]);
    const visitors = await visitorPerSlot(workflow.services, offer, slots);

    const results = await submitEach(offer, visitors, slots);

    const won = results.flatMap((r) => (r.ok ? [r.request] : []));
    expect(won).toHaveLength(1);
    for (const lost of results.filter((r) => !r.ok)) {
      expect(lost).toEqual({
        ok: false,
        problems: [expect.stringContaining('takes at most 1 visit a week')],
      });
    }
    expect((await heldWith(offer, slots[0]?.start as string)).map((h) => h.requestId)).toEqual(
      won.map((r) => r.id),
    );
    expect((await requestsFor(offer, visitors)).map((r) => r.id)).toEqual(won.map((r) => r.id));
  });

  it('gives six visitors racing for the two mornings of a week exactly one each, and confirms both', async () => {
    const tuesday = morningOf(VISIT_DAY);
    const thursday = morningOf('2025-03-20');
    const slots = [tuesday, thursday, tuesday, thursday, tuesday, thursday];
    const visitors = await visitorPerSlot(workflow.services, workflow.offer, slots);
    expect(workflow.offer.capacityPerWeek).toBe(2);

    const results = await submitEach(workflow.offer, visitors, slots);

    const won = results.flatMap((r) => (r.ok ? [r.request] : []));
    expect(won.map((r) => r.start).sort()).toEqual([tuesday.start, thursday.start]);
    for (const lost of results.filter((r) => !r.ok)) {
      expect(lost).toEqual({
        ok: false,
        problems: [expect.stringContaining('Another visitor has already asked for or booked')],
      });
    }
    const holds = await heldWith(workflow.offer, tuesday.start);
    expect(holds.map((h) => h.requestId).sort()).toEqual(won.map((r) => r.id).sort());
    const stored = await requestsFor(workflow.offer, visitors);
    expect(stored.map((r) => r.id).sort()).toEqual(won.map((r) => r.id).sort());
    expect(stored.every((r) => r.state === 'awaiting_manager')).toBe(true);

    // Both winners released by their managers, then the host clicks accept twice on each at once.
    const now = workflow.services.clock();
    const host = await personOf(workflow.services, workflow.offer.hostId);
    for (const request of won) {
      const manager = await personOf(workflow.services, request.managerId as string);
      expect(
        (
          await decideOnRequest(
            workflow.services,
            manager,
            request.visitorId,
            request.id,
            { action: 'approve', coverMethod: 'within_team' },
            now,
          )
        ).ok,
      ).toBe(true);
    }
    const accepts = await Promise.all(
      won
        .flatMap((r) => [r, r])
        .map((r) => decideOnRequest(workflow.services, host, r.visitorId, r.id, { action: 'accept' }, now)),
    );
    expect(accepts.filter((a) => a.ok)).toHaveLength(2);
    const confirmed = (await requestsFor(workflow.offer, visitors)).filter((r) => r.state === 'confirmed');
    expect(confirmed.map((r) => r.id).sort()).toEqual(won.map((r) => r.id).sort());
    expect(confirmed.every((r) => r.history.length === 3)).toBe(true);
  });

  it('gives six visitors racing for one morning that takes two visitors exactly two places, whole or part', async () => {
    const offer: HostOffer = {
      ...workflow.offer,
      id: 'offer-two-a-session',
      sessions: [{ weekday: 'tue', part: 'am' }],
      visitorsPerSession: 2,
      capacityPerWeek: 4,
      capacityPerMonth: 8,
    };
    await workflow.store.upsert('offers', { ...offer });
    const morning = morningOf(VISIT_DAY);
    const part = { start: morning.start.replace('T09:', 'T10:'), end: morning.end.replace('T13:', 'T12:') };
    const slots = [morning, part, morning, part, morning, part];
    const visitors = await visitorPerSlot(workflow.services, offer, slots);

    const results = await submitEach(offer, visitors, slots);

    const won = results.flatMap((r) => (r.ok ? [r.request] : []));
    expect(won).toHaveLength(2);
    for (const lost of results.filter((r) => !r.ok)) {
      expect(lost).toEqual({
        ok: false,
        problems: [expect.stringMatching(/takes 2 visitors in the session .* and 2 visitors have already/)],
      });
    }
    const holds = await heldWith(offer, morning.start);
    expect(holds.map((h) => h.requestId).sort()).toEqual(won.map((r) => r.id).sort());
    expect((await requestsFor(offer, visitors)).map((r) => r.id).sort()).toEqual(won.map((r) => r.id).sort());
  });

  it('never confirms two requests into a single last place, even when the host cuts places', async () => {
    const slot = morningOf('2025-03-25');
    const slots = [slot, morningOf('2025-03-27')];
    const visitors = await visitorPerSlot(workflow.services, workflow.offer, slots);
    const results = await submitEach(workflow.offer, visitors, slots);
    const pending = results.flatMap((r) => (r.ok ? [r.request] : []));
    expect(pending).toHaveLength(2);
    const now = workflow.services.clock();
    for (const request of pending) {
      const manager = await personOf(workflow.services, request.managerId as string);
      await decideOnRequest(
        workflow.services,
        manager,
        request.visitorId,
        request.id,
        { action: 'approve', coverMethod: 'within_team' },
        now,
      );
    }
    // The host now takes one visitor a week: at most one of the two can be confirmed.
    const found = await workflow.services.offers.find(workflow.offer.hostId, workflow.offer.id);
    await workflow.store.replace(
      'offers',
      { ...(found?.offer as HostOffer), capacityPerWeek: 1 },
      { ifMatch: found?.etag as string },
    );
    const host = await personOf(workflow.services, workflow.offer.hostId);

    const accepts = await Promise.all(
      pending.map((r) =>
        decideOnRequest(workflow.services, host, r.visitorId, r.id, { action: 'accept' }, now),
      ),
    );

    expect(accepts.filter((a) => a.ok).length).toBeLessThanOrEqual(1);
    const ids = new Set(pending.map((r) => r.id));
    const confirmed = (await requestsFor(workflow.offer, visitors)).filter(
      (r: ShadowingRequest) => ids.has(r.id) && r.state === 'confirmed',
    );
    expect(confirmed.length).toBeLessThanOrEqual(1);
    await workflow.store.upsert('offers', { ...(found?.offer as HostOffer) });
  });

  it('counts a week that spans two months as one week', async () => {
    // Tuesday 30 September and Thursday 2 October 2025 fall in one London week.
    const offer: HostOffer = {
      ...workflow.offer,
      id: 'offer-month-boundary',
      capacityPerWeek: 1,
      capacityPerMonth: 4,
    };
    const decide =
      (slot: { start: string; end: string }) =>
      async (holds: Array<{ requestId: string; start: string; end: string }>) => {
        const report = checkVisit({
          visitorShifts: [],
          offer,
          heldBookings: holds,
          start: slot.start,
          end: slot.end,
        });
        return report.ok
          ? { ok: true as const }
          : { ok: false as const, reason: report.clashes.map((c) => c.explanation).join(' ') };
      };
    const tuesday = morningOf('2025-09-30');
    const thursday = morningOf('2025-10-02');
    const [first, second] = await Promise.all([
      workflow.services.holds.reserve(
        offer.hostId,
        offer.id,
        { requestId: 'r-tuesday', ...tuesday },
        decide(tuesday),
      ),
      workflow.services.holds.reserve(
        offer.hostId,
        offer.id,
        { requestId: 'r-thursday', ...thursday },
        decide(thursday),
      ),
    ]);
    expect([first.ok, second.ok].filter(Boolean)).toHaveLength(1);
    expect(await heldWith(offer, thursday.start)).toHaveLength(1);
  });

  it('keeps the new place of a request that moved when its old place is freed', async () => {
    const allow = async () => ({ ok: true as const });
    const before = morningOf('2025-11-04');
    const after = morningOf('2025-12-02');
    const holds = workflow.services.holds;
    await holds.reserve(workflow.offer.hostId, 'offer-moves', { requestId: 'r-moving', ...before }, allow);
    await holds.reserve(workflow.offer.hostId, 'offer-moves', { requestId: 'r-moving', ...after }, allow);
    await holds.release(workflow.offer.hostId, 'offer-moves', 'r-moving', before.start);
    expect(await holds.holdsAround(workflow.offer.hostId, 'offer-moves', after.start)).toEqual([
      { requestId: 'r-moving', ...after },
    ]);
  });

  it('reads the places held across the whole of a long search window, not only around its start', async () => {
    const allow = async () => ({ ok: true as const });
    const offer: HostOffer = { ...workflow.offer, id: 'offer-long-window' };
    const holds = workflow.services.holds;
    const near = morningOf('2025-04-01');
    const far = morningOf('2025-06-17');
    const beyond = morningOf('2025-08-05');
    for (const [id, slot] of [
      ['r-near', near],
      ['r-far', far],
      ['r-beyond', beyond],
    ] as const)
      await holds.reserve(offer.hostId, offer.id, { requestId: id, ...slot }, allow);
    const [visitor] = await freeVisitors(workflow.services, offer, near, 1);

    const context = await loadClashContext(workflow.services, visitor as Person, offer, {
      from: new Date('2025-03-24T00:00:00Z'),
      to: new Date('2025-06-23T00:00:00Z'),
    });

    expect(context.heldBookings?.map((h) => h.requestId)).toEqual(['r-near', 'r-far']);
  });
});
