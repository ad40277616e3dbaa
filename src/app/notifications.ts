import { OUTCOME_NOTIFICATION_KINDS } from './outcomes/outcomeNotificationKinds';

import type { DigestContent } from '../domain/digest/digestTypes';
import type { Setting } from '../domain/offers';

/** What a person is told, and why. The Teams layer turns each kind into a card when it is sent. */
export const NOTIFICATION_KINDS = [
  'approval_needed',
  'host_decision_needed',
  'request_update',
  'time_proposed',
  'visit_confirmed',
  'decision_reminder',
  'escalation',
  'visit_tomorrow',
  'weekly_digest',
  'induction_terms',
  /** To whoever arranges cover (the rota coordinator, or the manager): arranged, or cannot cover? */
  'cover_needed',
  /** To the manager: cover could not be arranged; release without it, or cancel? */
  'cover_failed',
  ...OUTCOME_NOTIFICATION_KINDS,
  /** After a completed visit, the host would like to visit the visitor's team, which has no offer. */
  'return_visit_invite',
  /** To the visitor: a send stopped before the place was held, so the request was removed unsent. */
  'request_not_sent',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Messages about no request: a weekly digest (requestId is the week, visitorId the reader), the
 * induction terms of an imported offer (requestId is the offer, visitorId the host), and a request
 * removed unsent (requestId is the request that is gone; the note says which it was).
 */
export const REQUESTLESS_KINDS: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  'weekly_digest',
  'induction_terms',
  'request_not_sent',
]);

/**
 * Kinds whose card can carry buttons (approve, accept, take the new time, cover). When the request
 * moves on, such a card is drawn again in place so it never offers buttons that cannot work.
 */
/**
 * The steps of cover cards whose note says why this person was asked to see to the cover (5 days
 * waited, the coordinator unreachable, the arranger or the manager erased): the note is dropped
 * from a card drawn again once cover no longer waits. Each is followed by what makes it unique.
 */
export const COVER_ASKING_STEPS = {
  escalated: 'cover-escalate-',
  coordinatorUnreachable: 'cover-unreachable-',
  arrangerErased: 'cover-arranger-erased-',
  managerErased: 'cover-manager-erased-',
} as const;

export const KINDS_WITH_BUTTONS: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  'approval_needed',
  'host_decision_needed',
  'time_proposed',
  'decision_reminder',
  'escalation',
  'cover_needed',
  'cover_failed',
]);

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'unreachable' | 'failed';

/**
 * One message owed to one person. The id is derived from what caused it (request, kind, step), so
 * queueing the same message twice - a retried click, a scheduler run after a crash - stores it
 * once, and it is delivered once.
 */
export interface Notification {
  id: string;
  personId: string;
  kind: NotificationKind;
  requestId: string;
  visitorId: string;
  /** Extra words for the message, e.g. "Megan Bowen approved your release". Never patient data. */
  note?: string;
  status: DeliveryStatus;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
  /** While 'sending': the claim runs out then, and another run may take the message over. */
  leaseUntil?: string;
  sentAt?: string;
  /** The Teams activity id of the card sent, so it can be updated in place later. */
  activityId?: string;
  /**
   * A fingerprint of what the card shows as last drawn in the chat (sent, or updated in place), so
   * it is drawn again only when what it would show has changed.
   */
  drawn?: string;
  lastError?: string;
  /** The HTTP status of the last failed send, when the connector answered one. */
  lastStatus?: number;
  /**
   * Written with status 'unreachable', in the same write: since then, routing around the person
   * (marking them unreachable, asking someone else; see routeAroundRecipient) is owed. Removed
   * once it is done; the scheduler does it for a message still owed after a while.
   */
  routingOwedSince?: string;
  /** With routingOwedSince: the recipient themself could not be reached, so they are marked unreachable. */
  recipientUnreachable?: true;
  /**
   * With routingOwedSince: how many times the scheduler's routing of this message has failed. Each
   * failure moves routingOwedSince on by a longer wait (see routeOwedRouting), so a message that
   * keeps failing goes behind the others instead of holding the front of the queue.
   */
  routingFailures?: number;
  /** For 'weekly_digest' (requestId is the week, visitorId the reader): the digest as built when queued. */
  payload?: DigestContent;
  /** For 'induction_terms' (requestId is the offer, visitorId the host): the offer when queued. */
  offer?: { id: string; title: string; setting: Setting };
}

/** The message without its routing owed (see routingOwedSince): once routed, or put back to be sent. */
export function withoutRoutingOwed(notification: Notification): Notification {
  const {
    routingOwedSince: _since,
    recipientUnreachable: _recipient,
    routingFailures: _failures,
    ...rest
  } = notification;
  return rest;
}

export function notificationId(
  kind: NotificationKind,
  requestId: string,
  personId: string,
  step: string,
): string {
  return `${kind}:${requestId}:${personId}:${step}`;
}
