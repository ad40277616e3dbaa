import { createDispatcher, type Dispatcher } from '../../../src/app/dispatcher';
import { decideOnRequest } from '../../../src/app/decideOnRequest';
import { describeRequest } from '../../../src/app/describeRequest';
import { SendRateLimiter } from '../../../src/app/sending/sendRateLimiter';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { createLogger } from '../../../src/logging/logger';
import { createAdapter } from '../../../src/teams/createAdapter';
import { TeamsDeliverer } from '../../../src/teams/teamsDeliverer';
import { startScriptedConnector } from '../../support/scriptedConnector';
import { traceStore, type StoreCall } from '../../support/storeTrace';
import {
  DEMO_TODAY,
  morningOf,
  personOf,
  seedWorkflow,
  submitFor,
  visitorPerSlot,
  type Workflow,
} from '../../support/workflowFixtures';
import { embeddedSubject } from '../../support/workflowStores';

const conversationOf = (id: string) => `a:${id}-personal`;

/**
 * A message about a request is drawn from the request as it is when sent: the people, the offer and
 * the rotas are read once for its card (the visitor's rota once for both the rota line and the release) (the host's card with the host's other free times read with
 * everything else, not after a first reading), and the visitor's visits this year only for a card
 * of the manager's, which shows them.
 */
describe('what sending a card about a request reads', () => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let connector: Awaited<ReturnType<typeof startScriptedConnector>>;
  let dispatcher: Dispatcher;
  let visitor: Person;

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    connector = await startScriptedConnector(() => ({ status: 200 }));
    [visitor] = (await visitorPerSlot(workflow.services, workflow.offer, [morningOf('2025-03-18')])) as [
      Person,
    ];
    for (const id of [visitor.id, visitor.managerId as string, DEMO_IDS.adele])
      await workflow.services.people.rememberConversation(id, {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: conversationOf(id), conversationType: 'personal' },
        user: { id: `29:${id}` },
        bot: { id: '28:shadowing-bot' },
      });
    const deliverer = new TeamsDeliverer(
      createAdapter(),
      '',
      workflow.services,
      new SendRateLimiter({ store: workflow.store }),
    );
    dispatcher = createDispatcher(workflow.store, workflow.services, deliverer, createLogger('silent'));
    workflow.setNow(DEMO_TODAY);
  });
  afterAll(async () => {
    await connector?.stop();
    await cleanup();
  });

  /** The store calls made while the messages of one step are delivered, and what was posted. */
  async function deliver(
    step: () => Promise<ShadowingRequest>,
    pressedBy?: string,
  ): Promise<{ calls: StoreCall[]; text: string }> {
    const request = await step();
    const queued = (await workflow.services.outbox.listForPerson(visitor.managerId as string))
      .concat(await workflow.services.outbox.listForPerson(DEMO_IDS.adele))
      .filter((n) => n.requestId === request.id && n.status === 'pending');
    const before = connector.posts.length;
    const trace = traceStore(workflow.store);
    try {
      // As from a card: the card its maker pressed shows the answer, and is not drawn again.
      dispatcher.kick(queued, undefined, pressedBy ? { by: pressedBy } : undefined);
      await dispatcher.idle();
      return {
        calls: [...trace.calls],
        text: JSON.stringify(connector.posts.slice(before).map((p) => p.body)),
      };
    } finally {
      trace.restore();
    }
  }

  const reads = (calls: StoreCall[], container: string, operation: StoreCall['operation']) =>
    calls.filter((c) => c.container === container && c.operation === operation);

  it("reads the visitor's visits this year for the manager's card, and shows them", async () => {
    const { calls, text } = await deliver(() => submitFor(workflow, visitor, morningOf('2025-03-18')));
    expect(text).toContain('Shadowing this year');
    expect(reads(calls, 'requests', 'query').map((c) => c.fields)).toEqual([['state']]);
  });

  it("reads each month of the visitor's rota once for a card (its rota line and its release alike)", async () => {
    const store = workflow.store;
    const read = store.read.bind(store);
    const readMany = store.readMany.bind(store);
    const rotaMonths: string[] = [];
    store.read = ((container, id, partitionKey) => {
      if (container === 'rota') rotaMonths.push(id);
      return read(container, id, partitionKey);
    }) as typeof store.read;
    // A person's months are read together in one call.
    store.readMany = ((container, partitionKey, ids) => {
      if (container === 'rota') rotaMonths.push(...ids);
      return readMany(container, partitionKey, ids);
    }) as typeof store.readMany;
    try {
      const [request] = await workflow.services.requests.listOpenForVisitor(visitor.id);
      if (!request) throw new Error('no open request');
      const view = await describeRequest(workflow.services, request);
      expect(view.release).toBeDefined();
      expect(rotaMonths.length).toBeGreaterThan(0);
      expect(rotaMonths).toEqual([...new Set(rotaMonths)]);
    } finally {
      store.read = read;
      store.readMany = readMany;
    }
  });

  it("reads the host's card once, with the host's other free times, and not the visitor's visits", async () => {
    const { calls, text } = await deliver(async () => {
      const [request] = await workflow.services.requests.listOpenForVisitor(visitor.id);
      if (!request) throw new Error('no open request');
      const manager = await personOf(workflow.services, visitor.managerId as string);
      const approval = { action: 'approve' as const, coverMethod: 'within_team' as const };
      const approved = await decideOnRequest(
        workflow.services,
        manager,
        visitor.id,
        request.id,
        approval,
        DEMO_TODAY,
      );
      await workflow.services.afterAnswer.idle();
      if (!approved.ok) throw new Error(approved.refusal);
      return approved.request;
    }, visitor.managerId);
    expect(text).toContain('Accept');
    expect(text).not.toContain('Shadowing this year');
    // The offer once, for the card and the other free times together.
    expect(reads(calls, 'offers', 'read')).toHaveLength(1);
    // The recipient (the host), then the visitor and the manager for the card, once each: the host
    // just read as the recipient is not read again.
    expect(reads(calls, 'people', 'read')).toHaveLength(3);
    // Only the visitor's open visits, for the clash check of the other free times.
    expect(reads(calls, 'requests', 'query').map((c) => c.fields)).toEqual([['state']]);
  });
});
