import { deliverDue, type DueRunOptions } from '../../../src/app/deliverDue';
import type { OutboxDependencies } from '../../../src/app/deliverOutbox';
import { newNotification } from '../../../src/app/notifyParties';
import { SendRateLimiter, type Grant } from '../../../src/app/sending/sendRateLimiter';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { Person } from '../../../src/domain/people';
import { createAdapter } from '../../../src/teams/createAdapter';
import { TeamsDeliverer } from '../../../src/teams/teamsDeliverer';
import { captureLogs } from '../../support/logCapture';
import { reachableStaff } from '../../support/reachableStaff';
import { startScriptedConnector } from '../../support/scriptedConnector';
import { DEMO_TODAY, morningOf, seedWorkflow, submitFor } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

const RECIPIENTS = 6;
const THROTTLED = 'throttled-2';
const conversationOf = (personId: string) => `a:${personId}`;

/**
 * A clock for the limiter that moves only when a sender sleeps, straight to the end of its sleep:
 * one sender at a time (concurrency 1), so the order of sends and their times are exact.
 */
function jumpingClock(start: number): { now: () => number; sleep: (ms: number) => Promise<void> } {
  let now = start;
  return {
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
  };
}

/**
 * A fan-out through the real outbox, deliverDue and TeamsDeliverer to a loopback Bot Connector that
 * answers 429 with Retry-After 2 to one message: every send after it waits for the pause, the
 * throttled message is sent once when it is due again, and nothing is lost or sent twice.
 */
describe.each(STORE_SUBJECTS)('a message answered 429 in a fan-out: $name', (subject) => {
  it('holds the following sends until the pause ends, then sends the throttled message once', async () => {
    const { store, cleanup } = await subject.open();
    const connector = await startScriptedConnector((conversation, nth) =>
      conversation === conversationOf(THROTTLED) && nth === 1
        ? { status: 429, headers: { 'Retry-After': '2' } }
        : { status: 200 },
    );
    try {
      const workflow = await seedWorkflow(store);
      const alex = (await workflow.services.people.findById(DEMO_IDS.alex)) as Person;
      const request = await submitFor(workflow, alex, morningOf('2025-03-18'));
      const ids = Array.from({ length: RECIPIENTS }, (_, i) => `throttled-${i}`);
      for (const [i, id] of ids.entries()) {
        await workflow.services.people.upsert(reachableStaff(id, connector.url, `Recipient ${i}`));
        // Queued a millisecond apart, so the outbox sends them in this order.
        const queuedAt = new Date(DEMO_TODAY.getTime() - RECIPIENTS + i);
        await workflow.services.outbox.enqueue(
          newNotification('request_update', request, id, 'throttle', queuedAt, 'A note'),
        );
      }
      const clock = jumpingClock(1_800_000_000_000);
      const grants: Grant[] = [];
      const limiter = new SendRateLimiter({ store, ...clock, onGrant: (g) => grants.push(g) });
      const { services } = workflow;
      const { logger } = captureLogs();
      const deps: OutboxDependencies = {
        outbox: services.outbox,
        people: services.people,
        requests: services.requests,
        deliverer: new TeamsDeliverer(createAdapter(), '', services, limiter),
        logger,
      };
      const once: DueRunOptions = { concurrency: 1, elapsedMs: () => 0 };

      await deliverDue(deps, DEMO_TODAY, once);
      const statusOf = async (id: string) =>
        (await services.outbox.listForPerson(id)).find((n) => n.kind === 'request_update');
      const throttled = await statusOf(THROTTLED);
      expect(throttled).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 429 });
      expect(Date.parse(String(throttled?.nextAttemptAt))).toBe(DEMO_TODAY.getTime() + 2_000);
      // Every send after the 429 went once the pause had ended, two seconds on.
      const toOurs = grants.filter((g) => g.conversationId.startsWith('a:throttled-'));
      const at429 = toOurs.find((g) => g.conversationId === conversationOf(THROTTLED))?.at as number;
      const later = toOurs.filter((g) => g.at > at429);
      expect(later.map((g) => g.conversationId)).toEqual(ids.slice(3).map(conversationOf));
      expect(Math.min(...later.map((g) => g.at))).toBeGreaterThanOrEqual(at429 + 2_000);

      // Not due a moment early; sent once when due.
      await deliverDue(deps, new Date(DEMO_TODAY.getTime() + 1_999), once);
      expect(await statusOf(THROTTLED)).toMatchObject({ status: 'pending', attempts: 1 });
      await deliverDue(deps, new Date(DEMO_TODAY.getTime() + 2_000), once);
      for (const id of ids) {
        expect({ id, status: (await statusOf(id))?.status }).toEqual({ id, status: 'sent' });
        const posts = connector.posts.filter((p) => p.conversationId === conversationOf(id));
        expect({ id, statuses: posts.map((p) => p.status) }).toEqual({
          id,
          statuses: id === THROTTLED ? [429, 200] : [200],
        });
      }
    } finally {
      await connector.stop();
      await cleanup();
    }
  });
});
