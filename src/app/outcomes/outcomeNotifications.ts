import type { ShadowingRequest } from '../../domain/requests';
import type { RetentionSettings } from '../dataRights/retention';
import { withTtl } from '../dataRights/retention';
import type { Notification, NotificationKind } from '../notifications';
import { newNotification } from '../notifyParties';
import type { OutboxRepository } from '../../store/repositories/outboxRepository';
import type { OutcomeNotificationKind } from './outcomeNotificationKinds';

/** Queues one after-visit message per person; the id (kind, request, person, step) keeps it to once. */
export async function queueOutcomeMessages(
  outbox: OutboxRepository,
  kind: OutcomeNotificationKind,
  request: ShadowingRequest,
  people: Array<string | undefined>,
  step: string,
  now: Date,
  retention?: RetentionSettings,
): Promise<Notification[]> {
  const queued: Notification[] = [];
  for (const personId of new Set(people)) {
    if (!personId) continue;
    // The kinds are spread into NOTIFICATION_KINDS; widening first keeps this valid either way.
    const notification = withTtl(
      newNotification(kind as string as NotificationKind, request, personId, step, now),
      retention?.personalDays,
    );
    if (await outbox.enqueue(notification)) queued.push(notification);
  }
  return queued;
}
