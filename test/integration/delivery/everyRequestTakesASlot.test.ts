import { notificationId } from '../../../src/app/notifications';
import { newNotification } from '../../../src/app/notifyParties';
import type { SendLimiter } from '../../../src/app/sending/sendRateLimiter';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { Person } from '../../../src/domain/people';
import { createAdapter } from '../../../src/teams/createAdapter';
import { TeamsDeliverer } from '../../../src/teams/teamsDeliverer';
import { startScriptedConnector } from '../../support/scriptedConnector';
import { DEMO_TODAY, morningOf, seedWorkflow, submitFor } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/** A limiter that lets everything go at once and notes each permit and its answer. */
function countingLimiter(): SendLimiter & { taken: string[]; unanswered: () => number } {
  const taken: string[] = [];
  const open = new Set<number>();
  return {
    taken,
    unanswered: () => open.size,
    take: (conversationId) => {
      const n = taken.push(conversationId);
      open.add(n);
      return Promise.resolve({ answered: () => open.delete(n) });
    },
  };
}

/**
 * Teams counts every request to the Bot Connector against the app's 50 a second, card updates
 * included: each one takes a permit of the limiter and says when it was answered, so the limiter
 * can hold the 51st (see AnsweredWindow).
 */
describe.each(STORE_SUBJECTS)('every request to the Bot Connector takes a permit: $name', (subject) => {
  it("a message to the visitor and the update of the visitor's own request card take one each", async () => {
    const { store, cleanup } = await subject.open();
    const connector = await startScriptedConnector();
    try {
      const workflow = await seedWorkflow(store);
      const { services } = workflow;
      const alex = (await services.people.findById(DEMO_IDS.alex)) as Person;
      const reachable: Person = {
        ...alex,
        conversation: {
          channelId: 'msteams',
          serviceUrl: connector.url,
          conversation: { id: 'a:alex', conversationType: 'personal' },
          user: { id: '29:alex' },
          bot: { id: '28:shadowing-bot' },
        },
      };
      await services.people.upsert(reachable);
      const request = await submitFor(workflow, reachable, morningOf('2025-03-18'));
      // The request card the visitor was shown when they sent it, as sendVisitorRequestCard notes it.
      await services.outbox.enqueue({
        ...newNotification('request_update', request, DEMO_IDS.alex, 'card', DEMO_TODAY),
        status: 'sent',
        sentAt: DEMO_TODAY.toISOString(),
        activityId: 'shown-card',
      });
      expect(
        await services.outbox.find(
          DEMO_IDS.alex,
          notificationId('request_update', request.id, DEMO_IDS.alex, 'card'),
        ),
      ).toBeDefined();
      const limiter = countingLimiter();
      const deliverer = new TeamsDeliverer(createAdapter(), '', services, limiter);

      const outcome = await deliverer.deliver(
        reachable,
        newNotification('request_update', request, DEMO_IDS.alex, 'note', DEMO_TODAY, 'A note'),
        request,
      );

      expect(outcome).toMatchObject({ status: 'sent' });
      expect(connector.posts.map((p) => p.method)).toEqual(['POST', 'PUT']);
      expect(limiter.taken).toEqual(['a:alex', 'a:alex']);
      expect(limiter.unanswered()).toBe(0);
    } finally {
      await connector.stop();
      await cleanup();
    }
  });
});
