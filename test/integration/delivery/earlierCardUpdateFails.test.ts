import { cancelRequest } from '../../../src/app/cancelRequest';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import type { Bot } from '../../../src/teams/createBot';
import { captureLogs } from '../../support/logCapture';
import { startScriptedConnector, type ScriptedAnswer } from '../../support/scriptedConnector';
import { SEND_SCHEDULE_ID, type SendScheduleDoc } from '../../../src/app/sending/reserveSendSlots';
import {
  freeVisitors,
  morningOf,
  personOf,
  seedWorkflow,
  submitFor,
  VISIT_DAY,
  type Workflow,
} from '../../support/workflowFixtures';
import { embeddedSubject } from '../../support/workflowStores';
import { workflowBot } from '../../support/workflowBot';

/**
 * Bringing an earlier card up to date is best effort: when Teams refuses the update, the message
 * that carried it is still recorded as sent (never sent twice), and the failure is logged.
 */
describe('an earlier card Teams will not update', () => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let bot: Bot;
  let connector: Awaited<ReturnType<typeof startScriptedConnector>>;
  let visitor: Person;
  let manager: Person;
  let request: ShadowingRequest;
  const { logger, lines } = captureLogs();
  const conversationOf = (person: Person) => `a:stale-${person.id}`;
  let putAnswer: ScriptedAnswer = { status: 500 };

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    [visitor] = (await freeVisitors(workflow.services, workflow.offer, morningOf(VISIT_DAY), 1)) as [Person];
    manager = await personOf(workflow.services, visitor.managerId as string);
    // Every message goes through; every update of a message in place fails.
    connector = await startScriptedConnector((_conversation, _nth, method) =>
      method !== 'PUT' ? { status: 200 } : putAnswer,
    );
    for (const person of [visitor, manager])
      await workflow.services.people.rememberConversation(person.id, {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: conversationOf(person), conversationType: 'personal' },
        user: { id: `29:${person.id}` },
        bot: { id: '28:shadowing-bot' },
      });
    bot = workflowBot(workflow, opened.store, logger);
    request = await submitFor(workflow, visitor, morningOf(VISIT_DAY));
  });
  afterAll(async () => {
    await bot?.dispatcher.idle();
    await connector?.stop();
    await cleanup?.();
  });

  const tick = async () => {
    await bot.dispatcher.tick();
    await bot.dispatcher.idle();
  };
  const toManager = () => connector.posts.filter((p) => p.conversationId === conversationOf(manager));

  it('records the news as sent, sends it once, and logs the card it could not update', async () => {
    await tick();
    const approval = toManager().find((p) => JSON.stringify(p.body).includes('asks to be released'));
    expect(approval).toBeDefined();
    const actor = { id: visitor.id, isProgrammeLead: false };
    expect(
      await cancelRequest(workflow.services, visitor.id, request.id, actor, workflow.services.clock()),
    ).toMatchObject({ ok: true });
    await workflow.services.afterAnswer.idle();
    await tick();
    await tick();

    const news = toManager().filter((p) => JSON.stringify(p.body).includes('cancelled the visit'));
    expect(news.map((p) => [p.method, p.status])).toEqual([['POST', 200]]);
    const recorded = await workflow.services.outbox.listAbout(manager.id, request.id);
    const asked = recorded.find((n) => n.kind === 'approval_needed');
    const updates = toManager().filter((p) => p.method === 'PUT');
    expect(updates.map((p) => [p.body.id, p.status])).toEqual([[asked?.activityId, 500]]);
    expect(recorded.find((n) => n.kind === 'request_update')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'earlier card could not be brought up to date; its buttons are refused if pressed',
        requestId: request.id,
      }),
    );
  });

  it("pauses every instance's sends when Teams answers an update with 429, as after a send", async () => {
    const second = await submitFor(
      workflow,
      (await freeVisitors(workflow.services, workflow.offer, morningOf('2025-03-20'), 1))[0] as Person,
      morningOf('2025-03-20'),
    );
    const secondVisitor = await personOf(workflow.services, second.visitorId);
    for (const id of [second.visitorId, secondVisitor.managerId as string])
      await workflow.services.people.rememberConversation(id, {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: `a:stale-${id}`, conversationType: 'personal' },
        user: { id: `29:${id}` },
        bot: { id: '28:shadowing-bot' },
      });
    await tick();
    const before = await workflow.store.read<SendScheduleDoc>('jobs', SEND_SCHEDULE_ID, SEND_SCHEDULE_ID);
    expect(before?.doc.throttle).toBeUndefined();
    putAnswer = { status: 429, headers: { 'retry-after': '2' } };
    const actor = { id: second.visitorId, isProgrammeLead: false };
    expect(
      await cancelRequest(workflow.services, second.visitorId, second.id, actor, workflow.services.clock()),
    ).toMatchObject({ ok: true });
    await workflow.services.afterAnswer.idle();
    await tick();

    const throttled = connector.posts.filter((p) => p.method === 'PUT' && p.status === 429);
    expect(throttled).toHaveLength(1);
    const after = await workflow.store.read<SendScheduleDoc>('jobs', SEND_SCHEDULE_ID, SEND_SCHEDULE_ID);
    expect(after?.doc.throttle?.strikes).toBe(1);
    expect(after?.doc.pausedUntilMicros ?? 0).toBeGreaterThan(
      (after?.doc.throttle?.lastAt ?? Infinity) * 1000,
    );
  });
});
