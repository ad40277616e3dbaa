import type { Services } from '../../../src/app/services';
import { cancelRequest } from '../../../src/app/cancelRequest';
import { decideOnRequest, type Decision } from '../../../src/app/decideOnRequest';
import { notificationId } from '../../../src/app/notifications';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
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

/**
 * Many clicks on one request at the same moment, by the people allowed to make them: exactly one
 * changes the request, the rest are refused, and only the winner's messages are queued.
 */
describe.each(STORE_SUBJECTS)('decisions racing on one request: $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let visitors: Person[];

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    visitors = await freeVisitors(workflow.services, workflow.offer, morningOf(VISIT_DAY), 4);
  });
  afterAll(async () => cleanup());

  const slot = morningOf(VISIT_DAY);
  const stored = async (request: ShadowingRequest) =>
    (await workflow.services.requests.find(request.visitorId, request.id))?.request;
  const outboxFor = async (request: ShadowingRequest) => {
    const people = [request.visitorId, request.managerId, request.hostId].filter((id): id is string =>
      Boolean(id),
    );
    const all = await Promise.all(people.map((id) => workflow.services.outbox.listForPerson(id)));
    return all
      .flat()
      .filter((n) => n.requestId === request.id)
      .map((n) => n.id)
      .sort();
  };
  const holdsOf = async (request: ShadowingRequest) =>
    (await workflow.services.holds.holdsAround(workflow.offer.hostId, workflow.offer.id, slot.start)).filter(
      (h) => h.requestId === request.id,
    );

  /** The messages each winning move owes, beyond the manager's approval card from submission. */
  const owed = (request: ShadowingRequest, action: string): string[] => {
    const after = (kind: Parameters<typeof notificationId>[0], personId: string) =>
      notificationId(kind, request.id, personId, '2');
    const manager = request.managerId as string;
    const submitted = notificationId('approval_needed', request.id, manager, '1');
    if (action === 'approve')
      return [
        submitted,
        after('host_decision_needed', workflow.offer.hostId),
        after('request_update', request.visitorId),
      ].sort();
    if (action === 'decline_release') return [submitted, after('request_update', request.visitorId)].sort();
    // The visitor cancelled before the host was asked: only the manager hears of it.
    return [submitted, after('request_update', manager)].sort();
  };

  /**
   * Holds every caller's first read of the request until all `count` have read it, so the moves
   * really race from the same version instead of running one after another.
   */
  const racing = (count: number): Services => {
    let read = 0;
    let release = () => undefined as void;
    const allRead = new Promise<void>((resolve) => (release = resolve));
    const requests = Object.create(workflow.services.requests) as Services['requests'];
    requests.find = async (visitorId, requestId) => {
      const found = await workflow.services.requests.find(visitorId, requestId);
      read += 1;
      if (read >= count) release();
      await allRead;
      return found;
    };
    return { ...workflow.services, requests };
  };

  it('lets exactly one of 20 approve, decline and cancel clicks through', async () => {
    const visitor = visitors[0] as Person;
    const request = await submitFor(workflow, visitor, slot);
    const manager = await personOf(workflow.services, visitor.managerId as string);
    const moves: Array<{ actor: Person; decision: Decision }> = Array.from({ length: 20 }, (_, i) => {
      if (i % 3 === 0) return { actor: manager, decision: { action: 'approve', coverMethod: 'within_team' } };
      if (i % 3 === 1)
        return {
          actor: manager,
          decision: {
            action: 'decline_release',
            declineCategory: 'service_pressures',
            reason: 'Short-staffed that week',
          },
        };
      return { actor: visitor, decision: { action: 'cancel', reason: 'Plans changed' } };
    });

    const now = workflow.services.clock();
    const race = racing(moves.length);
    const results = await Promise.all(
      moves.map((m) => decideOnRequest(race, m.actor, visitor.id, request.id, m.decision, now)),
    );
    await workflow.services.afterAnswer.idle();

    const winners = results.flatMap((r, i) => (r.ok ? [moves[i]?.decision.action as string] : []));
    expect(winners).toHaveLength(1);
    for (const lost of results.filter((r) => !r.ok))
      expect(lost).toMatchObject({
        ok: false,
        refusal: expect.stringMatching(/changed nothing|can no longer be done/),
      });
    const after = await stored(request);
    expect(after?.history).toHaveLength(2);
    expect(after?.history[1]?.by).toBe(winners[0] === 'cancel' ? visitor.id : manager.id);
    expect(await outboxFor(request)).toEqual(owed(request, winners[0] as string));
    expect(await holdsOf(request)).toHaveLength(winners[0] === 'approve' ? 1 : 0);
    if (after?.state === 'awaiting_host')
      await decideOnRequest(workflow.services, visitor, visitor.id, request.id, { action: 'cancel' }, now);
    await workflow.services.afterAnswer.idle();
  });

  it('makes one change when the manager approves as the visitor cancels from their list', async () => {
    const visitor = visitors[1] as Person;
    const request = await submitFor(workflow, visitor, slot);
    const manager = await personOf(workflow.services, visitor.managerId as string);
    const now = workflow.services.clock();
    const race = racing(10);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0
          ? decideOnRequest(
              race,
              manager,
              visitor.id,
              request.id,
              { action: 'approve', coverMethod: 'within_team' },
              now,
            )
          : cancelRequest(race, visitor.id, request.id, { id: visitor.id, isProgrammeLead: false }, now),
      ),
    );
    await workflow.services.afterAnswer.idle();
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const after = await stored(request);
    expect(after?.history).toHaveLength(2);
    expect(await holdsOf(request)).toHaveLength(after?.state === 'cancelled' ? 0 : 1);
    if (after?.state === 'awaiting_host')
      await cancelRequest(
        workflow.services,
        visitor.id,
        request.id,
        { id: visitor.id, isProgrammeLead: false },
        now,
      );
    await workflow.services.afterAnswer.idle();
  });

  it('makes one transition when Teams retries the same invoke', async () => {
    const visitor = visitors[2] as Person;
    const request = await submitFor(workflow, visitor, slot);
    const manager = await personOf(workflow.services, visitor.managerId as string);
    const now = workflow.services.clock();

    const first = await decideOnRequest(
      workflow.services,
      manager,
      visitor.id,
      request.id,
      { action: 'approve', coverMethod: 'within_team' },
      now,
    );
    await workflow.services.afterAnswer.idle();
    const retry = await decideOnRequest(
      workflow.services,
      manager,
      visitor.id,
      request.id,
      { action: 'approve', coverMethod: 'within_team' },
      now,
    );
    await workflow.services.afterAnswer.idle();

    expect(first.ok).toBe(true);
    expect(retry).toMatchObject({ ok: false, refusal: expect.stringContaining('waiting for the host') });
    if (!retry.ok) expect(retry.request?.state).toBe('awaiting_host');
    expect((await stored(request))?.history).toHaveLength(2);
    expect(await outboxFor(request)).toEqual(owed(request, 'approve'));
    await decideOnRequest(workflow.services, visitor, visitor.id, request.id, { action: 'cancel' }, now);
    await workflow.services.afterAnswer.idle();
  });
});
