import { retryWhileFailing, type Sleep } from '../shared/retryWhileFailing';
import type { OutboxRepository, StoredNotification } from '../store/repositories/outboxRepository';
import type { Notification } from './notifications';

export const LEASE_MS = 60_000;

/**
 * How long to wait before each further try at recording a send's outcome when the store fails
 * the write (a 503, a timeout, a 429 from Cosmos): 31.5 s in all, inside the claim, which is
 * renewed meanwhile. A store that is briefly away does not get the message sent twice.
 */
export const RECORD_RETRY_DELAYS_MS: readonly number[] = [500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000];

export interface ClaimDependencies {
  outbox: OutboxRepository;
  /** The current time, for renewing a claim; by default the claim's time plus the time since. */
  clock?: () => Date;
  /** How often a claim is renewed while its send runs (a third of the claim by default). */
  renewClaimEveryMs?: number;
  /** How a retry of recording an outcome waits (tests: a wait that ends at once). */
  sleep?: Sleep;
}

/**
 * A claimed message, kept while its send runs and its outcome is recorded: every
 * `renewClaimEveryMs` the claim is extended to a full lease from the current time, with a
 * conditional write. Renewals and the outcome's write go one at a time, so each quotes the
 * version the one before it left.
 */
export class HeldClaim {
  private latest: { notification: Notification; etag?: string };
  private turn: Promise<unknown> = Promise.resolve();
  private finished = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly deps: ClaimDependencies,
    claimed: Notification,
    etag: string,
    now: Date,
  ) {
    this.latest = { notification: claimed, etag };
    const started = performance.now();
    const current = () => deps.clock?.() ?? new Date(now.getTime() + performance.now() - started);
    this.timer = setInterval(() => void this.renew(current()), deps.renewClaimEveryMs ?? LEASE_MS / 3);
    this.timer.unref();
  }

  /**
   * Writes the outcome in place of the claim. Resolves true when written, false when the stored
   * message is not at the version this claim last wrote (see recordOutcome); rejects when the
   * store fails.
   */
  write(outcome: Notification): Promise<boolean> {
    return this.inTurn(async () => {
      if (this.latest.etag === undefined) return false;
      const next = await this.deps.outbox.update(outcome, this.latest.etag);
      if (next === undefined) return false;
      this.finished = true;
      this.latest = { notification: outcome, etag: next };
      return true;
    });
  }

  /** Carries on from the message as stored: still this claim, though its last write's answer was lost. */
  adopt(stored: StoredNotification): Promise<void> {
    return this.inTurn(async () => {
      this.latest = { notification: stored.notification, etag: stored.etag };
    });
  }

  /** Stops renewing. */
  release(): void {
    clearInterval(this.timer);
  }

  private renew(at: Date): Promise<void> {
    return this.inTurn(async () => {
      if (this.finished || this.latest.etag === undefined) return;
      const extended = {
        ...this.latest.notification,
        leaseUntil: new Date(at.getTime() + LEASE_MS).toISOString(),
      };
      try {
        const next = await this.deps.outbox.update(extended, this.latest.etag);
        this.latest = { notification: extended, ...(next ? { etag: next } : {}) };
      } catch {
        // The store did not answer: the claim still has time; the next renewal tries again.
      }
    });
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const done = this.turn.then(work);
    this.turn = done.catch(() => undefined);
    return done;
  }
}

export type Recording =
  | { recorded: true }
  /** Another run claimed the message after this claim ran out: the outcome is not written. */
  | { recorded: false; takenOver: true }
  /** The store failed every try: the message stays claimed until the claim runs out. */
  | { recorded: false; takenOver: false; error: unknown };

/**
 * Records a send's outcome in place of its claim, trying again after RECORD_RETRY_DELAYS_MS while
 * the store fails, with the claim renewed meanwhile.
 */
export async function recordOutcome(
  deps: ClaimDependencies,
  claim: HeldClaim,
  outcome: Notification,
): Promise<Recording> {
  try {
    return await retryWhileFailing(
      () => writeOutcome(deps, claim, outcome),
      RECORD_RETRY_DELAYS_MS,
      deps.sleep,
    );
  } catch (error) {
    return { recorded: false, takenOver: false, error };
  }
}

/**
 * One try at writing the outcome. A write refused as stale is not taken as lost until the stored
 * message says so: if it already holds this outcome (an earlier try was written and only its
 * answer lost), it is recorded; if it is still this claim (a renewal's answer was lost), the write
 * goes again at the stored version; a message another run has claimed since (its attempts moved
 * on) or changed otherwise is left alone.
 */
async function writeOutcome(
  deps: ClaimDependencies,
  claim: HeldClaim,
  outcome: Notification,
): Promise<Recording> {
  if (await claim.write(outcome)) return { recorded: true };
  const stored = await deps.outbox.find(outcome.personId, outcome.id);
  if (stored && holdsOutcome(stored.notification, outcome)) return { recorded: true };
  if (!stored || !isSameClaim(stored.notification, outcome)) return { recorded: false, takenOver: true };
  await claim.adopt(stored);
  return (await claim.write(outcome)) ? { recorded: true } : { recorded: false, takenOver: true };
}

function holdsOutcome(stored: Notification, outcome: Notification): boolean {
  return (
    stored.status === outcome.status &&
    stored.attempts === outcome.attempts &&
    stored.sentAt === outcome.sentAt &&
    stored.nextAttemptAt === outcome.nextAttemptAt
  );
}

/** Every claim counts an attempt, so a message still sending at this claim's count is this claim's. */
function isSameClaim(stored: Notification, outcome: Notification): boolean {
  return stored.status === 'sending' && stored.attempts === outcome.attempts;
}
