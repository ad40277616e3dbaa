import { decideOnRequest } from '../../../src/app/decideOnRequest';
import { newNotification } from '../../../src/app/notifyParties';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { Person } from '../../../src/domain/people';
import {
  freeVisitors,
  morningOf,
  personOf,
  seedWorkflow,
  submitFor,
  VISIT_DAY,
  type Workflow,
} from '../../support/workflowFixtures';
import { embeddedSubject } from '../../support/workflowStores';

/**
 * Programme leads asked to approve a request (it was routed to them) hear where it stands when
 * another lead decides it, so their cards can be redrawn without buttons; a lead who was never
 * asked hears nothing.
 */
describe('programme leads holding a card about a request another lead decided', () => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  const lead = (id: string, name: string): Person => ({
    id,
    email: `${id}@northmoor-nhs.example`,
    name,
    jobTitle: 'Programme Lead',
    department: 'Education',
    profession: 'nursing',
    roles: ['staff', 'programme_lead'],
    conversation: { conversation: { id: `a:${id}` } },
  });
  const second = lead('lead-second', 'Rosa Second');
  const unasked = lead('lead-unasked', 'Uma Unasked');

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    for (const person of [second, unasked]) await workflow.services.people.upsert(person);
    await workflow.services.people.rememberConversation(DEMO_IDS.patti, { conversation: { id: 'a:patti' } });
  });
  afterAll(async () => cleanup());

  it('tells the other lead who was asked, and nobody else beyond the request', async () => {
    const [visitor] = (await freeVisitors(workflow.services, workflow.offer, morningOf(VISIT_DAY), 1)) as [
      Person,
    ];
    const request = await submitFor(workflow, visitor, morningOf(VISIT_DAY));
    const now = workflow.services.clock();
    // Both leads were sent the approval card (as when the manager cannot be reached).
    for (const id of [DEMO_IDS.patti, second.id])
      await workflow.services.outbox.enqueue({
        ...newNotification('approval_needed', request, id, 'lead-1', now, 'The manager cannot be reached.'),
        status: 'sent',
        sentAt: now.toISOString(),
        activityId: `card-${id}`,
      });

    const patti = await personOf(workflow.services, DEMO_IDS.patti);
    const decided = await decideOnRequest(
      workflow.services,
      patti,
      visitor.id,
      request.id,
      { action: 'approve', coverMethod: 'within_team' },
      now,
    );
    expect(decided).toMatchObject({ ok: true, request: { state: 'awaiting_host' } });
    if (!decided.ok) return;
    const told = (await decided.followUp).map((n) => [n.kind, n.personId]);
    expect(told).toEqual(
      expect.arrayContaining([
        ['request_update', second.id],
        ['request_update', visitor.managerId],
      ]),
    );
    expect(told.map(([, id]) => id)).not.toContain(unasked.id);
    expect(told.map(([, id]) => id)).not.toContain(DEMO_IDS.patti);
  });
});
