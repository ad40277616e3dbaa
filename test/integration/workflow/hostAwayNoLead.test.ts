import { decideOnRequest } from '../../../src/app/decideOnRequest';
import { routeAroundUnreachable } from '../../../src/app/routeAroundUnreachable';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import {
  DEMO_TODAY,
  morningOf,
  personOf,
  seedWorkflow,
  submitFor,
  visitorPerSlot,
  type Workflow,
} from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/**
 * A host the bot cannot reach in Teams: the visitor is told a programme lead will follow the
 * request up only when a lead could be told; with none reachable, what to do instead.
 */
describe.each(STORE_SUBJECTS)('the visitor told of a host who cannot be reached, $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
  });
  afterEach(async () => cleanup());

  /** A request the manager approved, waiting for Adele, and the message asking her that never reached her. */
  async function waitingForHost(): Promise<ShadowingRequest> {
    const [visitor] = (await visitorPerSlot(workflow.services, workflow.offer, [
      morningOf('2025-03-18'),
    ])) as [Person];
    const request = await submitFor(workflow, visitor, morningOf('2025-03-18'));
    const manager = await personOf(workflow.services, visitor.managerId as string);
    const approved = await decideOnRequest(
      workflow.services,
      manager,
      visitor.id,
      request.id,
      { action: 'approve', coverMethod: 'within_team' },
      DEMO_TODAY,
    );
    expect(approved.ok).toBe(true);
    await workflow.services.afterAnswer.idle();
    return request;
  }

  async function routeAroundAdele(request: ShadowingRequest): Promise<string[]> {
    const [asked] = (await workflow.services.outbox.listForPerson(DEMO_IDS.adele)).filter(
      (n) => n.requestId === request.id && n.kind === 'host_decision_needed',
    );
    expect(asked).toBeDefined();
    await routeAroundUnreachable(workflow.services, asked!, DEMO_TODAY);
    return (await workflow.services.outbox.listForPerson(request.visitorId))
      .filter((n) => n.requestId === request.id && n.id.includes(':lead-host-'))
      .map((n) => n.note ?? '');
  }

  it('says no programme lead was told when none can be reached, and what to do instead', async () => {
    const request = await waitingForHost();
    // The demo's programme lead has never opened a chat with the bot: no lead can be told.
    expect(await routeAroundAdele(request)).toEqual([
      'I could not reach the host in Teams, so they have not seen your request yet. ' +
        'No programme lead can be reached in Teams yet, so please ask your education or workforce team to help.',
    ]);
  });

  it('says the programme lead will follow it up when one was told', async () => {
    await workflow.services.people.rememberConversation(DEMO_IDS.patti, {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example/',
      conversation: { id: 'a:patti-personal', conversationType: 'personal' },
      user: { id: '29:patti' },
      bot: { id: '28:shadowing-bot' },
    });
    const request = await waitingForHost();
    expect(await routeAroundAdele(request)).toEqual([
      'I could not reach the host in Teams, so they have not seen your request yet. ' +
        'I have told the programme lead, who will follow it up.',
    ]);
  });
});
