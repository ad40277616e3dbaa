import { decideOnRequest, type Decision } from '../../../src/app/decideOnRequest';
import { fileSend } from '../../../src/app/fileSend';
import { createServices, type Services } from '../../../src/app/services';
import { sendRequest } from '../../../src/app/submitRequest';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { createLogger } from '../../../src/logging/logger';
import { holdFollowUpWrites, type HeldWrites } from '../../support/heldWrites';
import { freeMornings } from '../../support/requestInState';
import { stoppedMoves, type Slot } from '../../support/stoppedMoves';
import {
  finishedDraft,
  personOf,
  seedWorkflow,
  visitorPerSlot,
  type Workflow,
} from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/**
 * A move's pointers are written after its answer, so a later move can be answered, and write its
 * own pointers, before an earlier move's land. The earlier ones must not win: a manager's list
 * would show a cancelled request as waiting for them until the scheduler's scan put it right.
 */
describe.each(STORE_SUBJECTS)('a late pointer write never wins over a newer one, $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let slots: Slot[];
  let visitors: Person[];

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    slots = await freeMornings(workflow.services, 4, workflow.services.clock());
    visitors = await visitorPerSlot(workflow.services, workflow.offer, slots.slice(0, 2));
  });
  afterAll(async () => cleanup());

  const { nextHour, filed } = stoppedMoves(() => workflow);

  const heldServices = (held: HeldWrites): Services =>
    createServices(held.store, workflow.services.clock, undefined, undefined, {
      logger: createLogger('silent'),
    });

  /** The visitor calls the request off, `afterMs` after the move whose writes are held, everything filed. */
  async function cancelMeanwhile(request: ShadowingRequest, movedAt: Date, afterMs: number) {
    workflow.setNow(new Date(movedAt.getTime() + afterMs));
    const visitor = await personOf(workflow.services, request.visitorId);
    const cancelled = await decideOnRequest(
      workflow.services,
      visitor,
      request.visitorId,
      request.id,
      { action: 'cancel' },
      workflow.services.clock(),
    );
    if (!cancelled.ok) throw new Error(cancelled.refusal);
    await cancelled.followUp;
    return cancelled.request;
  }

  const pointersOf = (request: ShadowingRequest) =>
    Promise.all([
      workflow.services.tasks.find(request.managerId!, 'manager', request.id),
      workflow.services.tasks.find(request.hostId!, 'host', request.id),
    ]);

  it.each([
    ['a millisecond after', 1],
    ['at the same instant as', 0],
  ])(
    "keeps the cancelling's pointers when a send's, held, land after it (cancelled %s the send)",
    async (_when, afterMs) => {
      const visitor = visitors[afterMs]!;
      const sentAt = nextHour();
      const draft = { ...finishedDraft(workflow.offer, slots[afterMs]!, sentAt), id: `late-send-${afterMs}` };
      const held = holdFollowUpWrites(workflow.store, draft.id);
      const services = heldServices(held);
      const sent = await sendRequest(services, visitor, draft, sentAt);
      if (!sent.ok) throw new Error(sent.problems.join(' '));
      const filing = fileSend(services, sent, true, sentAt);
      await held.firstAsked;

      const cancelled = await cancelMeanwhile(sent.request, sentAt, afterMs);
      expect((await pointersOf(cancelled)).map((task) => task?.state)).toEqual(['cancelled', 'cancelled']);

      held.release();
      await filing;
      expect((await pointersOf(cancelled)).map((task) => task?.state)).toEqual(['cancelled', 'cancelled']);
    },
  );

  it("keeps the cancelling's pointers when an approval's, held, land after it", async () => {
    const request = await filed('awaiting_manager', slots[2]!);
    const approvedAt = nextHour();
    const held = holdFollowUpWrites(workflow.store, request.id);
    const services = heldServices(held);
    const megan = await personOf(workflow.services, DEMO_IDS.megan);
    const approval: Decision = { action: 'approve' };
    const approved = await decideOnRequest(
      services,
      megan,
      request.visitorId,
      request.id,
      approval,
      approvedAt,
    );
    if (!approved.ok) throw new Error(approved.refusal);
    await held.firstAsked;

    const cancelled = await cancelMeanwhile(approved.request, approvedAt, 1);
    held.release();
    await approved.followUp;
    await services.afterAnswer.idle();
    expect((await pointersOf(cancelled)).map((task) => task?.state)).toEqual(['cancelled', 'cancelled']);
  });
});
