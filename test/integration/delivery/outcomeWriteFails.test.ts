import { cancelRequest } from '../../../src/app/cancelRequest';
import { deliverOne, LEASE_MS, type OutboxDependencies } from '../../../src/app/deliverOutbox';
import type { Notification } from '../../../src/app/notifications';
import { newNotification } from '../../../src/app/notifyParties';
import { RECORD_RETRY_DELAYS_MS } from '../../../src/app/outboxClaim';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import type { ContainerName } from '../../../src/store/containers';
import {
  StoreUnavailableError,
  type Doc,
  type DocumentStore,
  type WriteOptions,
} from '../../../src/store/documentStore';
import { OutboxRepository } from '../../../src/store/repositories/outboxRepository';
import type { Bot } from '../../../src/teams/createBot';
import { captureLogs } from '../../support/logCapture';
import { startScriptedConnector } from '../../support/scriptedConnector';
import {
  morningOf,
  personOf,
  seedWorkflow,
  submitFor,
  visitorPerSlot,
  type Workflow,
} from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';
import { workflowBot } from '../../support/workflowBot';

/** How the store fails the write that marks a message sent. */
type MarkFault = 'refused' | 'written, answer lost';

/**
 * The same store, failing the next `times` writes that mark one outbox message sent (a 503 or a
 * timeout): refused outright, or written with the answer lost on the way back.
 */
function failingMarkWrites(store: DocumentStore): {
  store: DocumentStore;
  fail(notification: Notification | undefined, times: number, how?: MarkFault): void;
  failed(): number;
} {
  let left = 0;
  let target: string | undefined;
  let fault: MarkFault = 'refused';
  let failed = 0;
  const wrapped = Object.create(store, {
    replace: {
      value: async (container: ContainerName, doc: Doc, options?: WriteOptions) => {
        if (container !== 'outbox' || doc.id !== target || doc.status !== 'sent' || left === 0)
          return store.replace(container, doc, options);
        left -= 1;
        failed += 1;
        if (fault === 'written, answer lost') await store.replace(container, doc, options);
        throw new StoreUnavailableError('the store did not answer in time');
      },
    },
  }) as DocumentStore;
  return {
    store: wrapped,
    fail: (notification, times, how = 'refused') => {
      target = notification?.id;
      left = times;
      fault = how;
    },
    failed: () => failed,
  };
}

/**
 * A message is marked sent after the connector took it. When the store fails that one write, the
 * write is tried again under the same claim, so the person gets the card once and the message is
 * recorded as sent; only a store away for longer than those tries leaves it to be sent again,
 * and that is logged as such. Through the real bot and connector client, on both stores.
 */
describe.each(STORE_SUBJECTS)('the store fails to record a sent message: $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let bot: Bot;
  let connector: Awaited<ReturnType<typeof startScriptedConnector>>;
  let faults: ReturnType<typeof failingMarkWrites>;
  const { logger, lines } = captureLogs();
  /** One visit for each request, within the offer's places (two a week, four a month). */
  const days = ['2025-03-18', '2025-03-20', '2025-03-25', '2025-03-27', '2025-04-01', '2025-04-03'].map(
    morningOf,
  );
  let visitors: Person[];
  const conversationOf = (person: Person) => `a:mark-${person.id}`;

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    faults = failingMarkWrites(opened.store);
    visitors = await visitorPerSlot(workflow.services, workflow.offer, days);
    connector = await startScriptedConnector();
    bot = workflowBot(workflow, faults.store, logger);
  });
  afterAll(async () => {
    await bot?.dispatcher.idle();
    await connector?.stop();
    await cleanup?.();
  });

  /** The next visitor's request, sent; cards counted from here. */
  const nextRequest = async (): Promise<{ request: ShadowingRequest; manager: Person }> => {
    postsBefore = connector.posts.length;
    const visitor = visitors.shift() as Person;
    const manager = await personOf(workflow.services, visitor.managerId as string);
    await workflow.services.people.rememberConversation(manager.id, {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: conversationOf(manager), conversationType: 'personal' },
      user: { id: `29:${manager.id}` },
      bot: { id: '28:shadowing-bot' },
    });
    return {
      request: await submitFor(workflow, visitor, days.shift() as { start: string; end: string }),
      manager,
    };
  };
  const tick = async () => {
    await bot.dispatcher.tick();
    await bot.dispatcher.idle();
  };
  /** A scheduler tick once any claim taken now has run out, as another instance's would be. */
  const tickAfterTheClaim = async () => {
    workflow.setNow(new Date(workflow.services.clock().getTime() + LEASE_MS + 1_000));
    await tick();
  };
  let postsBefore = 0;
  const approvalCards = (manager: Person) =>
    connector.posts
      .slice(postsBefore)
      .filter(
        (p) =>
          p.conversationId === conversationOf(manager) &&
          p.method === 'POST' &&
          JSON.stringify(p.body).includes('asks to be released'),
      );
  const approvalOf = async (manager: Person, request: ShadowingRequest): Promise<Notification | undefined> =>
    (await workflow.services.outbox.listAbout(manager.id, request.id)).find(
      (n) => n.kind === 'approval_needed',
    );
  const mayArriveAgain = (notification: Notification | undefined) =>
    lines.filter(
      (line) =>
        line.notificationId === notification?.id &&
        typeof line.msg === 'string' &&
        line.msg.includes('may arrive'),
    );

  it.each([
    ['once', 1],
    ['several times in a row', RECORD_RETRY_DELAYS_MS.length],
  ])('sends the card once and records it sent when the store fails the mark %s', async (_how, times) => {
    const { request, manager } = await nextRequest();
    const failedBefore = faults.failed();
    faults.fail(await approvalOf(manager, request), times);
    await tick();
    await tickAfterTheClaim();

    expect(faults.failed() - failedBefore).toBe(times);
    expect(approvalCards(manager)).toHaveLength(1);
    const approval = await approvalOf(manager, request);
    expect(approval).toMatchObject({ status: 'sent', attempts: 1 });
    expect(approval?.activityId).toBeDefined();
    expect(mayArriveAgain(approval)).toEqual([]);
  });

  it('takes a mark that was written, though its answer was lost, as recorded', async () => {
    const { request, manager } = await nextRequest();
    faults.fail(await approvalOf(manager, request), 1, 'written, answer lost');
    await tick();
    await tickAfterTheClaim();

    expect(approvalCards(manager)).toHaveLength(1);
    const approval = await approvalOf(manager, request);
    expect(approval).toMatchObject({ status: 'sent', attempts: 1 });
    expect(mayArriveAgain(approval)).toEqual([]);
  });

  it('says in the log that a card may arrive again when the store stays away longer than the tries', async () => {
    const { request, manager } = await nextRequest();
    faults.fail(await approvalOf(manager, request), RECORD_RETRY_DELAYS_MS.length + 1);
    await tick();
    const claimed = await approvalOf(manager, request);
    expect(claimed).toMatchObject({ status: 'sending', attempts: 1 });
    expect(mayArriveAgain(claimed)).toEqual([
      expect.objectContaining({
        level: 50,
        kind: 'approval_needed',
        status: 'sent',
        activityId: expect.any(String),
        msg: 'outbox delivery: sent, but the store could not record it, so it may arrive again once its claim runs out',
      }),
    ]);

    // At least once: with the store back, the message is sent again once its claim has run out.
    await tickAfterTheClaim();
    expect(approvalCards(manager)).toHaveLength(2);
    expect(await approvalOf(manager, request)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('notes what an earlier card now shows though the store fails that write, so it is not drawn again', async () => {
    const { request, manager } = await nextRequest();
    const visitorId = request.visitorId;
    await tick();
    const actor = { id: visitorId, isProgrammeLead: false };
    const now = workflow.services.clock();
    expect(await cancelRequest(workflow.services, visitorId, request.id, actor, now)).toMatchObject({
      ok: true,
    });
    await workflow.services.afterAnswer.idle();
    // Sending the news redraws the approval card in place; the store fails noting what it now shows.
    const failedBefore = faults.failed();
    faults.fail(await approvalOf(manager, request), 1);
    await tick();
    const updates = () =>
      connector.posts
        .slice(postsBefore)
        .filter((p) => p.conversationId === conversationOf(manager) && p.method === 'PUT');
    expect(updates()).toHaveLength(1);
    expect(faults.failed() - failedBefore).toBe(1);

    // A later message about the request to someone else brings the manager's cards up to date: unchanged, so none is drawn.
    const later = newNotification('request_update', request, visitorId, 'later', workflow.services.clock());
    await workflow.services.outbox.enqueue(later);
    bot.dispatcher.kick([later]);
    await bot.dispatcher.idle();
    expect(updates()).toHaveLength(1);
  });

  it('records the outcome when a renewal of the claim was written but its answer was lost', async () => {
    const { request, manager } = await nextRequest();
    const approval = (await approvalOf(manager, request)) as Notification;
    let sendingWrites = 0;
    let renewalLost: () => void = () => undefined;
    const lost = new Promise<void>((resolve) => (renewalLost = resolve));
    // The claim is written; the first renewal is written too, but its answer never comes back.
    const store = Object.create(workflow.store, {
      replace: {
        value: async (container: ContainerName, doc: Doc, options?: WriteOptions) => {
          const written = await workflow.store.replace(container, doc, options);
          const renewal = container === 'outbox' && doc.id === approval.id && doc.status === 'sending';
          if (!renewal || (sendingWrites += 1) !== 2) return written;
          renewalLost();
          throw new StoreUnavailableError('the store did not answer in time');
        },
      },
    }) as DocumentStore;
    const delivered: string[] = [];
    const deps: OutboxDependencies = {
      outbox: new OutboxRepository(store),
      people: workflow.services.people,
      requests: workflow.services.requests,
      logger,
      renewClaimEveryMs: 1,
      // The send is under way until the renewal's answer has been lost.
      deliverer: { deliver: async (_person, n) => (await lost, delivered.push(n.id), { status: 'sent' }) },
    };
    await deliverOne(deps, manager.id, approval.id, workflow.services.clock());

    expect(delivered).toEqual([approval.id]);
    expect(await approvalOf(manager, request)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(mayArriveAgain(approval)).toEqual([]);
  });
});
