import { submitRequest } from '../../../src/app/submitRequest';
import { createServices } from '../../../src/app/services';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { DocumentStore } from '../../../src/store/documentStore';
import { finishedDraft, morningOf, personOf, seedWorkflow, VISIT_DAY } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/**
 * A send that stored its request but failed before filing the manager's message and pointers (the
 * store failing there, as a process killed at that moment would leave it): sending the same draft
 * again says it was sent, and files what was missing, once.
 */
describe.each(STORE_SUBJECTS)('sending again after a send stopped half way, $name', (subject) => {
  let store: DocumentStore;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ store, cleanup } = await subject.open());
  });
  afterAll(async () => cleanup());

  it("files the manager's message and pointers the first send never filed, and nothing twice", async () => {
    const workflow = await seedWorkflow(store);
    const visitor = await personOf(workflow.services, DEMO_IDS.alex);
    const now = workflow.services.clock();
    const draft = { ...finishedDraft(workflow.offer, morningOf(VISIT_DAY), now), id: 'draft-half-sent' };
    const failsAfterRequest: DocumentStore = Object.create(store, {
      create: {
        value: (container: string, doc: unknown) =>
          container === 'outbox'
            ? Promise.reject(new Error('store gone'))
            : store.create(container as never, doc as never),
      },
      upsert: { value: () => Promise.reject(new Error('store gone')) },
    });
    await expect(
      submitRequest(createServices(failsAfterRequest, workflow.services.clock), visitor, draft, now),
    ).rejects.toThrow('store gone');
    const managerId = visitor.managerId as string;
    expect((await workflow.services.requests.find(visitor.id, draft.id))?.request.state).toBe(
      'awaiting_manager',
    );
    expect(await workflow.services.outbox.listForPerson(managerId)).toEqual([]);

    const again = await submitRequest(workflow.services, visitor, draft, now);
    expect(again).toMatchObject({ ok: true, already: true });
    const owed = await workflow.services.outbox.listForPerson(managerId);
    expect(owed.map((n) => [n.kind, n.requestId])).toEqual([['approval_needed', draft.id]]);
    const tasks = await workflow.services.tasks.listFor(managerId, 'manager', ['awaiting_manager']);
    expect(tasks.map((t) => t.requestId)).toEqual([draft.id]);

    const third = await submitRequest(workflow.services, visitor, draft, now);
    expect(third).toMatchObject({ ok: true, already: true, queued: [] });
    expect(await workflow.services.outbox.listForPerson(managerId)).toHaveLength(1);
  });
});
