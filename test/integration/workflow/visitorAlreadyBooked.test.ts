import { randomUUID } from 'node:crypto';
import { decideOnRequest } from '../../../src/app/decideOnRequest';
import { createHostFinder } from '../../../src/app/hostFinder';
import { submitRequest } from '../../../src/app/submitRequest';
import type { HostOffer } from '../../../src/domain/offers';
import type { Person } from '../../../src/domain/people';
import type { RequestDraft } from '../../../src/domain/requestDialog/draft';
import type { ShadowingRequest } from '../../../src/domain/requests';
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

const AMU = 'demo-offer-acute-medical-unit';
/** A morning both demo offers take a visitor on (each test has a fresh store). */
const TUESDAY = '2025-04-01';
const ALREADY = 'You already have a shadowing visit asked for or booked at Tue 1 Apr, 09:00-13:00';

/**
 * visitor_already_booked: a person cannot hold two pending or confirmed visits that overlap, with
 * any hosts. Checked when times are suggested, when a request is sent and when a host confirms.
 */
describe('a visitor already booked elsewhere', () => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let amu: HostOffer;
  beforeEach(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    const found = (await workflow.services.offers.listActive()).find((o) => o.id === AMU);
    if (!found) throw new Error('the demo acute medical unit offer is missing');
    amu = found;
  });
  afterEach(async () => cleanup());

  /** A visitor free on Tuesday morning, so only their own bookings stand in the way. */
  async function freeVisitor(): Promise<Person> {
    const [visitor] = await freeVisitors(workflow.services, workflow.offer, morningOf(TUESDAY), 1);
    return visitor as Person;
  }

  const send = (visitor: Person, offer: HostOffer) => {
    const now = workflow.services.clock();
    return submitRequest(workflow.services, visitor, finishedDraft(offer, morningOf(TUESDAY), now), now);
  };

  it("does not suggest a time that overlaps the visitor's other request", async () => {
    const visitor = await freeVisitor();
    const finder = createHostFinder(workflow.services, visitor, workflow.services.clock);
    const draft: RequestDraft = {
      ...finishedDraft(workflow.offer, morningOf(TUESDAY), workflow.services.clock()),
      window: { from: '2025-03-31', to: '2025-04-04' },
    };
    const starts = async () =>
      (await finder.findTimes(draft, workflow.offer.id)).map((slot) => new Date(slot.start).toISOString());
    expect(await starts()).toContain(morningOf(TUESDAY).start);

    expect(await send(visitor, amu)).toMatchObject({ ok: true });
    const after = await starts();
    expect(after).not.toContain(morningOf(TUESDAY).start);
    expect(after).toContain(morningOf('2025-04-03').start);
    expect(await finder.checkSlot(draft, morningOf(TUESDAY))).toMatchObject({
      ok: false,
      problems: [expect.stringContaining(ALREADY)],
    });
  });

  it('refuses to send a second request for the same time, keeping the first', async () => {
    const visitor = await freeVisitor();
    const first = await send(visitor, amu);
    expect(first).toMatchObject({ ok: true });
    expect(await send(visitor, workflow.offer)).toEqual({
      ok: false,
      problems: [expect.stringContaining(ALREADY)],
    });
    const open = await workflow.services.requests.listOpenForVisitor(visitor.id);
    expect(open.map((r) => r.offerId)).toEqual([AMU]);
  });

  it('counts a request again once the other one is cancelled', async () => {
    const visitor = await freeVisitor();
    const first = await send(visitor, amu);
    if (!first.ok) throw new Error('the first request was refused');
    const now = workflow.services.clock();
    expect(
      await decideOnRequest(
        workflow.services,
        visitor,
        visitor.id,
        first.request.id,
        { action: 'cancel' },
        now,
      ),
    ).toMatchObject({ ok: true });
    expect(await send(visitor, workflow.offer)).toMatchObject({ ok: true });
  });

  it('refuses to confirm a visit that overlaps a confirmed one stored before the rule, changing nothing', async () => {
    const visitor = await freeVisitor();
    const request = await submitFor(workflow, visitor, morningOf(TUESDAY));
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
    // A visit with another host on the same morning, confirmed before the rule existed.
    const elsewhere: ShadowingRequest = {
      ...request,
      id: randomUUID(),
      hostId: amu.hostId,
      offerId: amu.id,
      offerTitle: amu.title,
      state: 'confirmed',
    };
    await workflow.services.requests.create(elsewhere);
    const before = await workflow.services.requests.find(visitor.id, request.id);

    const result = await decideOnRequest(
      workflow.services,
      host,
      visitor.id,
      request.id,
      { action: 'accept' },
      now,
    );
    expect(result).toMatchObject({
      ok: false,
      refusal: expect.stringContaining(`This visit no longer fits: ${ALREADY}`),
    });
    expect(await workflow.services.requests.find(visitor.id, request.id)).toEqual(before);
  });

  it('refuses to send a draft whose time has passed while it waited', async () => {
    const visitor = await freeVisitor();
    const now = workflow.services.clock();
    const result = await submitRequest(
      workflow.services,
      visitor,
      finishedDraft(workflow.offer, morningOf('2025-02-27'), now),
      now,
    );
    expect(result).toEqual({
      ok: false,
      problems: ['That time has already passed. Please choose a time still to come.'],
    });
    expect(await workflow.services.requests.listOpenForVisitor(visitor.id)).toEqual([]);
  });
});
