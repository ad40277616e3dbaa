import { CardFactory, type TurnContext } from 'botbuilder';
import type { Notification, NotificationKind } from '../app/notifications';
import type { Logger } from '../logging/logger';
import type { Person } from '../domain/people';
import type { ShadowingRequest } from '../domain/requests';
import type { OutboxRepository } from '../store/repositories/outboxRepository';
import type { AdaptiveCardJson } from './cards/cardTypes';

/**
 * Kinds whose card can carry buttons (approve, accept, take the new time, cover). Drawn again from
 * the request as it is now, each shows buttons only while they can still work, and otherwise says
 * plainly where the request stands, in its reader's words.
 */
const KINDS_WITH_BUTTONS: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  'approval_needed',
  'host_decision_needed',
  'time_proposed',
  'decision_reminder',
  'escalation',
  'cover_needed',
  'cover_failed',
]);

/**
 * The message as it is to be drawn again. A note saying why someone was asked to approve (the
 * manager cannot be reached, the request has waited) is dropped once the request no longer waits
 * for that approval: the card then says what has happened instead.
 */
function asNow(notification: Notification, request: ShadowingRequest): Notification {
  const askedToApprove = notification.kind === 'approval_needed' || notification.kind === 'escalation';
  if (!askedToApprove || request.state === 'awaiting_manager' || notification.note === undefined)
    return notification;
  const { note: _asked, ...rest } = notification;
  return rest;
}

export interface EarlierCardsDeps {
  outbox: OutboxRepository;
  /** The card a message becomes for its recipient, drawn from the request as it is now. */
  cardFor(
    recipient: Person,
    notification: Notification,
    request: ShadowingRequest,
  ): Promise<AdaptiveCardJson>;
  /** Waits for a slot in the chat's share of Teams' rate, as a send does. */
  take(conversationId: string): Promise<void>;
  logger?: Logger;
}

/**
 * Replaces, in `context`'s chat, the cards about `request` sent to `person` before `latest`
 * whose buttons may no longer apply, with the same cards drawn from the request as it is now.
 * Best effort: a card that cannot be updated (deleted, too old, Teams unreachable) is logged and
 * left as it was; its buttons are then refused politely with where the request stands. Never throws.
 */
export async function refreshEarlierCards(
  context: TurnContext,
  deps: EarlierCardsDeps,
  person: Person,
  request: ShadowingRequest,
  latest: Notification,
): Promise<void> {
  let earlier: Notification[];
  try {
    earlier = (await deps.outbox.listAbout(person.id, request.id)).filter(
      (n) => n.id !== latest.id && n.status === 'sent' && n.activityId && KINDS_WITH_BUTTONS.has(n.kind),
    );
  } catch (error) {
    deps.logger?.warn({ err: error, requestId: request.id }, 'earlier cards not found, so left as they were');
    return;
  }
  for (const notification of earlier) {
    try {
      const card = await deps.cardFor(person, asNow(notification, request), request);
      await deps.take(context.activity.conversation.id);
      await context.updateActivity({
        type: 'message',
        id: notification.activityId,
        attachments: [CardFactory.adaptiveCard(card)],
      });
      deps.logger?.info(
        { notificationId: notification.id, requestId: request.id, state: request.state },
        'earlier card brought up to date',
      );
    } catch (error) {
      deps.logger?.warn(
        { err: error, notificationId: notification.id, requestId: request.id },
        'earlier card could not be brought up to date; its buttons are refused if pressed',
      );
    }
  }
}
