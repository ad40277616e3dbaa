import type { Deliverer, DeliveryOutcome } from '../../src/app/deliverOutbox';
import type { Notification } from '../../src/app/notifications';
import type { Person } from '../../src/domain/people';
import type { ShadowingRequest } from '../../src/domain/requests';

export interface Delivered {
  id: string;
  personId: string;
  kind: Notification['kind'];
  requestId: string;
}

/**
 * A Deliverer that records every message handed to it. `answer` decides the outcome per message
 * (sent by default), so a test can make someone unreachable or the connector busy.
 */
export function recordingDeliverer(
  answer: (person: Person, notification: Notification) => DeliveryOutcome = () => ({ status: 'sent' }),
): Deliverer & { delivered: Delivered[] } {
  const delivered: Delivered[] = [];
  return {
    delivered,
    async deliver(
      person: Person,
      notification: Notification,
      _request: ShadowingRequest,
    ): Promise<DeliveryOutcome> {
      const outcome = answer(person, notification);
      if (outcome.status === 'sent')
        delivered.push({
          id: notification.id,
          personId: person.id,
          kind: notification.kind,
          requestId: notification.requestId,
        });
      return outcome;
    },
  };
}

/** Gives these people a conversation reference, as installing the app would. */
export async function installFor(
  people: { rememberConversation(id: string, ref: Record<string, unknown>): Promise<void> },
  ids: readonly string[],
): Promise<void> {
  for (const id of ids)
    await people.rememberConversation(id, {
      conversation: { id: `a:${id}-personal` },
      serviceUrl: 'http://127.0.0.1:9/',
      user: { id: `29:${id}` },
    });
}
