import { deliverDue, type DueRunOptions } from '../../../src/app/deliverDue';
import type { OutboxDependencies } from '../../../src/app/deliverOutbox';
import { newNotification } from '../../../src/app/notifyParties';
import { SendRateLimiter, type Grant } from '../../../src/app/sending/sendRateLimiter';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { Person } from '../../../src/domain/people';
import { createAdapter } from '../../../src/teams/createAdapter';
import { TeamsDeliverer } from '../../../src/teams/teamsDeliverer';
import { captureLogs } from '../../support/logCapture';
import { startScriptedConnector } from '../../support/scriptedConnector';
import { reachableStaff } from '../../support/reachableStaff';
import { busiestSecond } from '../../support/steppedTime';
import { DEMO_TODAY, morningOf, seedWorkflow, submitFor } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

const RECIPIENTS = 60;
/** How long the first message takes to reach the connector (a stalled process, a slow network). */
const SLOW_TRIP_MS = 30;

/**
 * A clock that moves only when it is told to: when a sender sleeps (straight to the end of its
 * sleep, one sender at a time) or when the connector takes a while to read a request.
 */
function jumpingClock(start: number) {
  let now = start;
  return {
    now: () => now,
    sleep: (ms: number) => {
      now += ms;
      return Promise.resolve();
    },
    advance: (ms: number) => (now += ms),
  };
}

/**
 * A fan-out through the real outbox, deliverDue, TeamsDeliverer and SendRateLimiter to a loopback
 * Bot Connector that reads the first message 30 ms after it was let go, as when the sending
 * process stalls just after handing it over, and the rest at once. The slots alone put the 51st
 * message 1,020.4 ms after the first's slot, inside the second the connector counts from its late
 * first read; it must wait until a second after the first was answered instead.
 */
describe.each(STORE_SUBJECTS)('a message that reaches the connector late: $name', (subject) => {
  it('holds the message 50 places after it until a second after its answer: never 51 in a second', async () => {
    const { store, cleanup } = await subject.open();
    const clock = jumpingClock(1_800_000_000_000);
    const reads: number[] = [];
    const connector = await startScriptedConnector(() => {
      if (reads.length === 0) clock.advance(SLOW_TRIP_MS);
      reads.push(clock.now());
      return { status: 200 };
    });
    try {
      const workflow = await seedWorkflow(store);
      const alex = (await workflow.services.people.findById(DEMO_IDS.alex)) as Person;
      const request = await submitFor(workflow, alex, morningOf('2025-03-18'));
      for (let i = 0; i < RECIPIENTS; i += 1) {
        const id = `far-${i}`;
        await workflow.services.people.upsert(reachableStaff(id, connector.url, `Recipient ${i}`));
        await workflow.services.outbox.enqueue(
          newNotification(
            'request_update',
            request,
            id,
            'far',
            new Date(DEMO_TODAY.getTime() - RECIPIENTS + i),
            'A note',
          ),
        );
      }
      const grants: Grant[] = [];
      const limiter = new SendRateLimiter({ store, ...clock, onGrant: (g) => grants.push(g) });
      const { services } = workflow;
      const deps: OutboxDependencies = {
        outbox: services.outbox,
        people: services.people,
        requests: services.requests,
        deliverer: new TeamsDeliverer(createAdapter(), '', services, limiter),
        logger: captureLogs().logger,
      };
      const once: DueRunOptions = { concurrency: 1, elapsedMs: () => 0 };

      await deliverDue(deps, DEMO_TODAY, once);

      const ours = connector.posts.filter((p) => p.conversationId.startsWith('a:far-'));
      expect(ours.map((p) => p.status)).toEqual(Array.from({ length: RECIPIENTS }, () => 200));
      expect(reads).toHaveLength(connector.posts.length);
      expect(busiestSecond(reads)).toBe(50);
      // The 51st went a second after the first was answered (read 30 ms late, answered at once).
      const first = reads[0] as number;
      expect(grants[50]?.at).toBe(first + 1000);
      expect(grants[50]?.heldMs).toBeGreaterThan(0);
    } finally {
      await connector.stop();
      await cleanup();
    }
  });
});
