import { decideOnRequest } from '../../../src/app/decideOnRequest';
import { createDispatcher, type Dispatcher } from '../../../src/app/dispatcher';
import type { Notification } from '../../../src/app/notifications';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { createLogger } from '../../../src/logging/logger';
import { createAdapter } from '../../../src/teams/createAdapter';
import { SendRateLimiter } from '../../../src/app/sending/sendRateLimiter';
import { TeamsDeliverer } from '../../../src/teams/teamsDeliverer';
import { startScriptedConnector, type ScriptedAnswer } from '../../support/scriptedConnector';
import {
  DEMO_TODAY,
  morningOf,
  seedWorkflow,
  submitFor,
  visitorPerSlot,
  type Workflow,
} from '../../support/workflowFixtures';
import { embeddedSubject } from '../../support/workflowStores';

const conversationOf = (id: string) => `a:${id}-personal`;

/**
 * Proactive sends through the real Teams adapter to a loopback connector that answers as Teams
 * does when someone removed the app (403 / 404) or when it is busy (429 with Retry-After): nobody's message is lost, and a manager who cannot be reached is replaced by the lead.
 */
describe('delivering to people the connector refuses', () => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let connector: Awaited<ReturnType<typeof startScriptedConnector>>;
  let dispatcher: Dispatcher;
  let visitors: Person[];
  /** What the connector answers each conversation, post by post; 200 when not scripted. */
  const scripts = new Map<string, (nth: number) => ScriptedAnswer>();

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    connector = await startScriptedConnector(
      (conversation, nth) => scripts.get(conversation)?.(nth) ?? { status: 200 },
    );
    visitors = await visitorPerSlot(
      workflow.services,
      workflow.offer,
      ['2025-03-18', '2025-03-20', '2025-03-25', '2025-03-27'].map(morningOf),
    );
    const everyone = [
      ...visitors.map((v) => v.id),
      ...visitors.map((v) => v.managerId as string),
      DEMO_IDS.patti,
      DEMO_IDS.adele,
    ];
    for (const id of everyone) {
      await workflow.services.people.rememberConversation(id, {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: conversationOf(id), conversationType: 'personal' },
        user: { id: `29:${id}` },
        bot: { id: '28:shadowing-bot' },
      });
    }
    const deliverer = new TeamsDeliverer(
      createAdapter(),
      '',
      workflow.services,
      new SendRateLimiter({ store: workflow.store }),
    );
    dispatcher = createDispatcher(workflow.store, workflow.services, deliverer, createLogger('silent'));
  });
  afterAll(async () => {
    await connector?.stop();
    await cleanup();
  });

  const outboxOf = async (personId: string, request: ShadowingRequest): Promise<Notification[]> =>
    (await workflow.services.outbox.listForPerson(personId)).filter((n) => n.requestId === request.id);
  const tickAt = async (at: Date) => {
    workflow.setNow(at);
    await dispatcher.tick();
    await dispatcher.idle();
  };
  const postsTo = (personId: string) =>
    connector.posts.filter((p) => p.conversationId === conversationOf(personId));

  it('records a manager who removed the app as unreachable and asks the programme lead instead', async () => {
    const visitor = visitors[0] as Person;
    const managerId = visitor.managerId as string;
    scripts.set(conversationOf(managerId), () => ({ status: 403 }));
    workflow.setNow(DEMO_TODAY);
    const request = await submitFor(workflow, visitor, morningOf('2025-03-18'));

    await tickAt(DEMO_TODAY);

    expect((await outboxOf(managerId, request)).map((n) => n.status)).toEqual(['unreachable']);
    // Stamped with the tick's time plus however long the run has taken on the services' clock,
    // which this test holds still.
    expect((await workflow.services.people.findById(managerId))?.unreachableSince).toBe(
      DEMO_TODAY.toISOString(),
    );
    expect((await outboxOf(DEMO_IDS.patti, request)).map((n) => [n.kind, n.status])).toEqual([
      ['approval_needed', 'sent'],
    ]);
    const told = await outboxOf(visitor.id, request);
    expect(told.map((n) => [n.kind, n.status])).toEqual([['request_update', 'sent']]);
    expect(told[0]?.note).toContain('programme lead');
    expect(postsTo(DEMO_IDS.patti)).toHaveLength(1);
  });

  it('treats 404 (the chat is gone) the same way', async () => {
    const visitor = visitors[1] as Person;
    const managerId = visitor.managerId as string;
    scripts.set(conversationOf(managerId), () => ({ status: 404 }));
    workflow.setNow(DEMO_TODAY);
    const request = await submitFor(workflow, visitor, morningOf('2025-03-20'));
    await tickAt(DEMO_TODAY);
    expect((await outboxOf(managerId, request)).map((n) => n.status)).toEqual(['unreachable']);
    expect((await outboxOf(DEMO_IDS.patti, request)).map((n) => n.kind)).toEqual(['approval_needed']);
  });

  it('records a 429 with its status, waits as Retry-After says, then sends once', async () => {
    const visitor = visitors[2] as Person;
    const managerId = visitor.managerId as string;
    scripts.set(conversationOf(managerId), (nth) =>
      nth === 1 ? { status: 429, headers: { 'Retry-After': '30' } } : { status: 200 },
    );
    workflow.setNow(DEMO_TODAY);
    const request = await submitFor(workflow, visitor, morningOf('2025-03-25'));

    await tickAt(DEMO_TODAY);
    // One post per claim: the outbox, not the HTTP client, decides when to try again.
    expect(postsTo(managerId).map((p) => p.status)).toEqual([429]);
    const [waiting] = await outboxOf(managerId, request);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 429, lastError: 'HTTP 429' });
    const retryAt = DEMO_TODAY.getTime() + 30_000;
    expect(waiting?.nextAttemptAt).toBe(new Date(retryAt).toISOString());

    await tickAt(new Date(DEMO_TODAY.getTime() + 29_000));
    expect(postsTo(managerId)).toHaveLength(1);
    await tickAt(new Date(retryAt));
    expect(postsTo(managerId).map((p) => p.status)).toEqual([429, 200]);
    expect((await outboxOf(managerId, request)).map((n) => [n.status, n.attempts])).toEqual([['sent', 2]]);
  });

  it('tells the programme lead and the visitor the truth when the host cannot be reached', async () => {
    const visitor = visitors[3] as Person;
    const managerId = visitor.managerId as string;
    scripts.set(conversationOf(DEMO_IDS.adele), () => ({ status: 403 }));
    workflow.setNow(DEMO_TODAY);
    const request = await submitFor(workflow, visitor, morningOf('2025-03-27'));
    const manager = (await workflow.services.people.findById(managerId)) as Person;
    const approved = await decideOnRequest(
      workflow.services,
      manager,
      visitor.id,
      request.id,
      { action: 'approve', coverMethod: 'within_team' },
      DEMO_TODAY,
    );
    await workflow.services.afterAnswer.idle();
    expect(approved.ok).toBe(true);

    await tickAt(DEMO_TODAY);

    expect((await outboxOf(DEMO_IDS.adele, request)).map((n) => [n.kind, n.status, n.lastStatus])).toEqual([
      ['host_decision_needed', 'unreachable', 403],
    ]);
    expect((await outboxOf(DEMO_IDS.patti, request)).map((n) => [n.kind, n.status])).toEqual([
      ['escalation', 'sent'],
    ]);
    const told = (await outboxOf(visitor.id, request)).filter((n) => n.id.includes(':lead-host-'));
    expect(told.map((n) => [n.kind, n.status])).toEqual([['request_update', 'sent']]);
    expect(told[0]?.note).toMatch(/could not reach the host/);
    expect(JSON.stringify(postsTo(visitor.id).at(-1)?.body)).toContain('could not reach the host');
  });
});
