import { decideOnRequest } from '../../../src/app/decideOnRequest';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { loadClashContext } from '../../../src/app/loadClashContext';
import { checkVisit } from '../../../src/domain/clash';
import { morningOf, personOf, seedWorkflow, submitFor, type Workflow } from '../../support/workflowFixtures';
import { embeddedSubject } from '../../support/workflowStores';

/** The host proposes another time; the visitor takes it or leaves it. */
describe('a time the host proposes', () => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
  });

  /** A demo visitor free on both mornings, so only the rules under test can refuse. */
  async function visitorFreeOn(first: string, second: string, taken: Person[]): Promise<Person> {
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
          return checkVisit({ ...context, heldBookings: [], ...slot }).ok;
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
      await decideOnRequest(workflow.services, manager, visitor.id, request.id, { action: 'approve' }, now),
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
    expect(holds.filter((h) => h.requestId === request.id)).toEqual([{ requestId: request.id, ...newTime }]);

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
    if (taken.ok)
      expect(taken.queued.map((n) => [n.kind, n.personId])).toEqual([['approval_needed', manager.id]]);
  });

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
});
