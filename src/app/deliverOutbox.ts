import type { Person } from '../domain/people';
import type { ShadowingRequest } from '../domain/requests';
import type { Logger } from '../logging/logger';
import { UnreadableDocumentError } from '../store/documentStore';
import type { OutboxRepository, StoredNotification } from '../store/repositories/outboxRepository';
import type { PeopleRepository } from '../store/repositories/peopleRepository';
import type { RequestsRepository } from '../store/repositories/requestsRepository';
import { REQUESTLESS_KINDS, type Notification } from './notifications';

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

export interface OutboxDependencies {
  outbox: OutboxRepository;
  people: PeopleRepository;
  requests: RequestsRepository;
  deliverer: Deliverer;
  logger: Logger;
  /** Called when a person cannot be reached, e.g. to send a manager's approval to the programme lead. */
  onUnreachable?: (notification: Notification) => Promise<void>;
  /** The current time, for renewing a claim while its send runs; by default the run's time plus the time since. */
  clock?: () => Date;
  /** How often a claim is renewed while its send runs (a third of the claim by default). */
  renewClaimEveryMs?: number;
}

export const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 3_600_000;
/** After this many attempts a message still waiting is logged as a warning; it is never given up. */
const WARN_AFTER_ATTEMPTS = 10;

/**
 * Delivers one queued message at most once per claim: the message is claimed with a conditional
 * write (so only one run, on any instance, sends it), sent, then marked with what happened. The
 * claim is renewed while the send runs, so a slow connector never lets another run send the same
 * message meanwhile. A failure is retried later with back-off (or as the connector asked, at most
 * an hour apart) for as long as it takes; nothing is dropped.
 *
 * At least once, not exactly once: if the process dies after the connector accepted the message
 * and before it is marked sent, the claim runs out and the message is sent again.
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

  const claim = holdClaim(deps, claimed, claimedEtag, now);
  const { outcome, person } = await attempt(deps, claimed);
  const held = await claim.release();
  const finished = settle(held.notification, outcome, now);
  const recorded = held.etag !== undefined && (await deps.outbox.update(finished, held.etag)) !== undefined;
  logOutcome(deps, finished, outcome, recorded);
  if (!recorded) return;
  if (finished.status === 'unreachable') {
    if (person) await deps.people.markUnreachable(person.id, now);
    await deps.onUnreachable?.(finished);
  }
}

interface HeldClaim {
  /** Stops renewing; resolves the latest version of the claimed message (etag undefined if the claim was lost). */
  release(): Promise<{ notification: Notification; etag?: string }>;
}

/**
 * Keeps a claim while its send runs: every `renewClaimEveryMs` the claim is extended to a full
 * lease from the current time, with a conditional write. If another run took the message over
 * (this process was paused past the lease), the claim is lost and the outcome is not written.
 */
function holdClaim(deps: OutboxDependencies, claimed: Notification, etag: string, now: Date): HeldClaim {
  const started = performance.now();
  const current = () => deps.clock?.() ?? new Date(now.getTime() + performance.now() - started);
  let latest: { notification: Notification; etag?: string } = { notification: claimed, etag };
  let renewing: Promise<void> = Promise.resolve();
  const renew = async () => {
    if (latest.etag === undefined) return;
    const extended = {
      ...latest.notification,
      leaseUntil: new Date(current().getTime() + LEASE_MS).toISOString(),
    };
    try {
      const next = await deps.outbox.update(extended, latest.etag);
      latest = { notification: extended, ...(next ? { etag: next } : {}) };
    } catch {
      // The store did not answer: the claim still has time; the next renewal tries again.
    }
  };
  const timer = setInterval(
    () => {
      renewing = renewing.then(renew);
    },
    deps.renewClaimEveryMs ?? LEASE_MS / 3,
  );
  timer.unref();
  return {
    release: async () => {
      clearInterval(timer);
      await renewing;
      return latest;
    },
  };
}

/** The log says what happened to the message, and whether that could be recorded. */
function logOutcome(
  deps: OutboxDependencies,
  finished: Notification,
  outcome: DeliveryOutcome,
  recorded: boolean,
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
  if (!recorded)
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

function settle(notification: Notification, outcome: DeliveryOutcome, now: Date): Notification {
  const { leaseUntil: _lease, ...rest } = notification;
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
  if (outcome.status === 'unreachable') return { ...rest, ...status, status: 'unreachable' };
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
