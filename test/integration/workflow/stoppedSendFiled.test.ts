import { createDispatcher } from '../../../src/app/dispatcher';
import { SEND_SETTLE_MS } from '../../../src/app/fileStoppedSends';
import { createServices } from '../../../src/app/services';
import { submitRequest } from '../../../src/app/submitRequest';
import type { Person } from '../../../src/domain/people';
import { createLogger } from '../../../src/logging/logger';
import type { ContainerName } from '../../../src/store/containers';
import type { Doc, DocumentStore, WriteOptions } from '../../../src/store/documentStore';
import { installFor, recordingDeliverer } from '../../support/recordingDeliverer';
import {
  DEMO_TODAY,
  finishedDraft,
  morningOf,
  seedWorkflow,
  visitorPerSlot,
  type Workflow,
} from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/** The programme leads of the demo organisation. */
async function listProgrammeLeadIds(workflow: Workflow): Promise<string[]> {
  return (await workflow.services.people.listProgrammeLeads()).map((lead) => lead.id);
}

/**
 * The same store, with every write about a request (a pointer or a message, not the host's ledger
 * of places) to these containers failing as if the store had gone.
 */
function failingWrites(store: DocumentStore, failing: readonly ContainerName[]) {
  const write =
    (method: 'create' | 'upsert' | 'replace') =>
    (container: ContainerName, doc: Doc, options?: WriteOptions) =>
      failing.includes(container) && doc.requestId !== undefined
        ? Promise.reject(new Error('store gone'))
        : store[method](container, doc, options);
  return Object.create(store, {
    create: { value: write('create') },
    upsert: { value: write('upsert') },
    replace: { value: write('replace') },
  }) as DocumentStore;
}

/** The same store, noting every create and upsert of a message or pointer, by request. */
function recordingWrites(store: DocumentStore, written: Array<[ContainerName, unknown]>): DocumentStore {
  const note = (container: ContainerName, doc: Doc) => {
    if (container === 'outbox' || container === 'tasks') written.push([container, doc.requestId]);
  };
  return Object.create(store, {
    create: {
      value: (container: ContainerName, doc: Doc) => {
        note(container, doc);
        return store.create(container, doc);
      },
    },
    upsert: {
      value: (container: ContainerName, doc: Doc) => {
        note(container, doc);
        return store.upsert(container, doc);
      },
    },
  }) as DocumentStore;
}

/**
 * A send that stored its request and stopped before filing the manager's message and pointers,
 * with nobody left to click Send again: the scheduler files what is missing once the send has had
 * time to finish, once, and leaves sends that filed everything alone.
 */
describe.each(STORE_SUBJECTS)('the scheduler finishes a send that stopped half way, $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let visitors: Person[];

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    visitors = await visitorPerSlot(
      workflow.services,
      workflow.offer,
      ['2025-03-18', '2025-03-20', '2025-03-25', '2025-03-27'].map(morningOf),
    );
    await installFor(workflow.services.people, [
      ...visitors.map((v) => v.id),
      ...visitors.map((v) => v.managerId as string),
      ...(await listProgrammeLeadIds(workflow)),
    ]);
  });
  afterAll(async () => cleanup());

  /** What the manager is owed about this request (the weekly digest is theirs too on a Monday). */
  const owedAbout = async (managerId: string, requestId: string) =>
    (await workflow.services.outbox.listForPerson(managerId)).filter((n) => n.requestId === requestId);

  /** Sends this visitor's draft for the day through `store`, expecting it to fail after storing. */
  const sendThatStops = async (visitor: Person, day: string, store: DocumentStore, draftId: string) => {
    workflow.setNow(DEMO_TODAY);
    const draft = { ...finishedDraft(workflow.offer, morningOf(day), DEMO_TODAY), id: draftId };
    await expect(
      submitRequest(createServices(store, workflow.services.clock), visitor, draft, DEMO_TODAY),
    ).rejects.toThrow('store gone');
    expect((await workflow.services.requests.find(visitor.id, draftId))?.request.state).toBe(
      'awaiting_manager',
    );
  };
  const tickAt = async (store: DocumentStore, msAfterSend: number, times: number) => {
    const deliverer = recordingDeliverer();
    const dispatcher = createDispatcher(
      store,
      createServices(store, workflow.services.clock),
      deliverer,
      createLogger('silent'),
    );
    workflow.setNow(new Date(DEMO_TODAY.getTime() + msAfterSend));
    for (let i = 0; i < times; i += 1) await dispatcher.tick();
    return deliverer.delivered;
  };

  it('asks the manager once, and files both pointers, after the send has had a minute to finish', async () => {
    const visitor = visitors[0] as Person;
    const managerId = visitor.managerId as string;
    const draftId = `stopped-before-filing-${subject.name}`;
    await sendThatStops(visitor, '2025-03-18', failingWrites(workflow.store, ['outbox', 'tasks']), draftId);
    expect(await owedAbout(managerId, draftId)).toEqual([]);

    expect(
      (await tickAt(workflow.store, SEND_SETTLE_MS - 1, 2)).filter((d) => d.requestId === draftId),
    ).toEqual([]);
    expect(await owedAbout(managerId, draftId)).toEqual([]);

    const delivered = await tickAt(workflow.store, SEND_SETTLE_MS, 3);
    expect(delivered.filter((d) => d.requestId === draftId).map((d) => [d.kind, d.personId])).toEqual([
      ['approval_needed', managerId],
    ]);
    const managerTasks = await workflow.services.tasks.listFor(managerId, 'manager', ['awaiting_manager']);
    expect(managerTasks.map((t) => t.requestId)).toContain(draftId);
    expect(await workflow.services.tasks.find(workflow.offer.hostId, 'host', draftId)).toMatchObject({
      state: 'awaiting_manager',
      visitorId: visitor.id,
    });

    expect(
      (await tickAt(workflow.store, SEND_SETTLE_MS * 3, 3)).filter((d) => d.requestId === draftId),
    ).toEqual([]);
    expect(await owedAbout(managerId, draftId)).toHaveLength(1);
  });

  it('files the missing pointers without asking the manager twice', async () => {
    const visitor = visitors[1] as Person;
    const managerId = visitor.managerId as string;
    const draftId = `stopped-before-pointers-${subject.name}`;
    await sendThatStops(visitor, '2025-03-20', failingWrites(workflow.store, ['tasks']), draftId);
    expect(await owedAbout(managerId, draftId)).toHaveLength(1);
    expect(await workflow.services.tasks.find(managerId, 'manager', draftId)).toBeUndefined();

    await tickAt(workflow.store, SEND_SETTLE_MS, 2);
    expect(await workflow.services.tasks.find(managerId, 'manager', draftId)).toMatchObject({
      state: 'awaiting_manager',
    });
    expect(await workflow.services.tasks.find(workflow.offer.hostId, 'host', draftId)).toBeDefined();
    expect(await owedAbout(managerId, draftId)).toHaveLength(1);
  });

  it('asks the programme leads once for a visitor with no manager in the directory', async () => {
    const { managerId: _, ...withoutManager } = visitors[3] as Person;
    const draftId = `stopped-without-manager-${subject.name}`;
    await sendThatStops(withoutManager, '2025-03-27', failingWrites(workflow.store, ['tasks']), draftId);
    const leads = await listProgrammeLeadIds(workflow);
    expect(leads.length).toBeGreaterThan(0);

    const delivered = await tickAt(workflow.store, SEND_SETTLE_MS, 3);
    expect(
      delivered
        .filter((d) => d.requestId === draftId)
        .map((d) => [d.kind, d.personId])
        .sort(),
    ).toEqual(
      [...leads.map((lead) => ['approval_needed', lead]), ['request_update', withoutManager.id]].sort(),
    );
    expect(await workflow.services.tasks.find(workflow.offer.hostId, 'host', draftId)).toBeDefined();
    expect(
      (await tickAt(workflow.store, SEND_SETTLE_MS * 3, 3)).filter((d) => d.requestId === draftId),
    ).toEqual([]);
  });

  it('writes nothing for a send that filed everything', async () => {
    const visitor = visitors[2] as Person;
    workflow.setNow(DEMO_TODAY);
    const draft = {
      ...finishedDraft(workflow.offer, morningOf('2025-03-25'), DEMO_TODAY),
      id: `whole-${subject.name}`,
    };
    expect(await submitRequest(workflow.services, visitor, draft, DEMO_TODAY)).toMatchObject({ ok: true });

    const written: Array<[ContainerName, unknown]> = [];
    await tickAt(recordingWrites(workflow.store, written), SEND_SETTLE_MS * 2, 2);
    expect(written.filter(([, requestId]) => requestId === draft.id)).toEqual([]);
  });
});
