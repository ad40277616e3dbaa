import { decideOnRequest } from '../../../src/app/decideOnRequest';
import { fileSend } from '../../../src/app/fileSend';
import { foundSent, sendRequest } from '../../../src/app/submitRequest';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import {
  finishedDraft,
  morningOf,
  personOf,
  seedWorkflow,
  visitorPerSlot,
  type Workflow,
} from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/**
 * A visitor with no manager in the directory has the programme leads asked to decide when the
 * request is sent, under the request's step. Sending it again, or pressing Send once the chat has
 * moved on, files again what the send may have left unfiled; once a lead has decided, the step has
 * moved on, and the leads must not be asked a second time about a decision already made.
 */
describe.each(STORE_SUBJECTS)('the programme leads asked once about a send, $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let visitors: Person[];

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    await workflow.services.people.rememberConversation(DEMO_IDS.patti, { conversation: { id: 'a:patti' } });
    const days = ['2025-03-18', '2025-03-20'].map(morningOf);
    visitors = (await visitorPerSlot(workflow.services, workflow.offer, days)).map(
      ({ managerId: _, ...withoutManager }) => withoutManager,
    );
  });
  afterAll(async () => cleanup());

  /** What the leads and the visitor were told about the request, by message id. */
  const askedAbout = async (request: ShadowingRequest) => {
    const told = await Promise.all(
      [DEMO_IDS.patti, request.visitorId].map((id) => workflow.services.outbox.listAbout(id, request.id)),
    );
    return told
      .flat()
      .filter((n) => n.id.includes(':lead-'))
      .map((n) => n.id.replace(request.id, 'REQUEST'))
      .sort();
  };

  it.each([
    ['its draft is sent again', 0, 'send'],
    ['Send is pressed once the chat has moved on', 1, 'press'],
  ] as const)('asks them once when %s after a lead decided', async (_how, which, how) => {
    const visitor = visitors[which]!;
    const now = workflow.services.clock();
    const draft = {
      ...finishedDraft(workflow.offer, morningOf(['2025-03-18', '2025-03-20'][which]!), now),
      id: `leads-once-${how}`,
    };
    const sent = await sendRequest(workflow.services, visitor, draft, now);
    if (!sent.ok) throw new Error(sent.problems.join(' '));
    await fileSend(workflow.services, sent, undefined, now);
    const asked = await askedAbout(sent.request);
    expect(asked).toEqual(
      [
        `approval_needed:REQUEST:${DEMO_IDS.patti}:lead-1`,
        `request_update:REQUEST:${visitor.id}:lead-1`,
      ].sort(),
    );

    const patti = await personOf(workflow.services, DEMO_IDS.patti);
    const approval = { action: 'approve', coverMethod: 'within_team' } as const;
    const approved = await decideOnRequest(workflow.services, patti, visitor.id, draft.id, approval, now);
    if (!approved.ok) throw new Error(approved.refusal);
    await approved.followUp;

    const again =
      how === 'send'
        ? await sendRequest(workflow.services, visitor, draft, now)
        : await foundSent(workflow.services, approved.request, now);
    expect(again).toMatchObject({ ok: true, already: true, request: { state: 'awaiting_host' } });
    if (!again?.ok) return;
    expect(await fileSend(workflow.services, again, undefined, now)).toEqual([]);
    expect(await askedAbout(sent.request)).toEqual(asked);
  });
});
