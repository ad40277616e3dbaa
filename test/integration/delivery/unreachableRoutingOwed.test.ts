import type { Notification } from '../../../src/app/notifications';
import { ROUTING_SETTLE_MS } from '../../../src/app/unreachableRouting';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { installForUnreachable } from '../../../src/graph/installForUnreachable';
import type { ContainerName } from '../../../src/store/containers';
import {
  StoreUnavailableError,
  type Doc,
  type DocumentStore,
  type WriteOptions,
} from '../../../src/store/documentStore';
import type { Bot, BotDependencies } from '../../../src/teams/createBot';
import { captureLogs } from '../../support/logCapture';
import { startScriptedConnector } from '../../support/scriptedConnector';
import {
  DEMO_TODAY,
  morningOf,
  personOf,
  seedWorkflow,
  submitFor,
  freeVisitors,
  type Workflow,
} from '../../support/workflowFixtures';
import { workflowBot } from '../../support/workflowBot';
import { STORE_SUBJECTS } from '../../support/workflowStores';

type Write = { operation: 'create' | 'replace'; container: ContainerName; doc: Doc };

/** The same store, failing (a 503 or a timeout) the next `times` writes `which` picks out. */
function failingWrites(store: DocumentStore): {
  store: DocumentStore;
  fail(which: (write: Write) => boolean, times?: number): void;
  failed(): number;
} {
  let left = 0;
  let failed = 0;
  let picks: (write: Write) => boolean = () => false;
  const failIfPicked = (write: Write) => {
    if (left === 0 || !picks(write)) return;
    left -= 1;
    failed += 1;
    throw new StoreUnavailableError('the store did not answer in time');
  };
  const wrapped = Object.create(store, {
    create: {
      value: async (container: ContainerName, doc: Doc) => {
        failIfPicked({ operation: 'create', container, doc });
        return store.create(container, doc);
      },
    },
    replace: {
      value: async (container: ContainerName, doc: Doc, options?: WriteOptions) => {
        failIfPicked({ operation: 'replace', container, doc });
        return store.replace(container, doc, options);
      },
    },
  }) as DocumentStore;
  return {
    store: wrapped,
    fail: (which, times = 1) => {
      picks = which;
      left = times;
    },
    failed: () => failed,
  };
}

const markingUnreachable = (w: Write) => w.container === 'people' && w.doc.unreachableSince !== undefined;
const queueingForTheLead = (w: Write) =>
  w.operation === 'create' && w.container === 'outbox' && String(w.doc.id).includes(':lead-');
const removingTheRoutingOwed = (w: Write) =>
  w.container === 'outbox' && w.doc.status === 'unreachable' && w.doc.routingOwedSince === undefined;

/**
 * Once a message is recorded as unreachable, the person is marked unreachable and someone who can
 * act is told (the programme lead asked in the manager's place, or, with Graph on, the app installed
 * and the message put back to be sent). That routing is owed from the same write that records the
 * message unreachable, so when the store fails it (or the process stops before it), the scheduler
 * routes the message once the routing has been owed a while: nobody's request stalls unseen, and
 * a repeat adds nothing. Through the real bot, dispatcher and connector client, on a stepped clock.
 */
describe.each(STORE_SUBJECTS)(
  'routing around an unreachable person that a failure left owed: $name',
  (subject) => {
    let workflow: Workflow;
    let cleanup: () => Promise<void>;
    let connector: Awaited<ReturnType<typeof startScriptedConnector>>;
    let faults: ReturnType<typeof failingWrites>;
    const { logger, lines } = captureLogs();
    const days = ['2025-03-18', '2025-03-20', '2025-03-25', '2025-03-27'].map(morningOf);
    let visitors: Person[];
    const conversationOf = (id: string) => `a:owed-${id}`;
    /** Managers whose chat answers 403, as Teams does for someone who removed the app. */
    const removedTheApp = new Set<string>();

    beforeAll(async () => {
      const opened = await subject.open();
      cleanup = opened.cleanup;
      workflow = await seedWorkflow(opened.store);
      faults = failingWrites(opened.store);
      // Not the programme lead, who is asked in their managers' place.
      visitors = [await personOf(workflow.services, DEMO_IDS.patti)];
      for (const day of days)
        visitors.push(...(await freeVisitors(workflow.services, workflow.offer, day, 1, visitors)));
      visitors.shift();
      connector = await startScriptedConnector((conversation) => ({
        status: [...removedTheApp].some((id) => conversationOf(id) === conversation) ? 403 : 200,
      }));
      for (const id of [DEMO_IDS.patti, ...visitors.flatMap((v) => [v.id, v.managerId as string])])
        await remember(id);
    });
    afterAll(async () => {
      await connector?.stop();
      await cleanup?.();
    });

    const remember = (id: string) =>
      workflow.services.people.rememberConversation(id, {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: conversationOf(id), conversationType: 'personal' },
        user: { id: `29:${id}` },
        bot: { id: '28:shadowing-bot' },
      });
    const botOn = (reachOut?: BotDependencies['reachOut']): Bot =>
      workflowBot(workflow, faults.store, logger, reachOut ? { reachOut } : {});
    const tickAt = async (bot: Bot, at: Date) => {
      workflow.setNow(at);
      await bot.dispatcher.tick();
      await bot.dispatcher.idle();
    };
    const later = (ms: number) => new Date(DEMO_TODAY.getTime() + ms);
    /** The next visitor's request, sent now, to a manager whose chat refuses every message. */
    const requestToAManagerWhoRemovedTheApp = async (): Promise<{
      request: ShadowingRequest;
      managerId: string;
    }> => {
      workflow.setNow(DEMO_TODAY);
      const visitor = visitors.shift() as Person;
      const managerId = visitor.managerId as string;
      removedTheApp.clear();
      removedTheApp.add(managerId);
      // Reachable until now, whatever an earlier case did to this manager.
      await remember(managerId);
      return {
        request: await submitFor(workflow, visitor, days.shift() as { start: string; end: string }),
        managerId,
      };
    };
    const outboxAbout = async (personId: string, request: ShadowingRequest): Promise<Notification[]> =>
      workflow.services.outbox.listAbout(personId, request.id);
    const cardsTo = (personId: string, request: ShadowingRequest) =>
      connector.posts.filter(
        (p) => p.conversationId === conversationOf(personId) && JSON.stringify(p.body).includes(request.id),
      );
    /** What the programme lead and the visitor were sent about the request. */
    const routed = async (request: ShadowingRequest) => ({
      lead: (await outboxAbout(DEMO_IDS.patti, request)).map((n) => [n.kind, n.status]),
      visitor: (await outboxAbout(request.visitorId, request)).map((n) => [n.kind, n.status]),
      leadCards: cardsTo(DEMO_IDS.patti, request).length,
    });
    /** A bot's first tick after a request to such a manager, with the store failing one write `which` picks. */
    const firstTickFailing = async (which: (write: Write) => boolean) => {
      const bot = botOn();
      const sent = await requestToAManagerWhoRemovedTheApp();
      const failedBefore = faults.failed();
      faults.fail(which);
      await tickAt(bot, DEMO_TODAY);
      expect(faults.failed() - failedBefore).toBe(1);
      return { bot, ...sent };
    };
    const askedInstead = {
      lead: [['approval_needed', 'sent']],
      visitor: [['request_update', 'sent']],
      leadCards: 1,
    };

    it.each([
      ['marking the manager unreachable', markingUnreachable],
      ["queueing the programme lead's card", queueingForTheLead],
    ])(
      'asks the programme lead once the routing has been owed a while, when the store failed %s',
      async (_write, which) => {
        const { bot, request, managerId } = await firstTickFailing(which);
        const [approval] = await outboxAbout(managerId, request);
        expect(approval).toMatchObject({
          status: 'unreachable',
          routingOwedSince: DEMO_TODAY.toISOString(),
          recipientUnreachable: true,
        });
        expect((await routed(request)).leadCards).toBe(0);
        expect(lines).toContainEqual(
          expect.objectContaining({
            level: 40,
            notificationId: approval?.id,
            msg: 'outbox delivery: the person cannot be reached, and routing around them failed; the scheduler will do it',
          }),
        );

        // Not yet: the run that recorded it may still be routing it.
        await tickAt(bot, later(ROUTING_SETTLE_MS - 1_000));
        expect((await routed(request)).leadCards).toBe(0);

        await tickAt(bot, later(ROUTING_SETTLE_MS));
        expect(await routed(request)).toEqual(askedInstead);
        expect((await workflow.services.people.findById(managerId))?.unreachableSince).toBeDefined();
        const [done] = await outboxAbout(managerId, request);
        expect(done?.status).toBe('unreachable');
        expect(done?.routingOwedSince).toBeUndefined();

        // Routed once: later ticks add nothing.
        await tickAt(bot, later(2 * ROUTING_SETTLE_MS));
        expect(await routed(request)).toEqual(askedInstead);
      },
    );

    it('routes once when the store failed only the removal of the routing owed', async () => {
      const { bot, request, managerId } = await firstTickFailing(removingTheRoutingOwed);
      expect(await routed(request)).toEqual(askedInstead);
      expect((await outboxAbout(managerId, request))[0]?.routingOwedSince).toBe(DEMO_TODAY.toISOString());

      // The scheduler routes it again: the lead's card and the visitor's news are queued with the
      // same ids, so nothing is added, and the routing owed is removed this time.
      await tickAt(bot, later(ROUTING_SETTLE_MS));
      expect(await routed(request)).toEqual(askedInstead);
      expect((await outboxAbout(managerId, request))[0]?.routingOwedSince).toBeUndefined();
    });

    it('with Graph on, installs the app and puts the message back to be sent, though the first try failed', async () => {
      const installs: string[] = [];
      const bot = botOn((notification, services, hookLogger) =>
        installForUnreachable(
          {
            install: async (userId) => (installs.push(userId), 'installed'),
            findUserId: async () => undefined,
          },
          notification,
          services,
          hookLogger,
        ),
      );
      const { request, managerId } = await requestToAManagerWhoRemovedTheApp();
      // A manager the bot has never talked to: the app can be installed for them.
      removedTheApp.delete(managerId);
      const manager = await personOf(workflow.services, managerId);
      const { conversation: _never, ...withoutChat } = manager;
      await workflow.services.people.upsert(withoutChat);
      faults.fail(markingUnreachable);

      await tickAt(bot, DEMO_TODAY);
      expect(installs).toEqual([]);
      expect((await outboxAbout(managerId, request))[0]).toMatchObject({
        status: 'unreachable',
        attempts: 1,
      });

      await tickAt(bot, later(ROUTING_SETTLE_MS));
      expect(installs).toEqual([managerId]);
      const [waiting] = await outboxAbout(managerId, request);
      expect(waiting).toMatchObject({
        status: 'pending',
        lastError: 'waiting for Teams after installing the app',
      });
      expect(waiting?.routingOwedSince).toBeUndefined();
      expect(waiting?.recipientUnreachable).toBeUndefined();
      // The manager will be asked, so the lead is not.
      expect((await routed(request)).lead).toEqual([]);

      // Teams' installation update arrives; the card reaches the manager when it is tried again.
      await remember(managerId);
      await tickAt(bot, new Date(waiting?.nextAttemptAt as string));
      expect((await outboxAbout(managerId, request))[0]).toMatchObject({ status: 'sent', attempts: 2 });
      expect(cardsTo(managerId, request)).toHaveLength(1);
      expect((await routed(request)).lead).toEqual([]);
    });
  },
);
