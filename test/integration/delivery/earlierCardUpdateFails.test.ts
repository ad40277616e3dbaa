import { cancelRequest } from '../../../src/app/cancelRequest';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { createAdapter } from '../../../src/teams/createAdapter';
import { createBot, type Bot } from '../../../src/teams/createBot';
import { captureLogs } from '../../support/logCapture';
import { startScriptedConnector } from '../../support/scriptedConnector';
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

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    [visitor] = (await freeVisitors(workflow.services, workflow.offer, morningOf(VISIT_DAY), 1)) as [Person];
    manager = await personOf(workflow.services, visitor.managerId as string);
    // Every message goes through; every update of a message in place fails.
    connector = await startScriptedConnector((_conversation, _nth, method) => ({
      status: method === 'PUT' ? 500 : 200,
    }));
    for (const person of [visitor, manager])
      await workflow.services.people.rememberConversation(person.id, {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: conversationOf(person), conversationType: 'personal' },
        user: { id: `29:${person.id}` },
        bot: { id: '28:shadowing-bot' },
      });
    bot = createBot({
      adapter: createAdapter(),
      store: opened.store,
      logger,
      clock: () => workflow.services.clock(),
      startTypingTimer: false,
    });
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
    await tick();
    await tick();

    const news = toManager().filter((p) => JSON.stringify(p.body).includes('cancelled the visit'));
    expect(news.map((p) => [p.method, p.status])).toEqual([
      ['POST', 200],
      ['PUT', 500],
    ]);
    const recorded = await workflow.services.outbox.listAbout(manager.id, request.id);
    const asked = recorded.find((n) => n.kind === 'approval_needed');
    expect(news[1]?.body).toMatchObject({ id: asked?.activityId });
    expect(recorded.find((n) => n.kind === 'request_update')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'earlier card could not be brought up to date; its buttons are refused if pressed',
        requestId: request.id,
      }),
    );
  });
});
