import type { Person } from '../../../src/domain/people';
import { CONTAINER_NAMES } from '../../../src/store/containers';
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

/**
 * A person whose own directory entry is damaged (stored, but it fails to read) and has not been
 * set aside by `doctor --repair` yet: their export and their erasure must still go ahead.
 */
describe.each(STORE_SUBJECTS)('a person whose directory entry is damaged ($name)', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let visitor: Person;
  let manager: Person;

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    [visitor] = (await freeVisitors(workflow.services, workflow.offer, morningOf(VISIT_DAY), 1)) as [Person];
    manager = await personOf(workflow.services, visitor.managerId as string);
    await submitFor(workflow, visitor, morningOf(VISIT_DAY));
    await damagePerson(workflow.store, visitor);
  });
  afterAll(async () => cleanup());

  it('says plainly when an email finds no one because directory entries are damaged', async () => {
    const run = await runAgainst(workflow.store, 'data', 'export', '--person', visitor.email);
    expect(run.code).not.toBe(0);
    expect(run.err).toContain(`no one with email "${visitor.email}"`);
    expect(run.err).toContain('1 directory entry is damaged');
    expect(run.err).toContain('give their directory id instead');
  });

  it('exports what can be read, and says the directory entry is there but could not be read', async () => {
    const run = await runAgainst(workflow.store, 'data', 'export', '--person', visitor.id);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    const exported = JSON.parse(run.out) as Record<string, unknown>;
    expect(exported.person).toEqual({
      unreadable: expect.stringContaining('Your directory entry is still stored, but it is damaged'),
    });
    expect(exported.requestsAsVisitor).toEqual([expect.objectContaining({ state: 'awaiting_manager' })]);
    expect(exported.unreadable).toEqual([
      {
        container: 'people',
        documentId: visitor.id,
        status: expect.stringContaining('Still stored, but damaged and could not be read'),
      },
    ]);
    expect(run.out).not.toContain(manager.id);
    expect(run.out).not.toContain(manager.name);
  });

  it('erases everything of theirs, the damaged entry too', async () => {
    const run = await runAgainst(workflow.store, 'data', 'erase', '--person', visitor.id, '--yes');
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(run.out)).toMatchObject({
      erased: visitor.id,
      deleted: { people: 1 },
      anonymised: { requests: 1 },
    });
    // Gone, not merely unreadable: reading it finds nothing, and nothing left names them.
    expect(await workflow.store.read('people', visitor.id, visitor.id)).toBeUndefined();
    for (const container of CONTAINER_NAMES)
      expect({ container, text: JSON.stringify(await workflow.store.query(container)) }).toEqual({
        container,
        text: expect.not.stringContaining(visitor.id),
      });
    expect(workflow.store.damage.list().filter((d) => d.id === visitor.id)).toEqual([]);
    const again = await runAgainst(workflow.store, 'data', 'export', '--person', visitor.id);
    expect(again.code).not.toBe(0);
    expect(again.err).toContain(`no one with id "${visitor.id}"`);
  });
});
