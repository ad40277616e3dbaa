import { decideOnRequest } from '../../../src/app/decideOnRequest';
import { deliverOne } from '../../../src/app/deliverOutbox';
import { routeAroundUnreachable } from '../../../src/app/routeAroundUnreachable';
import type { Notification } from '../../../src/app/notifications';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import type { DocumentStore } from '../../../src/store/documentStore';
import { UnreadableDocumentError } from '../../../src/store/documentStore';
import { runAgainst } from '../cli/cliHarness';
import { captureLogs } from '../../support/logCapture';
import { damagePerson } from '../../support/damageDocument';
import { recordingDeliverer } from '../../support/recordingDeliverer';
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

/** A person who manages nobody, hosts nothing and has no requests: not involved in anything. */
async function uninvolved(workflow: Workflow, exclude: readonly Person[]): Promise<Person> {
  const everyone = await workflow.services.people.listAll();
  const offers = await workflow.services.offers.listActive();
  const found = everyone.find(
    (p) =>
      !exclude.some((e) => e.id === p.id) &&
      !everyone.some((other) => other.managerId === p.id) &&
      !offers.some((o) => o.hostId === p.id) &&
      !p.roles.includes('programme_lead'),
  );
  if (!found) throw new Error('the demo organisation has nobody uninvolved');
  return found;
}

describe.each(STORE_SUBJECTS)('damage stays local ($name)', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let bystander: Person;
  let visitor: Person;

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    [visitor] = (await freeVisitors(workflow.services, workflow.offer, morningOf(VISIT_DAY), 1)) as [Person];
    bystander = await uninvolved(workflow, [visitor]);
    await damagePerson(workflow.store, bystander);
  });
  afterAll(async () => cleanup());

  it('fails only the work that needs the damaged document, naming it, and counts it once', async () => {
    const failure = await workflow.services.people.findById(bystander.id).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnreadableDocumentError);
    expect(failure).toMatchObject({
      container: 'people',
      id: bystander.id,
      message: `people/${bystander.id} is stored but cannot be read`,
    });
    const everyone = await workflow.services.people.listAll();
    expect(everyone.some((p) => p.id === bystander.id)).toBe(false);
    expect(everyone.some((p) => p.id === visitor.id)).toBe(true);
    await workflow.services.people.listAll();
    expect(workflow.store.damage.list()).toEqual([
      { container: 'people', partitionKey: bystander.id, id: bystander.id },
    ]);
  });

  it("lets another person's request be sent, approved and routed to the host", async () => {
    const request = await submitFor(workflow, visitor, morningOf(VISIT_DAY));
    const manager = await personOf(workflow.services, visitor.managerId as string);
    const approved = await decideOnRequest(
      workflow.services,
      manager,
      visitor.id,
      request.id,
      { action: 'approve', coverMethod: 'within_team' },
      workflow.services.clock(),
    );
    expect(approved).toMatchObject({ ok: true, request: { state: 'awaiting_host' } });
    if (approved.ok)
      expect((await approved.followUp).map((n) => n.personId)).toContain(workflow.offer.hostId);
  });

  it('doctor finds the damage, an orphan hold and a stuck claim; --repair sets them right and deletes nothing', async () => {
    const { store } = workflow;
    const now = new Date('2026-03-01T09:00:00Z');
    // A place held for a request that was never stored, and a message whose sender died mid-send.
    await workflow.services.holds.reserve(
      workflow.offer.hostId,
      workflow.offer.id,
      { requestId: 'never-stored', ...morningOf('2025-03-20') },
      async () => ({ ok: true }),
    );
    const stuck: Notification = {
      ...(await anyNotification(store)),
      id: 'doctor-stuck-claim',
      status: 'sending',
      leaseUntil: '2026-03-01T08:00:00.000Z',
    };
    await store.create('outbox', stuck as never);

    const checked = await runAgainst(store, 'doctor');
    expect(checked.code).toBe(1);
    expect(checked.out).toContain(`Documents that cannot be read: 1\n  people/${bystander.id}`);
    expect(checked.out).toContain('Places held for requests that are gone or closed: 1\n');
    expect(checked.out).toContain('request never-stored');
    expect(checked.out).toContain(
      'Messages stuck in an expired sending claim: 1\n  outbox/doctor-stuck-claim',
    );
    expect(checked.out).toContain('Run again with --repair');

    const repaired = await runAgainst(store, 'doctor', '--repair');
    expect(repaired.out).toContain(
      'Repaired: 1 place(s) given back, 1 message(s) queued again, 1 document(s) set aside.',
    );
    const moved = /people\/\S+ moved to quarantine\/people\/(\S+)/.exec(repaired.out);
    expect(moved).not.toBeNull();
    const kept = await store.read<{ id: string; stored: string; documentId: string }>(
      'quarantine',
      moved?.[1] as string,
      'people',
    );
    expect(kept?.doc).toMatchObject({ documentId: bystander.id, from: 'people', partitionKey: bystander.id });
    expect(kept?.doc.stored).toContain(bystander.id);
    expect(await store.read('people', bystander.id, bystander.id)).toBeUndefined();
    expect((await workflow.services.outbox.find(stuck.personId, stuck.id))?.notification).toMatchObject({
      status: 'pending',
      nextAttemptAt: now.toISOString(),
    });
    expect(
      (
        await workflow.services.holds.holdsAround(
          workflow.offer.hostId,
          workflow.offer.id,
          morningOf('2025-03-20').start,
        )
      ).some((h) => h.requestId === 'never-stored'),
    ).toBe(false);

    const again = await runAgainst(store, 'doctor');
    expect(again.out).toContain('Documents that cannot be read: 0\n');
    expect(again.out).toContain('Places held for requests that are gone or closed: 0\n');
    expect(again.out).toContain('Messages stuck in an expired sending claim: 0\n');
    expect(again.out).toContain('References to something missing: 0\n');
    expect(again.code).toBe(0);
  });
});

describe.each(STORE_SUBJECTS)('a message to someone whose record cannot be read ($name)', (subject) => {
  it('is marked unreachable, naming the record in the log, and the approval goes to the programme lead', async () => {
    const opened = await subject.open();
    try {
      const workflow = await seedWorkflow(opened.store);
      const [visitor] = (await freeVisitors(workflow.services, workflow.offer, morningOf(VISIT_DAY), 1)) as [
        Person,
      ];
      const manager = await personOf(workflow.services, visitor.managerId as string);
      const request = await submitFor(workflow, visitor, morningOf(VISIT_DAY));
      await damagePerson(workflow.store, manager);
      const [approval] = (await workflow.services.outbox.listForPerson(manager.id)).filter(
        (n) => n.requestId === request.id,
      );
      expect(approval?.kind).toBe('approval_needed');

      // The programme leads have talked to the bot, so they can be reached.
      for (const lead of await workflow.services.people.listProgrammeLeads())
        await workflow.services.people.rememberConversation(lead.id, {
          conversation: { id: `a:${lead.id}` },
        });
      const { logger, lines } = captureLogs();
      const deliverer = recordingDeliverer();
      const now = workflow.services.clock();
      await deliverOne(
        {
          ...workflow.services,
          deliverer,
          logger,
          onUnreachable: async (n) => void (await routeAroundUnreachable(workflow.services, n, now)),
        },
        manager.id,
        approval?.id as string,
        now,
      );
      expect(
        (await workflow.services.outbox.find(manager.id, approval?.id as string))?.notification.status,
      ).toBe('unreachable');
      expect(lines).toContainEqual(
        expect.objectContaining({
          unreadableDocument: `people/${manager.id}`,
          msg: `outbox delivery: not sent, the recipient's record people/${manager.id} cannot be read`,
        }),
      );
      const leads = (await workflow.services.people.listAll()).filter((p) =>
        p.roles.includes('programme_lead'),
      );
      expect(leads.length).toBeGreaterThan(0);
      for (const lead of leads)
        expect(
          (await workflow.services.outbox.listForPerson(lead.id)).map((n) => [n.kind, n.requestId]),
        ).toContainEqual(['approval_needed', request.id]);
      // The visitor is told the truth: their manager could not be reached and the lead was asked.
      expect(
        (await workflow.services.outbox.listForPerson(visitor.id)).some(
          (n) => n.requestId === request.id && n.kind !== 'approval_needed',
        ),
      ).toBe(true);
    } finally {
      await opened.cleanup();
    }
  });
});

async function anyNotification(store: DocumentStore): Promise<Notification> {
  const [first] = await store.query<Notification & { [field: string]: unknown }>('outbox');
  if (!first) throw new Error('no message queued yet');
  return first;
}

describe.each(STORE_SUBJECTS)('documents without the fields the code relies on ($name)', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let visitor: Person;
  let good: ShadowingRequest;

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    [visitor] = (await freeVisitors(workflow.services, workflow.offer, morningOf(VISIT_DAY), 1)) as [Person];
    good = await submitFor(workflow, visitor, morningOf(VISIT_DAY));
  });
  afterAll(async () => cleanup());

  /** Each is stored as it is (a store writes any document with an id and partition key). */
  const damaged = (): Array<Record<string, unknown>> => {
    const { id: _id, state: _state, ...stateless } = good;
    return [
      { ...stateless, id: 'request-without-state' },
      { ...good, id: 'request-in-unknown-state', state: 'on_hold' },
      { ...good, id: 'request-with-unreadable-date', start: 'next Tuesday' },
      { ...good, id: 'request-with-unreadable-creation', createdAt: '31/02/2026' },
    ];
  };

  it('reports each as unreadable, naming it, and queries skip it instead of failing later', async () => {
    const { store, services } = workflow;
    for (const doc of damaged()) await store.upsert('requests', doc as never);

    // Reading one fails, naming it; the work that does not need it goes on.
    for (const doc of damaged()) {
      const failure = await store
        .read('requests', String(doc.id), visitor.id)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(UnreadableDocumentError);
      expect(failure).toMatchObject({ message: `requests/${String(doc.id)} is stored but cannot be read` });
    }
    expect((await services.requests.listForVisitor(visitor.id)).map((r) => r.id)).toEqual([good.id]);
    expect((await services.requests.listOpenForVisitor(visitor.id)).map((r) => r.id)).toEqual([good.id]);

    const found = store.damage.list().map((d) => `${d.container}/${d.id}`);
    for (const doc of damaged()) expect(found).toContain(`requests/${String(doc.id)}`);
    const checked = await runAgainst(store, 'doctor');
    expect(checked.out).toContain(`Documents that cannot be read: ${damaged().length}\n`);
  });
});
