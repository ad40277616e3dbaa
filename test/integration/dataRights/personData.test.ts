import { erasePersonData } from '../../../src/app/dataRights/erasePersonData';
import { exportPersonData } from '../../../src/app/dataRights/exportPersonData';
import { stateDocumentId } from '../../../src/store/stateDocumentId';
import type { OutcomeServices } from '../../../src/app/outcomes/outcomeServices';
import { submitOutcomeForm } from '../../../src/app/outcomes/submitOutcomeForm';
import type { Person } from '../../../src/domain/people';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { CONTAINER_NAMES } from '../../../src/store/containers';
import type { DocumentStore } from '../../../src/store/documentStore';
import { confirmedVisit, HOST_FORM, outcomeServicesOf, VISITOR_FORM } from '../../support/outcomeFixtures';
import {
  morningOf,
  personOf,
  seedWorkflow,
  visitorPerSlot,
  type Workflow,
} from '../../support/workflowFixtures';
import { embeddedSubject } from '../../support/workflowStores';

const PURPOSE = 'To understand why discharges from my ward get delayed';

/** Every stored document, in every container, as text. */
async function everything(store: DocumentStore): Promise<Array<{ container: string; text: string }>> {
  const all = await Promise.all(
    CONTAINER_NAMES.map(async (container) =>
      (await store.query(container)).map((doc) => ({ container, text: JSON.stringify(doc).toLowerCase() })),
    ),
  );
  return all.flat();
}

function tracesOf(docs: Array<{ container: string; text: string }>, person: Person): string[] {
  const needles = [person.id, person.email, person.name].map((n) => n.toLowerCase());
  return docs
    .filter((d) => needles.some((n) => d.text.includes(n)))
    .map((d) => `${d.container}: ${d.text.slice(0, 160)}`);
}

describe("a person's data: export and erasure on the embedded store", () => {
  let workflow: Workflow;
  let services: OutcomeServices;
  let cleanup: () => Promise<void>;
  let visitor: Person;
  let manager: Person;
  let adele: Person;
  let everyone: Person[];
  let requestId: string;

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    services = outcomeServicesOf(workflow);
    [visitor] = (await visitorPerSlot(services, workflow.offer, [morningOf('2025-03-18')])) as [Person];
    manager = await personOf(services, visitor.managerId as string);
    adele = await personOf(services, DEMO_IDS.adele);
    // Adele arranges cover for Isaiah's team and the manager for the visitor's.
    const isaiah = await personOf(services, DEMO_IDS.isaiah);
    await services.people.upsert({ ...isaiah, rotaCoordinatorId: adele.id });
    visitor = { ...visitor, rotaCoordinatorId: manager.id };
    await services.people.upsert(visitor);
    everyone = await services.people.listAll();

    // The visitor chats with the bot: a conversation reference and stored turn state.
    const reference = {
      channelId: 'msteams',
      bot: { id: '28:shadowing-bot' },
      conversation: { id: 'a:visitor-chat' },
      user: { id: '29:visitor-user', aadObjectId: visitor.id },
    };
    await services.people.rememberConversation(visitor.id, reference);
    for (const key of [
      'msteams/28:shadowing-bot/conversations/a:visitor-chat',
      'msteams/28:shadowing-bot/users/29:visitor-user',
    ]) {
      const id = stateDocumentId(key);
      await workflow.store.upsert('botstate', {
        id,
        key,
        state: { draft: { what: 'the discharge team', chosen: { hostId: adele.id, hostName: adele.name } } },
      });
    }

    const request = await confirmedVisit(workflow, visitor, '2025-03-18');
    requestId = request.id;
    const after = new Date('2025-03-18T14:00:00Z');
    await submitOutcomeForm(services, 'visitor', visitor, visitor.id, request.id, VISITOR_FORM, after);
    await submitOutcomeForm(services, 'host', adele, visitor.id, request.id, HOST_FORM, after);
    await workflow.store.upsert('jobs', {
      id: `digest:${visitor.id}:2025-W12`,
      kind: 'digest',
      personId: visitor.id,
    });
  });
  afterAll(async () => cleanup());

  it('gives a visitor everything about them and nothing about anyone else', async () => {
    const exported = await exportPersonData(workflow.store, visitor.id);
    expect(exported?.requestsAsVisitor).toHaveLength(1);
    expect(exported?.requestsAsVisitor[0]).toMatchObject({
      purpose: PURPOSE,
      manager: 'your line manager',
      host: 'the host',
    });
    expect(exported?.exchanges).toHaveLength(1);
    expect(exported?.conversationState).toHaveLength(2);
    expect(exported?.rota.length).toBeGreaterThan(0);
    expect(exported?.messages.length).toBeGreaterThan(0);
    const text = JSON.stringify(exported).toLowerCase();
    expect(text).toContain(visitor.email.toLowerCase());
    expect(exported?.person).toMatchObject({ rotaCoordinator: 'recorded in the directory' });
    for (const other of everyone.filter((p) => p.id !== visitor.id)) {
      for (const needle of [other.id, other.email, other.name])
        expect(text).not.toContain(needle.toLowerCase());
    }
  });

  it("gives a manager and a host only their part of the visitor's request", async () => {
    for (const party of [manager, adele]) {
      const exported = await exportPersonData(workflow.store, party.id);
      const text = JSON.stringify(exported).toLowerCase();
      expect(text).not.toContain(PURPOSE.toLowerCase());
      expect(text).not.toContain(VISITOR_FORM.doDifferently.toLowerCase());
      for (const other of everyone.filter((p) => p.id !== party.id)) {
        for (const needle of [other.id, other.email, other.name])
          expect(text).not.toContain(needle.toLowerCase());
      }
    }
    const asHost = await exportPersonData(workflow.store, adele.id);
    expect(asHost?.requestsAsHost).toEqual([
      expect.objectContaining({
        requestId,
        yourRole: 'host',
        yourFeedback: expect.objectContaining({ teamGained: HOST_FORM.teamGained }),
      }),
    ]);
    const asManager = await exportPersonData(workflow.store, manager.id);
    expect(asManager?.requestsAsManager).toEqual([
      expect.objectContaining({
        requestId,
        yourDecisions: [expect.objectContaining({ to: 'awaiting_host', by: 'you' })],
      }),
    ]);
  });

  it('erases the visitor: no trace in any container, and the exchange kept as anonymised counts', async () => {
    expect(tracesOf(await everything(workflow.store), visitor).length).toBeGreaterThan(0);
    const report = await erasePersonData(workflow.store, visitor.id);
    expect(report?.deleted.people).toBe(1);
    expect(tracesOf(await everything(workflow.store), visitor)).toEqual([]);
    expect(JSON.stringify(await workflow.store.query('requests'))).not.toContain(PURPOSE);

    const [record] = await services.exchanges.listPeriod('2025-03');
    expect(record).toMatchObject({
      anonymised: true,
      outcome: 'completed',
      hours: 4,
      visitor: { profession: visitor.profession },
      hostTeamGained: HOST_FORM.teamGained,
    });
    expect(record?.objectives.map((o) => o.rating)).toEqual(['met', 'partly']);
    expect(record?.doDifferently).toBeUndefined();
    expect(await erasePersonData(workflow.store, visitor.id)).toBeUndefined();
  });

  it('erases the host too, leaving the directory and rotas of everyone else alone', async () => {
    const before = (await services.people.listAll()).length;
    await erasePersonData(workflow.store, adele.id);
    expect(tracesOf(await everything(workflow.store), adele)).toEqual([]);
    expect((await services.people.listAll()).length).toBe(before - 1);
    const isaiah = await personOf(services, DEMO_IDS.isaiah);
    expect(isaiah.name).toBe('Isaiah Langer');
    expect(isaiah).not.toHaveProperty('rotaCoordinatorId');
    const [record] = await services.exchanges.listPeriod('2025-03');
    expect(record).toMatchObject({
      host: { profession: 'nursing', department: 'Discharge and Patient Flow' },
      wouldHostAgain: true,
    });
    expect(record?.hostTeamGained).toBeUndefined();
  });
});
