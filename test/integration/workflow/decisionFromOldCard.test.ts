import { randomUUID } from 'node:crypto';
import { decideOnRequest } from '../../../src/app/decideOnRequest';
import { readAheadDecision, type DecisionHint } from '../../../src/app/readAheadDecision';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { ReadAheadStore } from '../../../src/store/readAheadStore';
import {
  freeVisitors,
  morningOf,
  personOf,
  seedWorkflow,
  submitFor,
  VISIT_DAY,
  type Workflow,
} from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

const A_WEEK_LATER = '2025-03-25';
const ALREADY = 'You already have a shadowing visit asked for or booked at Tue 18 Mar, 09:00-13:00';

/**
 * A decision button carries the visit's time and host so that the rotas can be read with the
 * request; the decision is still made on the request as stored. A card older than the request (its
 * time moved since) or from before buttons carried times decides exactly as a current one.
 */
describe.each(STORE_SUBJECTS)('a decision from a card whose time is not the request’s ($name)', (subject) => {
  let store: ReadAheadStore;
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    store = new ReadAheadStore(opened.store);
    workflow = await seedWorkflow(store);
  });
  afterAll(async () => cleanup());

  /** A request for a morning the host offers, approved by the visitor's manager. */
  async function approvedRequest(visitor: Person, day: string): Promise<ShadowingRequest> {
    const request = await submitFor(workflow, visitor, morningOf(day));
    const manager = await personOf(workflow.services, visitor.managerId as string);
    const approval = { action: 'approve' as const, coverMethod: 'within_team' as const };
    const approved = await decideOnRequest(
      workflow.services,
      manager,
      visitor.id,
      request.id,
      approval,
      workflow.services.clock(),
    );
    if (!approved.ok) throw new Error(`approval refused: ${approved.refusal}`);
    return approved.request;
  }

  /** The host's click as one turn: what the button names is read ahead, then the decision is made. */
  async function acceptFrom(button: Omit<DecisionHint, 'action' | 'visitorId'>, request: ShadowingRequest) {
    const host = await personOf(workflow.services, workflow.offer.hostId);
    return store.runTurn(async () => {
      store.readingAhead(() =>
        readAheadDecision(workflow.services, { action: 'accept', visitorId: request.visitorId, ...button }),
      );
      return decideOnRequest(
        workflow.services,
        host,
        request.visitorId,
        request.id,
        { action: 'accept' },
        workflow.services.clock(),
      );
    });
  }

  it("checks the request's own time, not the card's, and refuses a clash there, changing nothing", async () => {
    const [visitor] = await freeVisitors(workflow.services, workflow.offer, morningOf(VISIT_DAY), 1);
    const request = await approvedRequest(visitor as Person, VISIT_DAY);
    // Another visit of the visitor's on the same morning, confirmed meanwhile.
    await workflow.services.requests.create({ ...request, id: randomUUID(), state: 'confirmed' });
    const before = await workflow.services.requests.find(request.visitorId, request.id);
    // The card names a free morning two months on (the request was moved since it was sent).
    const stale = { ...morningOf('2025-05-20'), hostId: workflow.offer.hostId, offerId: workflow.offer.id };

    const result = await acceptFrom(stale, request);
    expect(result).toMatchObject({
      ok: false,
      refusal: expect.stringContaining(`This visit no longer fits: ${ALREADY}`),
    });
    expect(await workflow.services.requests.find(request.visitorId, request.id)).toEqual(before);
  });

  it('accepts from a card with no time or host on it, as cards made before they carried them', async () => {
    // A week later: the host's one place on the first morning is taken by the test above.
    const [visitor] = await freeVisitors(workflow.services, workflow.offer, morningOf(A_WEEK_LATER), 1);
    const request = await approvedRequest(visitor as Person, A_WEEK_LATER);
    expect(await acceptFrom({}, request)).toMatchObject({ ok: true, request: { state: 'confirmed' } });
  });
});
