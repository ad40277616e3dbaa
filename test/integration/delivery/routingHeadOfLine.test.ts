import type { Notification } from '../../../src/app/notifications';
import { createServices, type Services } from '../../../src/app/services';
import {
  ROUTING_PAGE,
  ROUTING_SETTLE_MS,
  routeOwedRouting,
  type RoutingDependencies,
} from '../../../src/app/unreachableRouting';
import type { DocumentStore } from '../../../src/store/documentStore';
import { captureLogs } from '../../support/logCapture';
import { STORE_SUBJECTS } from '../../support/workflowStores';

const OWED_SINCE = new Date('2025-03-03T09:00:00Z');
const MINUTE = 60_000;

/** A message recorded unreachable, its routing owed since `at`. */
function owedMessage(id: string, at: Date): Notification {
  return {
    id,
    kind: 'approval_needed',
    requestId: `request-${id}`,
    personId: `manager-${id}`,
    visitorId: `visitor-${id}`,
    status: 'unreachable',
    attempts: 1,
    createdAt: at.toISOString(),
    nextAttemptAt: at.toISOString(),
    routingOwedSince: at.toISOString(),
  };
}

/**
 * The scheduler routes the messages still owed routing around an unreachable person, a page of the
 * oldest at a time. A message whose routing always fails must not hold the front of that queue:
 * with a page of them failing, nothing else would ever be routed, and each would be logged every
 * minute. Through the real outbox on each store, the routing itself standing in for the one that fails.
 */
describe.each(STORE_SUBJECTS)('a message whose routing always fails, $name', (subject) => {
  let store: DocumentStore;
  let services: Services;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await subject.open();
    store = opened.store;
    cleanup = opened.cleanup;
    services = createServices(store);
  });
  afterAll(async () => cleanup());

  it('delays no other message, and is logged once', async () => {
    const failing = Array.from({ length: ROUTING_PAGE }, (_, i) => owedMessage(`failing-${i}`, OWED_SINCE));
    const routable = owedMessage('routable', new Date(OWED_SINCE.getTime() + 1_000));
    for (const message of [...failing, routable]) await store.create('outbox', { ...message });
    const routed: string[] = [];
    const deps: RoutingDependencies = {
      outbox: services.outbox,
      people: services.people,
      onUnreachable: async (notification) => {
        if (notification.id.startsWith('failing-')) throw new Error('the request cannot be read');
        routed.push(notification.id);
      },
    };
    const { logger, lines } = captureLogs();
    const tick = (minutes: number) =>
      routeOwedRouting(deps, new Date(OWED_SINCE.getTime() + ROUTING_SETTLE_MS + minutes * MINUTE), logger);

    for (let minute = 0; minute < 3; minute += 1) await tick(minute);
    expect(routed).toEqual(['routable']);
    expect((await services.outbox.find(routable.personId, routable.id))?.notification).not.toHaveProperty(
      'routingOwedSince',
    );

    for (let minute = 3; minute < 120; minute += 1) await tick(minute);
    const errors = lines.filter((line) => line.level === 50);
    expect(errors.map((line) => line.notificationId).sort()).toEqual(failing.map((m) => m.id).sort());
    expect(errors[0]).toMatchObject({ requestId: 'request-failing-0', err: expect.anything() });
    const stored = await services.outbox.find(failing[0]!.personId, failing[0]!.id);
    expect(stored?.notification).toMatchObject({
      status: 'unreachable',
      routingFailures: expect.any(Number),
    });
    expect(stored?.notification.routingFailures).toBeGreaterThan(1);
  });
});
