import type { Person } from '../domain/people';
import type { ShadowingRequest } from '../domain/requests';
import type { Logger } from '../logging/logger';
import { UnreadableDocumentError } from '../store/documentStore';
import type { OutboxRepository, StoredNotification } from '../store/repositories/outboxRepository';
import type { PeopleRepository } from '../store/repositories/peopleRepository';
import type { RequestsRepository } from '../store/repositories/requestsRepository';
import { REQUESTLESS_KINDS, withoutRoutingOwed, type Notification } from './notifications';
import { HeldClaim, LEASE_MS, recordOutcome, type ClaimDependencies, type Recording } from './outboxClaim';
import { routeAroundRecipient } from './unreachableRouting';

export type DeliveryOutcome =
  /** `drawn`: a fingerprint of what the card shows (see Notification.drawn). */
  | { status: 'sent'; activityId?: string; drawn?: string }
  /** `document`: the recipient's record is stored but cannot be read (`people/<id>`). */
  | { status: 'unreachable'; httpStatus?: number; document?: string }
  | { status: 'retry'; error: string; httpStatus?: number; retryAfterMs?: number }
  /** The connector will never take this message (e.g. 400): not tried again, and logged as an error. */
  | { status: 'failed'; error: string; httpStatus: number };

/** Sends one message to one person (the Teams layer: cards, proactive messages, rate limits). */
export interface Deliverer {
  /** `request` is undefined for a message about no single request (the weekly digest). */
  deliver(
    person: Person,
    notification: Notification,
    request: ShadowingRequest | undefined,
  ): Promise<DeliveryOutcome>;
  /**
   * Brings the person's earlier cards about the request up to date with no message beside them
   * (after they acted elsewhere, or when the request closed without a word to them), all but the
   * card `clicked`. Never throws; resolves how many were updated.
   */
  redrawEarlier?(person: Person, request: ShadowingRequest, clicked?: string): Promise<number>;
}

export interface OutboxDependencies extends ClaimDependencies {
  outbox: OutboxRepository;
  people: PeopleRepository;
  requests: RequestsRepository;
  deliverer: Deliverer;
  logger: Logger;
  /** Called when a person cannot be reached, e.g. to send a manager's approval to the programme lead. */
  onUnreachable?: (notification: Notification) => Promise<void>;
}

export { LEASE_MS };
const MAX_BACKOFF_MS = 3_600_000;
/** After this many attempts a message still waiting is logged as a warning; it is never given up. */
const WARN_AFTER_ATTEMPTS = 10;

/**
 * Delivers one queued message at most once per claim: the message is claimed with a conditional
 * write (so only one run, on any instance, sends it), sent, then marked with what happened. The
 * claim is renewed while the send runs, so a slow connector never lets another run send the same
 * message meanwhile. A failure is retried later with back-off (or as the connector asked, at most
 * an hour apart) for as long as it takes; nothing is dropped. If the store fails the write of the
 * outcome, it is tried again for a while under the same claim (see recordOutcome), so a store
 * that is briefly away does not get a message sent twice.
 *
 * At least once, not exactly once: if the process dies after the connector accepted the message
 * and before it is marked sent, or the store stays away longer than those tries, the claim runs
 * out and the message is sent again.
 */
export async function deliverOne(
  deps: OutboxDependencies,
  personId: string,
  id: string,
  now: Date,
): Promise<void> {
  const found = await deps.outbox.find(personId, id);
  if (found) await deliverStored(deps, found, now);
}

/**
 * Delivers a message as it was read or listed, claiming it with the version it was read at: if
 * anyone changed it since (another run claimed, sent or put it off), the claim is refused and
 * this run leaves it alone.
 */
export async function deliverStored(
  deps: OutboxDependencies,
  { notification, etag }: StoredNotification,
  now: Date,
): Promise<void> {
  const stalled = notification.status === 'sending' && (notification.leaseUntil ?? '') < now.toISOString();
  if (notification.status !== 'pending' && !stalled) return;
  const claimed: Notification = {
    ...notification,
    status: 'sending',
    leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
    attempts: notification.attempts + 1,
  };
  const claimedEtag = await deps.outbox.update(claimed, etag);
  if (!claimedEtag) return;

  const claim = new HeldClaim(deps, claimed, claimedEtag, now);
  const { outcome, person } = await attempt(deps, claimed);
  const finished = settle(claimed, outcome, now, person !== undefined);
  const recording = await recordOutcome(deps, claim, finished).finally(() => claim.release());
  logOutcome(deps, finished, outcome, recording);
  if (!recording.recorded && !recording.takenOver) throw recording.error;
  if (recording.recorded && finished.status === 'unreachable') await routeNow(deps, finished, now);
}

/**
 * Routes around the person at once. The routing owed was recorded with the outcome, so if this
 * fails (or the process stops first) the scheduler routes it later (see routeOwedRouting): logged,
 * not thrown, so the other sends of a run go on.
 */
async function routeNow(deps: OutboxDependencies, finished: Notification, now: Date): Promise<void> {
  try {
    await routeAroundRecipient(deps, finished, now);
  } catch (error) {
    deps.logger.warn(
      { err: error, notificationId: finished.id, kind: finished.kind },
      'outbox delivery: the person cannot be reached, and routing around them failed; the scheduler will do it',
    );
  }
}

/** The log says what happened to the message, and whether that could be recorded. */
function logOutcome(
  deps: OutboxDependencies,
  finished: Notification,
  outcome: DeliveryOutcome,
  recording: Recording,
): void {
  const fields = {
    notificationId: finished.id,
    kind: finished.kind,
    status: outcome.status,
    attempts: finished.attempts,
    ...('httpStatus' in outcome && outcome.httpStatus !== undefined
      ? { httpStatus: outcome.httpStatus }
      : {}),
    ...('error' in outcome ? { error: outcome.error } : {}),
    ...('document' in outcome && outcome.document ? { unreadableDocument: outcome.document } : {}),
    ...(finished.status === 'pending' ? { nextAttemptAt: finished.nextAttemptAt } : {}),
  };
  if (!recording.recorded && !recording.takenOver)
    return deps.logger.error(
      {
        ...fields,
        err: recording.error,
        ...('activityId' in outcome ? { activityId: outcome.activityId } : {}),
      },
      outcome.status === 'sent'
        ? 'outbox delivery: sent, but the store could not record it, so it may arrive again once its claim runs out'
        : 'outbox delivery: the store could not record what happened; it will be tried again once its claim runs out',
    );
  if (!recording.recorded)
    return deps.logger.warn(
      fields,
      outcome.status === 'sent'
        ? 'outbox delivery: sent, but another run had taken the message over, so it may arrive twice'
        : 'outbox delivery: not sent, and another run has taken the message over',
    );
  if (outcome.status === 'sent') return deps.logger.info(fields, 'outbox delivery: sent');
  if (outcome.status === 'unreachable')
    return deps.logger.warn(
      fields,
      outcome.document
        ? `outbox delivery: not sent, the recipient's record ${outcome.document} cannot be read`
        : 'outbox delivery: not sent, the person cannot be reached in Teams',
    );
  if (outcome.status === 'failed')
    return deps.logger.error(fields, 'outbox delivery: not sent, and the connector will never take it');
  const level = finished.attempts >= WARN_AFTER_ATTEMPTS ? 'warn' : 'info';
  deps.logger[level](fields, 'outbox delivery: not sent, will try again');
}

/** Sends the message; `person` is set when it was the person who could not be reached. */
async function attempt(
  deps: OutboxDependencies,
  notification: Notification,
): Promise<{ outcome: DeliveryOutcome; person?: Person }> {
  try {
    const [person, request] = await Promise.all([
      deps.people.findById(notification.personId),
      REQUESTLESS_KINDS.has(notification.kind)
        ? undefined
        : deps.requests.find(notification.visitorId, notification.requestId),
    ]);
    if (!person || (!request && !REQUESTLESS_KINDS.has(notification.kind)))
      return { outcome: { status: 'unreachable' } };
    if (!person.conversation) return { outcome: { status: 'unreachable' }, person };
    const outcome = await deps.deliverer.deliver(person, notification, request?.request);
    return outcome.status === 'unreachable' ? { outcome, person } : { outcome };
  } catch (error) {
    // The recipient's own record cannot be read: they cannot be reached until it is mended, so the
    // message goes where an unreachable person's goes instead of being retried for ever.
    if (isRecipientUnreadable(error, notification))
      return { outcome: { status: 'unreachable', document: `people/${notification.personId}` } };
    return { outcome: { status: 'retry', error: error instanceof Error ? error.name : 'unknown error' } };
  }
}

function isRecipientUnreadable(error: unknown, notification: Notification): boolean {
  return (
    error instanceof UnreadableDocumentError &&
    error.container === 'people' &&
    error.id === notification.personId
  );
}

/** `recipientUnreachable`: for 'unreachable', whether it was the recipient themself who could not be reached. */
function settle(
  notification: Notification,
  outcome: DeliveryOutcome,
  now: Date,
  recipientUnreachable: boolean,
): Notification {
  const { leaseUntil: _lease, ...rest } = withoutRoutingOwed(notification);
  const status =
    'httpStatus' in outcome && outcome.httpStatus !== undefined ? { lastStatus: outcome.httpStatus } : {};
  if (outcome.status === 'sent')
    return {
      ...rest,
      status: 'sent',
      sentAt: now.toISOString(),
      ...(outcome.activityId ? { activityId: outcome.activityId } : {}),
      ...(outcome.drawn ? { drawn: outcome.drawn } : {}),
    };
  if (outcome.status === 'unreachable')
    return {
      ...rest,
      ...status,
      status: 'unreachable',
      routingOwedSince: now.toISOString(),
      ...(recipientUnreachable ? { recipientUnreachable: true } : {}),
    };
  if (outcome.status === 'failed') return { ...rest, ...status, status: 'failed', lastError: outcome.error };
  const backoff =
    outcome.retryAfterMs ??
    Math.min(2 ** Math.min(notification.attempts, 20) * 5_000, MAX_BACKOFF_MS) * (0.5 + Math.random());
  return {
    ...rest,
    ...status,
    status: 'pending',
    lastError: outcome.error,
    nextAttemptAt: new Date(now.getTime() + Math.min(backoff, MAX_BACKOFF_MS)).toISOString(),
  };
}
