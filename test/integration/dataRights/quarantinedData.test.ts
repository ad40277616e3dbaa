import type { Person } from '../../../src/domain/people';
import { CONTAINER_NAMES } from '../../../src/store/containers';
import type { DocumentStore } from '../../../src/store/documentStore';
import { quarantineDocument, type QuarantinedDocument } from '../../../src/store/quarantineDocument';
import { runAgainst } from '../cli/cliHarness';
import { damagePerson } from '../../support/damageDocument';
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

const SET_ASIDE_AT = new Date('2025-03-04T08:00:00Z');

/** Writes a document into quarantine as `doctor --repair` would, its stored text as given. */
async function setAsideText(
  store: DocumentStore,
  from: string,
  partitionKey: string,
  id: string,
  stored: string,
): Promise<QuarantinedDocument> {
  const kept = quarantineDocument({ container: from, partitionKey, id }, stored, SET_ASIDE_AT);
  await store.create('quarantine', kept);
  return kept;
}

const quarantined = async (store: DocumentStore) => store.query<QuarantinedDocument>('quarantine');

async function exportOf(store: DocumentStore, email: string): Promise<Record<string, unknown>> {
  const run = await runAgainst(store, 'data', 'export', '--person', email);
  expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
  return JSON.parse(run.out) as Record<string, unknown>;
}

describe.each(STORE_SUBJECTS)("set-aside documents in a person's data ($name)", (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let visitor: Person;
  let manager: Person;
  /** Someone whose own directory entry could not be read and was set aside. */
  let unreadable: Person;
  let ownRota: QuarantinedDocument;
  let ownRequest: QuarantinedDocument;
  let managersMessage: QuarantinedDocument;
  let unrelated: QuarantinedDocument;

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    const { store } = workflow;
    [visitor] = (await freeVisitors(workflow.services, workflow.offer, morningOf(VISIT_DAY), 1)) as [Person];
    manager = await personOf(workflow.services, visitor.managerId as string);
    // Anyone else, not the visitor's manager: no document set aside names both.
    [unreadable] = (await freeVisitors(workflow.services, workflow.offer, morningOf(VISIT_DAY), 1, [
      visitor,
      manager,
    ])) as [Person];
    await submitFor(workflow, visitor, morningOf(VISIT_DAY));

    ownRota = await setAsideText(
      store,
      'rota',
      visitor.id,
      `${visitor.id}:2025-03`,
      `{"id":"${visitor.id}:2025-03","personId":"${visitor.id}","shifts":[{"start":"2025-03-0`,
    );
    ownRequest = await setAsideText(
      store,
      'requests',
      visitor.id,
      'request-set-aside',
      `{"id":"request-set-aside","visitorId":"${visitor.id}","purpose":"To see how the ward round runs","sta`,
    );
    managersMessage = await setAsideText(
      store,
      'outbox',
      manager.id,
      'message-set-aside',
      `{"id":"message-set-aside","personId":"${manager.id}","text":"${visitor.name} (${visitor.id}) asks to be released on the night of the 18th`,
    );
    unrelated = await setAsideText(
      store,
      'rota',
      manager.id,
      `${manager.id}:2025-03`,
      `{"id":"${manager.id}:2025-03","personId":"${manager.id}","shi`,
    );
    await damagePerson(store, unreadable, 'end');
    expect(await store.setAside('people', unreadable.id, unreadable.id, SET_ASIDE_AT)).toBeDefined();
  });
  afterAll(async () => cleanup());

  it("exports a person's own set-aside documents as stored, and others' that name them without their text", async () => {
    const exported = await exportOf(workflow.store, visitor.email);
    expect(exported.requestsAsVisitor).toHaveLength(1);
    const status = expect.stringContaining('Could not be read, so it was set aside');
    expect(exported.quarantined).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          container: 'rota',
          documentId: ownRota.documentId,
          status,
          stored: ownRota.stored,
        }),
        expect.objectContaining({
          container: 'requests',
          documentId: ownRequest.documentId,
          status,
          stored: ownRequest.stored,
        }),
        {
          container: 'outbox',
          quarantineId: managersMessage.id,
          setAsideAt: SET_ASIDE_AT.toISOString(),
          status: expect.stringContaining("holds other people's data too, so it is not shown here"),
        },
      ]),
    );
    expect(exported.quarantined).toHaveLength(3);
    const text = JSON.stringify(exported);
    expect(text).not.toContain('asks to be released');
    expect(text).not.toContain(unrelated.id);
    expect(text).not.toContain(manager.id);
  });

  it('finds a person whose directory entry was set aside by their email, and exports the entry as stored, naming nobody else', async () => {
    const exported = await exportOf(workflow.store, unreadable.email);
    expect(exported.person).toEqual({ unreadable: expect.stringContaining('could not be read') });
    const [entry] = (await quarantined(workflow.store)).filter((q) => q.documentId === unreadable.id);
    expect(entry?.stored).toContain(unreadable.email);
    expect(entry?.stored).toContain(unreadable.managerId);
    // As stored, but naming nobody else: the manager's id is replaced.
    const shown = entry?.stored.replace(unreadable.managerId as string, '[another member of staff]');
    expect(exported.quarantined).toEqual([
      expect.objectContaining({ container: 'people', documentId: unreadable.id, stored: shown }),
    ]);
  });

  it("erases a person's own set-aside documents, and takes them out of others' that name them", async () => {
    const run = await runAgainst(workflow.store, 'data', 'erase', '--person', visitor.email, '--yes');
    expect(run.code).toBe(0);
    const left = await quarantined(workflow.store);
    const ids = left.map((q) => q.id);
    expect(ids).not.toContain(ownRota.id);
    expect(ids).not.toContain(ownRequest.id);
    expect(left.find((q) => q.id === unrelated.id)).toEqual(unrelated);
    const message = left.find((q) => q.id === managersMessage.id);
    expect(message?.stored).toContain('asks to be released on the night of the 18th');
    for (const needle of [visitor.id, visitor.name, visitor.email])
      expect(JSON.stringify(left).toLowerCase()).not.toContain(needle.toLowerCase());
    for (const container of CONTAINER_NAMES)
      expect({ container, text: JSON.stringify(await workflow.store.query(container)) }).toEqual({
        container,
        text: expect.not.stringContaining(visitor.id),
      });
  });

  it('erases a person whose directory entry was set aside, found by their email', async () => {
    const run = await runAgainst(workflow.store, 'data', 'erase', '--person', unreadable.email, '--yes');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ erased: unreadable.email, deleted: { quarantine: 1 } });
    expect((await quarantined(workflow.store)).some((q) => q.documentId === unreadable.id)).toBe(false);
    const again = await runAgainst(workflow.store, 'data', 'export', '--person', unreadable.email);
    expect(again.code).not.toBe(0);
    expect(again.err).toContain('no one with email');
  });
});
