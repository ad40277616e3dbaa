import type { ShadowingRequest } from '../domain/requests';
import type { Action } from '../domain/workflow/transitions';
import { hostHasBeenTold } from '../domain/workflow/viewers';
import { isErasedStandIn } from '../domain/dataRights/anonymise';
import { notificationId, type Notification, type NotificationKind } from './notifications';
import type { OutboxRepository } from '../store/repositories/outboxRepository';
import { coverToStandDown } from './coverStandDown';

type Recipient = 'visitor' | 'manager' | 'host';

/** Who hears about each move, and what kind of message they get. */
const AFTER: Partial<Record<Action, Array<[Recipient, NotificationKind]>>> = {
  submit: [['manager', 'approval_needed']],
  // The manager hears when someone else (a programme lead) decided, so their card no longer asks.
  approve: [
    ['host', 'host_decision_needed'],
    ['visitor', 'request_update'],
    ['manager', 'request_update'],
  ],
  decline_release: [
    ['visitor', 'request_update'],
    ['manager', 'request_update'],
  ],
  accept: [
    ['visitor', 'visit_confirmed'],
    ['manager', 'request_update'],
  ],
  // The manager hears the visit is off, and what becomes of its cover (never the host's reason).
  decline_visit: [
    ['visitor', 'request_update'],
    ['manager', 'request_update'],
  ],
  accept_rota_changed: [
    ['manager', 'approval_needed'],
    ['visitor', 'request_update'],
  ],
  propose_time: [['visitor', 'time_proposed']],
  accept_time: [['host', 'host_decision_needed']],
  // The host's card asked them about the old time: they hear it has gone back to the manager.
  accept_time_for_manager: [
    ['manager', 'approval_needed'],
    ['host', 'request_update'],
  ],
  reject_time: [['host', 'request_update']],
  cancel: [
    ['visitor', 'request_update'],
    ['manager', 'request_update'],
    ['host', 'request_update'],
  ],
  cancel_for_cover: [
    ['visitor', 'request_update'],
    ['host', 'request_update'],
  ],
  expire: [
    ['visitor', 'request_update'],
    ['manager', 'request_update'],
    ['host', 'request_update'],
  ],
  withdraw: [
    ['visitor', 'request_update'],
    ['manager', 'request_update'],
    ['host', 'request_update'],
  ],
};

/**
 * Queues the messages a move owes. Each id names the request, the step and the recipient, so a
 * retried decision queues nothing new. Returns the messages newly queued, for immediate delivery.
 */
export async function notifyParties(
  outbox: OutboxRepository,
  request: ShadowingRequest,
  action: Action,
  actorId: string,
  now: Date,
  note?: string,
): Promise<Notification[]> {
  const owed = owedByMove(request, action, actorId, now, note);
  // Queued side by side: each is its own document, and none depends on another.
  const fresh = await Promise.all(owed.map((notification) => outbox.enqueue(notification)));
  return owed.filter((_, i) => fresh[i]);
}

/** The messages a move owes, as queued: each person concerned but the one who made it. */
export function owedByMove(
  request: ShadowingRequest,
  action: Action,
  actorId: string,
  now: Date,
  note?: string,
): Notification[] {
  const step = String(request.history.length);
  const ids: Record<Recipient, string | undefined> = {
    visitor: request.visitorId,
    manager: request.managerId,
    host: request.hostId,
  };
  const owed: Notification[] = [];
  for (const [recipient, kind] of AFTER[action] ?? []) {
    const personId = ids[recipient];
    if (!personId || personId === actorId || isErasedStandIn(personId)) continue;
    // A host hears nothing about a request until a manager has released the visitor.
    if (recipient === 'host' && !hostHasBeenTold(request)) continue;
    owed.push(newNotification(kind, request, personId, step, now, note));
  }
  const managerTold = owed.some((n) => n.personId === request.managerId);
  const standDown = coverToStandDown(request, action, managerTold);
  // The programme leads, when it is theirs, are told when the move is filed (owedByLastMove), which
  // can list them: a query across people that the click's own path leaves out.
  if (standDown && 'personId' in standDown && standDown.personId !== actorId)
    owed.push(newNotification('cover_needed', request, standDown.personId, step, now, standDown.note));
  return owed;
}

/**
 * The card asking the department's rota coordinator to arrange cover for an approval, with the
 * same id wherever it is queued (the decision, and the scheduler filing a move that stopped).
 */
export function coordinatorCoverCard(
  request: ShadowingRequest,
  coordinatorId: string,
  now: Date,
): Notification {
  return newNotification(
    'cover_needed',
    request,
    coordinatorId,
    `cover-${(request.coverHistory ?? []).length}`,
    now,
  );
}

export function newNotification(
  kind: NotificationKind,
  request: ShadowingRequest,
  personId: string,
  step: string,
  now: Date,
  note?: string,
): Notification {
  const stamp = now.toISOString();
  return {
    id: notificationId(kind, request.id, personId, step),
    personId,
    kind,
    requestId: request.id,
    visitorId: request.visitorId,
    ...(note ? { note } : {}),
    status: 'pending',
    attempts: 0,
    createdAt: stamp,
    nextAttemptAt: stamp,
  };
}
