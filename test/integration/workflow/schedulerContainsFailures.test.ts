import { createDispatcher } from '../../../src/app/dispatcher';
import type { Notification } from '../../../src/app/notifications';
import { newNotification } from '../../../src/app/notifyParties';
import { createServices } from '../../../src/app/services';
import type { Person } from '../../../src/domain/people';
import type { DocumentStore } from '../../../src/store/documentStore';
import { OutboxRepository } from '../../../src/store/repositories/outboxRepository';
import { captureLogs } from '../../support/logCapture';
import { installFor, recordingDeliverer } from '../../support/recordingDeliverer';
import {
  morningOf,
  seedWorkflow,
  submitFor,
  visitorPerSlot,
  type Workflow,
} from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/** An outbox that refuses to queue anything about the requests in `refused`, as a failing store would. */
class RefusingOutbox extends OutboxRepository {
  readonly refused = new Set<string>();
  override async enqueue(notification: Notification): Promise<boolean> {
    if (this.refused.has(notification.requestId)) throw new Error('the store refused this write');
    return super.enqueue(notification);
  }
}

/** The store as the scheduler sees it, with its listing of requests failing while `broken` is set. */
function withFailingRequestQueries(store: DocumentStore): { store: DocumentStore; broken: { on: boolean } } {
  const broken = { on: true };
  const failing = new Proxy(store, {
    get(target, property) {
      if (property === 'query')
        return (container: string, ...rest: unknown[]) =>
          broken.on && container === 'requests'
            ? Promise.reject(new Error('the query timed out'))
            : (target.query as (...args: unknown[]) => unknown).call(target, container, ...rest);
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: failing, broken };
}

/**
 * One piece of a scheduler tick that throws (one request's reminder, the listing of requests) is
 * logged and stays its own: the other requests' work and the tick's deliveries still happen, and
 * the next tick does what failed.
 */
describe.each(STORE_SUBJECTS)('a scheduler tick with a failing job: $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let visitors: Person[];

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    visitors = await visitorPerSlot(workflow.services, workflow.offer, [
      morningOf('2025-03-18'),
      morningOf('2025-03-20'),
      morningOf('2025-03-25'),
    ]);
    await installFor(workflow.services.people, [
      ...visitors.map((v) => v.id),
      ...visitors.map((v) => v.managerId as string),
    ]);
  });
  afterAll(async () => cleanup());

  it("still reminds one manager, and delivers, when another request's reminder fails; the next tick sends it", async () => {
    workflow.setNow(new Date('2025-03-03T09:00:00Z'));
    const [first, second] = [visitors[0] as Person, visitors[1] as Person];
    const failing = await submitFor(workflow, first, morningOf('2025-03-18'));
    const other = await submitFor(workflow, second, morningOf('2025-03-20'));
    const outbox = new RefusingOutbox(workflow.store);
    const services = { ...workflow.services, outbox };
    const deliverer = recordingDeliverer();
    const { logger, lines } = captureLogs();
    const dispatcher = createDispatcher(workflow.store, services, deliverer, logger);
    await dispatcher.tick();
    deliverer.delivered.length = 0;

    // Two working days on, both managers are owed a reminder; queueing the first one's fails.
    workflow.setNow(new Date('2025-03-05T10:00:00Z'));
    outbox.refused.add(failing.id);
    await expect(dispatcher.tick()).resolves.toBeUndefined();
    const reminded = () =>
      deliverer.delivered.filter((d) => d.kind === 'decision_reminder').map((d) => [d.requestId, d.personId]);
    expect(reminded()).toEqual([[other.id, second.managerId]]);
    const failed = lines.filter((line) => line.job === 'due: remind');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ level: 50, requestId: failing.id });

    outbox.refused.clear();
    await dispatcher.tick();
    await dispatcher.tick();
    expect(reminded()).toEqual([
      [other.id, second.managerId],
      [failing.id, first.managerId],
    ]);
  });

  it('delivers what is due when listing the requests fails, and queues their work once it answers', async () => {
    workflow.setNow(new Date('2025-03-10T09:00:00Z'));
    const visitor = visitors[2] as Person;
    const request = await submitFor(workflow, visitor, morningOf('2025-03-25'));
    const { store, broken } = withFailingRequestQueries(workflow.store);
    const services = createServices(workflow.store, workflow.services.clock);
    const deliverer = recordingDeliverer();
    const { logger, lines } = captureLogs();
    const dispatcher = createDispatcher(store, services, deliverer, logger);
    const owed = newNotification('request_update', request, visitor.id, 'contained', services.clock());
    await services.outbox.enqueue(owed);

    await expect(dispatcher.tick()).resolves.toBeUndefined();
    // The manager's approval card was due too: everything queued is still sent.
    expect(deliverer.delivered.map((d) => d.id)).toContain(owed.id);
    expect(lines.filter((line) => line.job === 'list open requests')).toHaveLength(1);

    // Two working days on, the reminder waits only for the listing to answer again.
    workflow.setNow(new Date('2025-03-12T10:00:00Z'));
    await dispatcher.tick();
    const reminders = () =>
      deliverer.delivered.filter((d) => d.kind === 'decision_reminder' && d.requestId === request.id);
    expect(reminders()).toEqual([]);
    broken.on = false;
    await dispatcher.tick();
    await dispatcher.tick();
    expect(reminders().map((d) => d.personId)).toEqual([visitor.managerId]);
  });
});
